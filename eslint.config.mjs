// ESLint (typescript-eslint's recommended rules) over the TypeScript sources; formatting is Prettier's.
// Module boundaries are checked by dependency-cruiser (.dependency-cruiser.js); both run in `npm run lint`.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'schema/**', 'test/support/*.js', '*.config.*', '.dependency-cruiser.js', 'jest.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    // Specs read GraphQL answers, which are JSON without a static type.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The console's build script runs in Node.
    files: ['console/build.mjs'],
    languageOptions: { globals: { process: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
);
