import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { PageTitle } from '../../../components/PageTitle';
import { Empty, queryState } from '../../../components/status';
import { formatDate } from '../../../lib/labels';
import { useDebounced } from '../../../lib/use-debounced';
import { MailboxQuery } from '../api/operations';

const PAGE = 50;
/** The API returns at most 100. */
const MOST = 100;

/** The local mailbox: emails the app delivered while no SMTP server is configured (operators only). */
export function MailboxPage() {
  const [to, setTo] = useState('');
  const [shown, setShown] = useState(PAGE);
  // One more than shown tells whether older emails exist.
  const query = useQuery(MailboxQuery, {
    variables: { to: useDebounced(to.trim()) || null, first: Math.min(shown + 1, MOST) },
    fetchPolicy: 'cache-and-network', pollInterval: 10_000,
  });
  const all = query.data?.devMailbox ?? [];
  const messages = all.slice(0, shown);
  const more = all.length > messages.length;
  const atLimit = shown >= MOST && messages.length === MOST;
  return (
    <section>
      <PageTitle title="Mailbox">Local mailbox</PageTitle>
      <label className="table-filter">Recipient<input type="search" value={to} onChange={(e) => setTo(e.target.value)} placeholder="someone@example.test" /></label>
      {queryState('the mailbox', query) ?? (messages.length === 0 ? <Empty>No email delivered{to ? ` to ${to}` : ''} yet.</Empty> : (
        <>
          <p role="status">{more ? `The latest ${messages.length} emails; older ones exist.`
            : atLimit ? `The latest ${MOST} emails; older ones may exist.` : `${messages.length} ${messages.length === 1 ? 'email' : 'emails'}.`}</p>
          <ul className="plain mailbox">
            {messages.map((m) => (
              <li key={m.messageId} className="card">
                <details>
                  <summary><strong>{m.subject}</strong> — to {m.to} · {formatDate(m.deliveredAt)}</summary>
                  <p className="hint">From {m.from}</p>
                  {/* The email's own HTML, isolated from the app: no scripts, no access to this page. */}
                  <iframe className="mail-html" title={`HTML body of “${m.subject}”`} sandbox="" srcDoc={m.html} />
                  <details><summary>Plain-text body</summary><pre className="mail-body">{m.text}</pre></details>
                </details>
              </li>
            ))}
          </ul>
          {more && <button type="button" onClick={() => setShown(MOST)}>Show older emails (up to {MOST})</button>}
          {atLimit && <p className="hint">Only the latest {MOST} can be listed: filter by recipient to find an older one.</p>}
        </>
      ))}
    </section>
  );
}
