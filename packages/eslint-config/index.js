// The shared lint preset: ESLint's and typescript-eslint's recommended rules, plus the house habits
// from shared/design/conventions.md that a linter can see. Type-only imports are not forced: with
// emitDecoratorMetadata a class imported as a type vanishes from Nest's injection metadata.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export const ignores = {
  ignores: ['**/dist/**', '**/coverage/**', '**/node_modules/**', '**/src/gql/**', '**/.turbo/**'],
};

export default tseslint.config(
  ignores,
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
);
