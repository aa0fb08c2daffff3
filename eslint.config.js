// One lint config for the workspace; CI treats warnings as errors.
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  {
    files: ['packages/sdk/**', 'packages/dashboard/**', 'packages/server/src/**/public/**', 'packages/server/src/**/*.browser.*'],
    languageOptions: { globals: { ...globals.browser } },
    // The SDK's one warning per misuse goes to the console on purpose, and its
    // size budget favours `a && f()` and comma expressions.
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      'no-sequences': 'off',
    },
  },
  {
    files: ['**/*.test.ts', '**/test-support/**', '**/e2e/**', '**/bench/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', 'no-console': 'off' },
  },
)
