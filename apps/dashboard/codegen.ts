import type { CodegenConfig } from '@graphql-codegen/cli';

// Types come from the committed SDL, never from a running server: the dashboard builds and tests
// without the API, and a schema change shows up as a type error here.
const config: CodegenConfig = {
  schema: '../api/schema.gql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: true,
  errorsOnly: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: {
        // Apollo Client 4 has its own data masking; the preset's useFragment helper would clash
        // with hook naming rules and is not needed while pages select plain fields.
        fragmentMasking: false,
      },
      config: {
        // Both travel as ISO 8601 strings; DateTime is an instant (`2026-03-01T08:30:00.000Z`).
        scalars: { Date: 'string', DateTime: 'string' },
        enumsAsTypes: true,
        useTypeImports: true,
        defaultScalarType: 'unknown',
        nonOptionalTypename: true,
        skipTypeNameForRoot: true,
      },
    },
  },
};

export default config;
