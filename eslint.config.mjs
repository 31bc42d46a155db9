// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import { layers } from './eslint.layers.mjs';

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      // noUncheckedIndexedAccess types every regex group and index as possibly undefined;
      // `!` after a test that guarantees the value is the honest way to say so.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // The renderer has no Node (DESIGN.md rule 1): it talks to main only through window.pipDoctor.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(node:.*|electron|fs|path|os|child_process)(/.*)?$',
              message: 'The renderer has no Node; ask main through window.pipDoctor.',
            },
          ],
        },
      ],
    },
  },
  {
    // Helpers the end-to-end tests share with the unit tests live in tests/support (issue #18):
    // a spec importing tests/unit would tie the two suites' fixtures together again.
    files: ['tests/e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+unit(/.*)?$',
              message: 'Move the helper to tests/support and import it from there.',
            },
          ],
        },
      ],
    },
  },
  ...layers,
);
