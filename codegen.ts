import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed operations for the SPA, generated from the printed schema (`pnpm codegen`). */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['client/src/**/*.{ts,tsx}', '!client/src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'client/src/gql/': {
      preset: 'client',
      config: {
        enumsAsTypes: true,
        scalars: { DateTime: 'string', Decimal: 'string' },
        useTypeImports: true,
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
