import pg from 'pg';

export const EVENTS_CHANNEL = 'slp_events';
export const OUTBOX_CHANNEL = 'slp_outbox';

export interface ChangeListener {
  close(): Promise<void>;
}

/**
 * One dedicated PostgreSQL connection per process that LISTENs to both channels. NOTIFY is sent by
 * triggers inside the writing transaction, so it arrives only after that transaction commits and
 * never for a rolled-back change. On a lost connection it reconnects; alerts sent meanwhile are
 * missed (emails are not: the outbox is polled too).
 */
export async function listenForChanges(
  databaseUrl: string,
  onNotice: (channel: string, payload: string) => void,
  retryMs = 1000,
): Promise<ChangeListener> {
  let client: pg.Client | null = null;
  let closing = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: databaseUrl });
    next.on('notification', (message) => onNotice(message.channel, message.payload ?? ''));
    next.on('error', () => lost(next));
    next.on('end', () => lost(next));
    await next.connect();
    await next.query(`listen ${EVENTS_CHANNEL}; listen ${OUTBOX_CHANNEL}`);
    client = next;
  };
  const connectLater = (): void => {
    if (!closing)
      retry = setTimeout(() => {
        connect().catch(connectLater);
      }, retryMs);
  };
  const lost = (broken: pg.Client) => {
    if (closing || client !== broken) return;
    client = null;
    broken.end().catch(() => {});
    connectLater();
  };

  await connect();
  return {
    async close() {
      closing = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
