// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/** Layer rules (design §1): dependencies point inward; core and shared never import a shell. */
const shellImports = [
  { name: 'electron', message: 'core/shared must not import electron (design §1).' },
  { name: 'react', message: 'core/shared must not import react (design §1).' },
  { name: 'react-dom', message: 'core/shared must not import react-dom (design §1).' },
];
const shellPatterns = [
  {
    group: ['electron/*', 'react/*', 'react-dom/*', '@mantine/*', '@tanstack/*'],
    message: 'No UI or Electron in core/shared (design §1).',
  },
  {
    group: ['**/main/**', '**/renderer/**', '**/preload/**', '**/cli/**', '**/server/**'],
    message: 'core/shared must not import a shell (design §1).',
  },
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'src/core/db/migrations/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/only-throw-error': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: shellImports, patterns: shellPatterns }] },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: shellImports,
          patterns: [
            ...shellPatterns,
            {
              group: ['node:*', '\\#core/**', '**/core/**'],
              message: 'shared is isomorphic: no Node built-ins, no core.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        // '!@mantine/**': '@mantine/core/styles.css' would otherwise match '**/core/**'.
        {
          patterns: [
            {
              group: ['\\#core/**', '**/core/**', '!@mantine/**', 'node:*', 'electron'],
              message: 'The renderer talks only to the API (design §1).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['\\#core/**', '**/core/**', 'node:*'],
              message: 'The preload imports only electron and shared (design §1).',
            },
          ],
        },
      ],
    },
  },
  {
    // Asymmetric matchers (expect.any, expect.objectContaining) are typed `any` by vitest.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  prettier,
);
