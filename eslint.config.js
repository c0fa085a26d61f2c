// Lint: typescript-eslint's recommended rules, the layers as import boundaries, no import cycles, and
// Prettier's formatting (`prettier --check` runs beside it). docs/architecture.md explains the layers.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { serverZones, clientZones } from './lint/layers.js';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.data/**', 'client/src/gql/**', 'test-artifacts/**', 'lint/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      // import-x reads the files an import reaches (for cycles) with the TypeScript parser.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['server/tsconfig.json', 'shared/tsconfig.json', 'client/tsconfig.json', 'e2e/tsconfig.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: [...serverZones, ...clientZones] }],
      // Entities refer to each other through their relations (an inquiry's leads, a lead's inquiry).
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['client/src/**/*.tsx', 'client/src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Plain Node scripts: the lint helpers and the dashboard example.
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // Services own their reads: a resolver decodes arguments, calls a service and maps what it returns.
    files: ['server/src/**/*.resolver.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/keyset-pages*', '**/db/batched-reads*'],
              message: 'Resolvers read through a service: pages and batched reads belong to the domain module',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.entity.ts'],
    rules: { 'import-x/no-cycle': 'off' },
  },
  {
    // A test sits beside its module but may start the whole app to drive it as a client would.
    files: ['**/*.test.ts', '**/*.test.tsx', 'server/test/**', 'e2e/**'],
    // Tests read GraphQL responses as untyped JSON.
    rules: { 'import-x/no-restricted-paths': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
);
