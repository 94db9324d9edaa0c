// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Import boundaries of STYLE.md, enforced here:
 * core imports nothing of ours; the engines (names, linkage, estimation) import only core
 * and have no database, files, logging or environment; db imports core; features import
 * core, engines, db, contract, other features' index.ts and, of src/cli, only
 * src/cli/command-kit.ts (to add their commands); the command kit imports no feature;
 * server and cli import features' index.ts; web imports only contract. No product code
 * (src/, contract/, web/src/) imports test/: its helpers, fixtures and test-set generators
 * serve tests and benchmarks only.
 */
const nodeIo = [
  'node:fs',
  'node:fs/promises',
  'node:child_process',
  'node:net',
  'node:http',
  'pg',
  'better-sqlite3',
  'kysely',
  'pino',
];
/**
 * `patterns`: gitignore-style patterns, each its own group, or an array for one group whose
 * later `!` entries make exceptions; `regexes`: regular expressions over the import path.
 * Every use also forbids test/: ESLint keeps one `no-restricted-imports` per file (a later
 * block's replaces an earlier one's), so the ban rides along with each folder's rule.
 */
const restrict = (patterns, paths = [], regexes = []) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        ...patterns.map((group) => ({
          group: Array.isArray(group) ? group : [group],
          message: 'crosses an import boundary (see STYLE.md)',
        })),
        {
          group: ['**/test/**'],
          message: 'product code does not import test/ (test helpers, fixtures, test sets)',
        },
        ...regexes.map((regex) => ({
          regex,
          message: "crosses an import boundary: import another feature's index.js (see STYLE.md)",
        })),
      ],
      paths: paths.map((name) => ({
        name,
        message: 'engines are pure: no I/O, database or logging',
      })),
    },
  ],
});

/** Leaflet calls whose string argument becomes innerHTML. */
const LEAFLET_CONTENT = 'bindTooltip|bindPopup|setContent|setTooltipContent|setPopupContent';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'web/dist/**', 'bin/**', 'tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
  {
    // The files at the top of src/ (config, logger, package root): only the test/ ban.
    files: ['src/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict([]),
  },
  {
    files: ['src/core/**/*.ts'],
    rules: restrict(
      [
        '**/names/**',
        '**/linkage/**',
        '**/estimation/**',
        '**/db/**',
        '**/features/**',
        '**/server/**',
        '**/cli/**',
        '**/config.js',
        '**/logger.js',
      ],
      nodeIo,
    ),
  },
  {
    files: ['src/names/**/*.ts', 'src/linkage/**/*.ts', 'src/estimation/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(
      ['**/db/**', '**/features/**', '**/server/**', '**/cli/**', '**/config.js', '**/logger.js'],
      nodeIo,
    ),
  },
  {
    files: ['src/db/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict([
      '**/features/**',
      '**/server/**',
      '**/cli/**',
      '**/names/**',
      '**/linkage/**',
      '**/estimation/**',
    ]),
  },
  {
    files: ['src/features/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(
      ['**/server/**', ['**/cli/**', '!**/cli/command-kit.js']],
      [],
      ['^\\.\\./(?!\\.\\.)[^/]+/(?!index\\.js$)'],
    ),
  },
  {
    files: ['src/server/**/*.ts', 'src/cli/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(['**/features/*/!(index).js', '**/features/*/*/**']),
  },
  {
    // Features import the command kit, so it imports no feature (nor the server). It comes
    // after the block above: for this file, the later rule replaces the earlier one.
    files: ['src/cli/command-kit.ts'],
    rules: restrict(['**/features/**', '**/server/**']),
  },
  {
    files: ['contract/**/*.ts'],
    rules: restrict(['**/src/**'], nodeIo),
  },
  {
    // The web app runs in the browser and talks to the server only through the API.
    files: ['web/src/**/*.ts', 'web/src/**/*.tsx'],
    rules: restrict(['**/src/**', '!**/web/src/**', 'node:*'], nodeIo),
  },
  {
    // Leaflet writes a string given as content into innerHTML: markup in a name would become
    // page elements (issue 16, finding 4). Content goes through leafletText, which makes text
    // nodes; the page itself never writes HTML from a string.
    files: ['web/src/**/*.ts', 'web/src/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          `CallExpression[callee.property.name=/^(${LEAFLET_CONTENT})$/][arguments.0.callee.name!=/^leaflet(Text|Block)$/]`,
          `CallExpression[callee.property.name=/^(divIcon|tooltip|popup)$/] > ObjectExpression > Property[key.name=/^(html|content)$/][value.callee.name!=/^leaflet(Text|Block)$/]`,
        ].map((selector) => ({
          selector,
          message:
            'Leaflet puts a string into innerHTML: pass leafletText(…) or leafletBlock(…) from web/src/map/leaflet-text.ts',
        })),
        {
          selector: `CallExpression[callee.property.name=/^(addAttribution|setPrefix)$/][arguments.0.type!='Literal']`,
          message: 'an attribution is HTML to Leaflet: only a constant written here',
        },
        {
          selector:
            "MemberExpression[property.name=/^(innerHTML|outerHTML)$/], CallExpression[callee.property.name='insertAdjacentHTML'], JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'no HTML from strings in the web app: set textContent or build elements',
        },
      ],
    },
  },
  {
    // Migrations are frozen in time and typed as Kysely<any>, as Kysely recommends.
    files: ['src/db/migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['bench/**/*.ts', 'scripts/**/*.ts', 'test/**/*.ts', 'e2e/**/*.ts', '**/*.test.ts'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
