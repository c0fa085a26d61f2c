import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { PageTitle } from '../../../components/PageTitle';
import { Empty, queryState } from '../../../components/status';
import { formatDate } from '../../../lib/labels';
import { useDebounced } from '../../../lib/use-debounced';
import { MailboxQuery } from '../api/operations';

/** The local mailbox: emails the app delivered while no SMTP server is configured (operators only). */
export function MailboxPage() {
  const [to, setTo] = useState('');
  const query = useQuery(MailboxQuery, { variables: { to: useDebounced(to.trim()) || null }, fetchPolicy: 'cache-and-network', pollInterval: 10_000 });
  const messages = query.data?.devMailbox ?? [];
  return (
    <section>
      <PageTitle title="Mailbox">Local mailbox</PageTitle>
      <label className="table-filter">Recipient<input type="search" value={to} onChange={(e) => setTo(e.target.value)} placeholder="someone@example.test" /></label>
      {queryState('the mailbox', query) ?? (messages.length === 0 ? <Empty>No email delivered{to ? ` to ${to}` : ''} yet.</Empty> : (
        <ul className="plain mailbox">
          {messages.map((m) => (
            <li key={m.messageId} className="card">
              <details>
                <summary><strong>{m.subject}</strong> — to {m.to} · {formatDate(m.deliveredAt)}</summary>
                <p className="hint">From {m.from}</p>
                <pre className="mail-body">{m.text}</pre>
              </details>
            </li>
          ))}
        </ul>
      ))}
    </section>
  );
}
