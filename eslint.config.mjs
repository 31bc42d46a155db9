// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import formatjs from 'eslint-plugin-formatjs';
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
    // Every message, wherever it is defined (issue #17): an explicit dotted id the catalogs in
    // i18n/ key it by, English that is one literal, and ICU that compiles.
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    plugins: { formatjs },
    rules: {
      'formatjs/enforce-default-message': ['error', 'literal'],
      'formatjs/enforce-placeholders': 'error',
      'formatjs/no-invalid-icu': 'error',
      'formatjs/no-multiple-whitespaces': 'error',
      'formatjs/enforce-plural-rules': ['error', { one: true, other: true }],
      'formatjs/prefer-pound-in-plural': 'error',
      'formatjs/no-offset': 'error',
    },
  },
  {
    // What the user reads in the renderer goes through react-intl: a literal in JSX (text, or a
    // label, title, placeholder or alt) is English that the other nine languages would never see.
    files: ['renderer/**/*.tsx'],
    plugins: { formatjs },
    rules: {
      'formatjs/no-literal-string-in-jsx': [
        'error',
        {
          props: {
            include: [
              ['*', '{label,title,placeholder,alt,aria-label,aria-description,aria-valuetext}'],
              ['*', '{description,content,hint,validationMessage,header,headline}'],
            ],
          },
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
