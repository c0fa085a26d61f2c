// The boundaries are only worth having if lint refuses a file that crosses one: each case plants a
// file (as text at a real path) and expects the rule to name it; a file within its layer passes.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

// Run from the repository root, where eslint.config.js and the paths below are.
const eslint = new ESLint({ cwd: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..') });

async function problems(filePath, code) {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((message) => message.ruleId);
}

describe('lint encodes the layers', () => {
  it.each([
    [
      'a domain module importing the schema assembly',
      'server/src/leads/planted.ts',
      "import { appSchema } from '../schema/schema.js';\nexport const x = appSchema;\n",
    ],
    [
      'a domain module importing the app',
      'server/src/partners/planted.ts',
      "import { startApp } from '../app.js';\nexport const x = startApp;\n",
    ],
    [
      'the graphql base importing a domain module',
      'server/src/graphql/planted.ts',
      "import { Lead } from '../leads/lead.entity.js';\nexport const x = Lead;\n",
    ],
    [
      'the db core importing a domain module',
      'server/src/db/planted.ts',
      "import { accessPolicy } from '../auth/access-policy.js';\nexport const x = accessPolicy;\n",
    ],
    [
      'shared importing the server',
      'shared/src/planted.ts',
      "import { accessPolicy } from '../../server/src/auth/access-policy.js';\nexport const x = accessPolicy;\n",
    ],
    [
      'a client feature importing another feature',
      'client/src/features/leads/planted.ts',
      "import { DirectoryQuery } from '../directory/api/operations';\nexport const x = DirectoryQuery;\n",
    ],
    [
      'client components importing a feature',
      'client/src/components/planted.ts',
      "import { DirectoryQuery } from '../features/directory/api/operations';\nexport const x = DirectoryQuery;\n",
    ],
  ])('refuses %s', async (_name, filePath, code) => {
    expect(await problems(filePath, code)).toEqual(['import-x/no-restricted-paths']);
  });

  it.each([
    ['a page', "import { paginate } from '../db/keyset-pages.js';\nexport const x = paginate;\n"],
    ['a batched read', "import { findLeanByIds } from '../db/batched-reads.js';\nexport const x = findLeanByIds;\n"],
  ])('refuses a resolver reading %s itself', async (_name, code) => {
    expect(await problems('server/src/partners/planted.resolver.ts', code)).toEqual(['no-restricted-imports']);
  });

  it('accepts a service reading pages', async () => {
    const code = "import { paginate } from '../db/keyset-pages.js';\nexport const x = paginate;\n";
    expect(await problems('server/src/partners/planted.service.ts', code)).toEqual([]);
  });

  it('refuses an import cycle', async () => {
    // digest.ts is imported by auth.service.ts: importing it back closes a loop.
    const code = "import { AuthService } from './auth.service.js';\nexport const x = AuthService;\n";
    expect(await problems('server/src/auth/digest.ts', code)).toEqual(['import-x/no-cycle']);
  });

  it('accepts imports that point down', async () => {
    const code =
      "import { DomainError } from '../domain-error.js';\nimport { paginate } from '../graphql/connection.js';\n" +
      "import { Lead } from '../leads/lead.entity.js';\nexport const x = [DomainError, paginate, Lead];\n";
    expect(await problems('server/src/stats/planted.ts', code)).toEqual([]);
  });
});
