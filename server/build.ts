// `pnpm build` (and `pnpm start`): the server as one ES module for Node (dist/main.mjs; the benchmark builds its own
// entry), so production runs compiled JavaScript instead of compiling TypeScript in a loader thread
// at start (about 55 MB less RSS at rest). Packages stay in node_modules except the workspace's
// shared code and what only it depends on. Names are kept: GraphQL type names and global IDs come
// from class names, which bundling could otherwise rename on a clash.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const shared = path.resolve(here, '../shared');

/** Bundles one entry (relative to server/) into dist/<name>.mjs. */
export async function buildServer(entry = 'src/main.ts', name = 'main'): Promise<string> {
  const outfile = path.join(here, 'dist', `${name}.mjs`);
  const { outputFiles } = await esbuild.build({
    write: false,
    entryPoints: [path.join(here, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    keepNames: true,
    sourcemap: true,
    tsconfig: path.join(here, 'tsconfig.json'),
    logLevel: 'warning',
    plugins: [
      {
        name: 'packages-stay-external',
        setup(build) {
          build.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@slp/') || args.importer.startsWith(shared) ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
  });
  // Written aside, then renamed: a process starting the file (a parallel test's) never reads half of it.
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  for (const file of outputFiles) {
    const aside = `${file.path}.${process.pid}`;
    fs.writeFileSync(aside, file.contents);
    fs.renameSync(aside, file.path);
  }
  return outfile;
}

/**
 * The Node flags production runs the server with: the file `node-flags` read as `pnpm start` reads it
 * (`$(grep -v '^#' node-flags)`: lines not starting with #, split into words).
 */
export function nodeFlags(): string[] {
  const lines = fs.readFileSync(path.join(here, 'node-flags'), 'utf8').split('\n');
  return lines
    .filter((line) => !line.startsWith('#'))
    .join(' ')
    .split(/\s+/)
    .filter(Boolean);
}

// Run as a script (`tsx build.ts`), not when a bundle holds this module.
if (path.basename(process.argv[1] ?? '') === 'build.ts') await buildServer();
