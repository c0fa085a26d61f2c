#!/usr/bin/env node
// A dashboard's side of the Seller Leads Pool API: `node main.mjs sync` runs one incremental sync and
// exits; `node main.mjs serve` receives webhooks and syncs when one arrives (and every
// SLP_SYNC_SECONDS). Every outcome is one JSON line on stdout. See README.md.
import { createReceiver } from './webhooks.mjs';
import { loadState, saveState, syncLeads } from './sync.mjs';

const env = process.env;
const required = (name) => {
  if (!env[name]) {
    console.error(`Set ${name} (see README.md)`);
    process.exit(2);
  }
  return env[name];
};
const log = (entry) => console.log(JSON.stringify(entry));

const apiUrl = env.SLP_API_URL ?? 'http://localhost:4000/graphql';
const stateFile = env.SLP_STATE_FILE ?? './slp-sync-state.json';
const overlapMs = Number(env.SLP_SYNC_OVERLAP_MS ?? 5_000);

/** One run: what changed, the cursor saved only once the changes are handled. */
async function syncOnce(token) {
  const { changed, state } = await syncLeads({ apiUrl, token, state: await loadState(stateFile), overlapMs });
  // A real dashboard stores `changed` here (upsert by id), then saves the cursor.
  await saveState(stateFile, state);
  log({
    event: 'synced',
    since: state.since,
    changed: changed.map(({ id, status, updatedAt, inquiry }) => ({
      id,
      status,
      updatedAt,
      contactAccess: inquiry?.contactAccess ?? null,
    })),
  });
}

/** Syncs one at a time; a request to sync while one runs makes one more run after it. */
function serialSync(token) {
  let running = null;
  let again = false;
  const run = () => {
    if (running) {
      again = true;
      return running;
    }
    running = syncOnce(token)
      .catch((error) => log({ event: 'sync-failed', error: String(error.message ?? error) }))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          run();
        }
      });
    return running;
  };
  return run;
}

const command = process.argv[2] ?? 'sync';
const token = required('SLP_TOKEN');
if (command === 'sync') {
  await syncOnce(token);
} else if (command === 'serve') {
  const sync = serialSync(token);
  const receiver = createReceiver({
    secret: required('SLP_WEBHOOK_SECRET'),
    onEvent: (event) => {
      log({ event: 'webhook', id: event.id, type: event.type, data: event.data });
      sync();
    },
    onRefused: ({ reason }) => log({ event: 'webhook-refused', reason }),
  });
  receiver.listen(Number(env.PORT ?? 8787), env.HOST ?? '127.0.0.1', () => {
    log({ event: 'listening', url: `http://${env.HOST ?? '127.0.0.1'}:${receiver.address().port}/webhooks` });
    sync();
  });
  const seconds = Number(env.SLP_SYNC_SECONDS ?? 300);
  if (seconds > 0) setInterval(sync, seconds * 1000).unref();
  const stop = () => receiver.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} else {
  console.error('Usage: node main.mjs sync | serve');
  process.exit(2);
}
