import { useEffect, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { UrlPager } from '../../../components/UrlPager';
import { PageTitle } from '../../../components/PageTitle';
import { Empty, queryState } from '../../../components/status';
import { formatDate } from '../../../lib/labels';
import { useDebounced } from '../../../lib/use-debounced';
import { useUrlPage } from '../../../lib/url-pages';
import { MailboxQuery } from '../api/operations';

/** The local mailbox: emails the app delivered while no SMTP server is configured (operators only), in pages. */
export function MailboxPage() {
  const pages = useUrlPage();
  const to = pages.params.get('to') ?? '';
  const [typed, setTyped] = useState(to);
  const settled = useDebounced(typed.trim());
  useEffect(() => {
    if (settled !== to) pages.restart({ to: settled || null });
  }, [settled]); // eslint-disable-line react-hooks/exhaustive-deps
  const query = useQuery(MailboxQuery, {
    variables: { to: to || null, ...pages.variables },
    fetchPolicy: 'cache-and-network',
    pollInterval: 10_000,
  });
  const list = query.data?.mailbox;
  const messages = list?.edges.map((e) => e.node) ?? [];
  return (
    <section>
      <PageTitle title="Mailbox">Local mailbox</PageTitle>
      <label className="table-filter">
        Recipient
        <input type="search" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder="someone@example.test" />
      </label>
      {queryState('the mailbox', query) ??
        (messages.length === 0 ? (
          <Empty>No email delivered{to ? ` to ${to}` : ''} yet.</Empty>
        ) : (
          <>
            <ul className="plain mailbox">
              {messages.map((m) => (
                <li key={m.messageId} className="card">
                  <details>
                    <summary>
                      <strong>{m.subject}</strong> — to {m.to} · {formatDate(m.deliveredAt)}
                    </summary>
                    <p className="hint">From {m.from}</p>
                    {/* The email's own HTML, isolated from the app: no scripts, no access to this page. */}
                    <iframe className="mail-html" title={`HTML body of “${m.subject}”`} sandbox="" srcDoc={m.html} />
                    <details>
                      <summary>Plain-text body</summary>
                      <pre className="mail-body">{m.text}</pre>
                    </details>
                  </details>
                </li>
              ))}
            </ul>
            {list && <UrlPager label="Emails" list={list} pages={pages} />}
          </>
        ))}
    </section>
  );
}
