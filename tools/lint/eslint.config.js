// Lint for the whole repository. The boundary rules encode the architecture: core is pure and
// imports no other package; sync-server and desktop import core by package name, never each other,
// and never reach across folders with relative paths.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const crossPackage = (others) => others.map((p) => `**/${p}/**`);

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/*.d.ts', '**/.vite/**', '**/coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.es2022, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='require'][arguments.0.value='electron']", message: 'Never require electron directly: go through the seam in desktop/src/main.' }],
    },
  },
  {
    // The renderer and browser-side code of the benchmarks and end-to-end tests run in a browser.
    files: ['**/desktop/src/renderer/**/*.{ts,tsx}', '**/desktop/e2e/**/*.ts', '**/bench/**/*.mjs'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['@hearth/sync-server', '@hearth/desktop', ...crossPackage(['sync-server', 'desktop'])], message: 'core imports no other Hearth package.' },
          { group: ['node:*', 'fs', 'path', 'crypto', 'os', 'ws', 'react', 'react-dom', 'electron', 'dexie'], message: 'core is pure: no Node, DOM, React, Electron or storage APIs.' },
        ],
      }],
    },
  },
  {
    files: ['**/sync-server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['@hearth/desktop', ...crossPackage(['desktop']), '**/core/src/**', '../../core/**'], message: 'sync-server imports core by package name and never desktop.' },
        ],
      }],
    },
  },
  {
    files: ['**/desktop/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['@hearth/sync-server', ...crossPackage(['sync-server']), '**/core/src/**', '../../core/**'], message: 'desktop imports core by package name and never sync-server.' },
        ],
      }],
    },
  },
);
