import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const module = fileURLToPath(new URL('./embedded-postgres.ts', import.meta.url));
/** The server package, where `--import tsx` resolves, whichever directory the tests run from. */
const serverPackage = fileURLToPath(new URL('../..', import.meta.url));

/**
 * A process that imports embedded-postgres (so async-exit-hook holds the signals), is sent `signals`
 * before it takes them, as a replacement API process is when its primary stops while it loads, and
 * then takes them as main.ts does. Prints what it saw and how it ended.
 */
function takingSignalsLate(stopOn: string[], signals: string[]): Promise<string> {
  const script = `
    const { takeStopSignals } = await import(${JSON.stringify(module)});
    for (const signal of ${JSON.stringify(signals)}) process.kill(process.pid, signal);
    takeStopSignals(${JSON.stringify(stopOn)}).then((signal) => { console.log('stopping on ' + signal); process.exit(0); });
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
  expect(await takingSignalsLate(['SIGTERM'], ['SIGTERM'])).toBe('stopping on SIGTERM (0)');
});

it('ignores the stop signal it was not asked to stop on, and stops on the other', async () => {
  expect(await takingSignalsLate(['SIGTERM'], ['SIGINT'])).toBe('no stop signal (3)');
  expect(await takingSignalsLate(['SIGTERM'], ['SIGINT', 'SIGTERM'])).toBe('stopping on SIGTERM (0)');
  expect(await takingSignalsLate(['SIGINT', 'SIGTERM'], ['SIGINT'])).toBe('stopping on SIGINT (0)');
});
