import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { clientDist, ensureClientBuilt } from './build-client';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

const BUDGET_KB = 250;

/** The entry chunk and every chunk it imports statically: what the browser loads before any route. */
export function initialChunks(manifest: Manifest): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  return [...seen].map((key) => manifest[key].file);
}

const gzipped = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(clientDist, file))).length;

describe('SPA bundle', () => {
  let manifest: Manifest;
  beforeAll(async () => {
    await ensureClientBuilt();
    manifest = JSON.parse(fs.readFileSync(path.join(clientDist, '.vite/manifest.json'), 'utf8')) as Manifest;
  });

  it(`keeps the initial JavaScript under ${BUDGET_KB} KB gzipped`, () => {
    const files = initialChunks(manifest);
    const total = files.reduce((sum, file) => sum + gzipped(file), 0);
    console.log(`initial JS: ${files.length} chunks, ${(total / 1024).toFixed(1)} KB gzipped`);
    expect(files.length).toBeGreaterThan(0);
    expect(total / 1024).toBeLessThan(BUDGET_KB);
  });

  it('loads GraphiQL only on its route', () => {
    const initial = new Set(initialChunks(manifest));
    const graphiql = Object.entries(manifest).find(([key]) => key.includes('GraphiQLPage'));
    expect(graphiql).toBeDefined();
    expect(initial.has(graphiql![1].file)).toBe(false);
  });

  it('counts statically imported chunks and not lazily loaded ones', () => {
    const fake: Manifest = {
      'index.html': { file: 'a.js', isEntry: true, imports: ['b'], dynamicImports: ['c'] },
      b: { file: 'b.js', imports: ['index.html'] },
      c: { file: 'c.js', imports: ['b'] },
    };
    expect(initialChunks(fake).sort()).toEqual(['a.js', 'b.js']);
  });
});
