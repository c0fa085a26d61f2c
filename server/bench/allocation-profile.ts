// Preloaded into a server process with BENCH_ALLOC_PROF=dir (see ipc.ts): V8's sampling heap profiler,
// counting objects the collector has already freed too, so the profile shows what requests allocate
// (garbage per page), not only what stays. At exit it writes the profile (open it in Chrome's
// DevTools, Memory tab) and a line with the bytes allocated per HTTP request, startup included.
// BENCH_ALLOC_SURVIVORS=1 leaves out what scavenges free: what reaches the old generation
// (docs/performance.md, 2026-12-06).
import fs from 'node:fs';
import http from 'node:http';
import inspector from 'node:inspector';
import path from 'node:path';

const dir = process.env.BENCH_ALLOC_PROF!;
const session = new inspector.Session();
session.connect();
const post = <T>(method: string, params?: object) =>
  new Promise<T>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))));

let requests = 0;
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (this: http.Server, event: string, ...args: unknown[]) {
  if (event === 'request') requests += 1;
  return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
} as typeof emit;

interface ProfileNode {
  selfSize: number;
  children: ProfileNode[];
}
const bytesOf = (node: ProfileNode): number => node.children.reduce((sum, child) => sum + bytesOf(child), node.selfSize);

await post('HeapProfiler.enable');
await post('HeapProfiler.startSampling', {
  samplingInterval: 16_384,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: process.env.BENCH_ALLOC_SURVIVORS !== '1',
});
process.prependListener('SIGTERM', async () => {
  const { profile } = await post<{ profile: { head: ProfileNode } }>('HeapProfiler.stopSampling');
  const bytes = bytesOf(profile.head);
  fs.writeFileSync(path.join(dir, `allocations-${process.pid}.heapprofile`), JSON.stringify(profile));
  const perRequest = requests ? `${(bytes / 1024 / requests).toFixed(0)} KB per request` : 'no requests';
  fs.appendFileSync(
    path.join(dir, 'summary.txt'),
    `${process.pid}: ${requests} requests, ${(bytes / 1e6).toFixed(0)} MB allocated, ${perRequest}\n`,
  );
});
