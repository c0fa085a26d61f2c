import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const module = fileURLToPath(new URL('./embedded-postgres.ts', import.meta.url));
/** The server package, where `--import tsx` resolves, whichever directory the tests run from. */
const serverPackage = fileURLToPath(new URL('../..', import.meta.url));

interface Sent {
  /** Signals sent before the process takes them, as a replacement API process gets its primary's stop while it loads. */
  before?: string[];
  /** Signals sent once it has taken them. */
  after?: string[];
}

/**
 * A process that imports embedded-postgres (so async-exit-hook holds the signals), is sent signals,
 * and takes them as main.ts does. Prints what it saw and how it ended.
 */
function takingSignals(stopOn: string[], { before = [], after = [] }: Sent): Promise<string> {
  const script = `
    const { takeStopSignals } = await import(${JSON.stringify(module)});
    for (const signal of ${JSON.stringify(before)}) process.kill(process.pid, signal);
    takeStopSignals(${JSON.stringify(stopOn)}).then((signal) => { console.log('stopping on ' + signal); process.exit(0); });
    for (const signal of ${JSON.stringify(after)}) process.kill(process.pid, signal);
    setTimeout(() => { console.log('no stop signal'); process.exit(3); }, 1500);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: serverPackage,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(`${output.trim()} (${signal ?? code})`)));
}

it('keeps a SIGTERM that came before the process took the stop signals', async () => {
  expect(await takingSignals(['SIGTERM'], { before: ['SIGTERM'] })).toBe('stopping on SIGTERM (0)');
  expect(await takingSignals(['SIGTERM'], { before: ['SIGINT', 'SIGTERM'] })).toBe('stopping on SIGTERM (0)');
});

it('ignores the stop signal it was not asked to stop on, and stops on the other', async () => {
  // Not listened for, a SIGINT would end the process at once: "(SIGINT)".
  expect(await takingSignals(['SIGTERM'], { after: ['SIGINT'] })).toBe('no stop signal (3)');
  expect(await takingSignals(['SIGTERM'], { after: ['SIGINT', 'SIGTERM'] })).toBe('stopping on SIGTERM (0)');
  expect(await takingSignals(['SIGINT', 'SIGTERM'], { after: ['SIGINT'] })).toBe('stopping on SIGINT (0)');
});
