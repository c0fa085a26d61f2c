/** A global ID as the API writes it: base64url of "Type:id", without padding. */
const globalId = (type: string, column: string) =>
  `rtrim(translate(encode(convert_to('${type}:' || ${column}, 'UTF8'), 'base64'), '+/', '-_'), '=')`;
const isoTime = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The NEW tab page as one hand-written statement: the viewer from the session, the page by keyset on
 * (partner_id, status, created_at, id), every nested object built as JSON by PostgreSQL, the total.
 * $1 session token hash, $2 page size + 1, $3 and $4 the creation time and id the page starts after
 * (null: first page). One row: the tab's total and the page as [{ id, ms, node }], newest first.
 */
export const newTabSql = `
with viewer as (
  select u.partner_id from sessions s join users u on u.id = s.user_id
  where s.token_hash = $1 and s.expires_at > now() and u.partner_id is not null
), page as (
  select l.id, l.created_at, (extract(epoch from l.created_at) * 1000)::bigint as ms, json_build_object(
    'id', ${globalId('Lead', 'l.id')}, 'status', l.status, 'source', l.source, 'createdAt', ${isoTime('l.created_at')},
    'inquiry', json_build_object(
      'id', ${globalId('Inquiry', 'i.id')}, 'requestType', i.request_type, 'serviceType', i.service_type,
      'companySize', i.company_size, 'productCategory', i.product_category, 'location', i.location,
      'budget', json_build_object('amount', round(i.budget_amount, 2)::text, 'currency', i.currency),
      'contactAccess', 'LOCKED', 'createdAt', ${isoTime('i.created_at')}),
    'service', case when s.id is null then null else json_build_object(
      'id', ${globalId('Service', 's.id')}, 'title', s.title, 'serviceType', s.service_type) end,
    'partner', json_build_object('id', ${globalId('Partner', 'p.id')}, 'name', p.name)
  ) as node
  from viewer v
  join leads l on l.partner_id = v.partner_id and l.status = 'NEW'
    and ($3::timestamptz is null or (l.created_at, l.id) < ($3, $4::int))
  join inquiries i on i.id = l.inquiry_id
  join partners p on p.id = l.partner_id
  left join services s on s.id = l.service_id
  order by l.created_at desc, l.id desc
  limit $2
)
select
  (select count(*) from leads c, viewer v where c.partner_id = v.partner_id and c.status = 'NEW')::int as total,
  (select coalesce(json_agg(json_build_object('id', id, 'ms', ms, 'node', node) order by created_at desc, id desc), '[]') from page) as rows`;
