// Lint: typescript-eslint with type information, plus the dependency direction of the layout.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (from, forbidden) => ({
  files: [`src/${from}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((f) => ({
          group: [`**/${f}/*`, `../${f}/*`, `../../${f}/*`],
          message: `src/${from} must not depend on src/${f} (data flows ingest → extract → store → analyse → alert → serve).`,
        })),
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'web/dist/**', 'node_modules/**', 'bench/results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { project: './tsconfig.check.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // A spread argument (`push(...rows)`, `Math.max(...counts)`) passes every element as one call
    // argument; V8 throws RangeError past ~100,000 (hardening finding 3).
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression > SpreadElement, NewExpression > SpreadElement',
          message:
            'No spread arguments in src/: use appendAll() (src/domain/append-all.ts), a loop, or reduce for a maximum.',
        },
      ],
    },
  },
  {
    // The dashboard (Preact, DOM) has its own tsconfig; tsconfig.check.json excludes web/.
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    languageOptions: {
      parserOptions: { project: './web/tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  layer('domain', [
    'store',
    'extract',
    'ingest',
    'analyse',
    'alert',
    'report',
    'server',
    'cli',
    'config',
  ]),
  layer('lexicon', ['store', 'ingest', 'analyse', 'alert', 'report', 'server', 'cli']),
  layer('extract', ['store', 'ingest', 'analyse', 'alert', 'report', 'server', 'cli']),
  layer('store', ['extract', 'ingest', 'analyse', 'alert', 'report', 'server', 'cli']),
  layer('ingest', ['analyse', 'alert', 'report', 'server', 'cli']),
  layer('analyse', ['ingest', 'alert', 'report', 'server', 'cli']),
  layer('alert', ['ingest', 'report', 'server', 'cli']),
  layer('report', ['ingest', 'server', 'cli']),
  layer('server', ['cli']),
);
