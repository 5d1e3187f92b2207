// Lint keeps the one-way dependency flow: components → stores → storage / io → core.
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'

/** Libraries with a layer of their own: the core never sees them. */
const LIBRARIES = ['vue', 'pinia', 'idb', '@e965/xlsx', 'exceljs', 'ag-grid-*', 'echarts', 'echarts/*', 'docx']
/** Any import of a layer's folder: its index (`'../io'`) as well as a file inside it. */
const layer = (name) => [`**/${name}`, `**/${name}/**`, `./${name}`, `./${name}/**`]
/** A file inside a layer rather than its index.ts: `'../core/commands'` but not `'../core'`. */
const deep = (name) => [`**/${name}/*`]

/**
 * The UI's words (src/i18n) are composed by stores and components; core, io and storage return
 * codes and data. `allowed` names the one file of words a module may still take (see below).
 */
const noWords = (allowed = []) => ({
  // A re-included file must not sit under an excluded folder (gitignore's rule): with an exception, files only.
  group: allowed.length ? ['**/i18n/*', ...allowed.map((file) => `!**/i18n/${file}`)] : layer('i18n'),
  message: 'src/core, src/io and src/storage return codes and data: the zh/en words live in src/i18n and the stores compose them.',
})

const noImport = (patterns, message, words) => ({
  'no-restricted-imports': ['error', { patterns: [...patterns.map((group) => ({ group: [group], message })), ...(words ? [words] : [])] }],
})

const IO_MAY_NOT = ['vue', 'pinia', 'idb', 'ag-grid-*', 'echarts', 'echarts/*', ...layer('storage'), ...layer('stores'), ...layer('components')]
const IO_RULE = 'src/io reads and writes files: it depends on core only.'

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/out/**', 'test-results/**', 'playwright-report/**', 'dev-dist/**'] },
  ...tseslint.configs.recommended,
  ...vue.configs['flat/essential'],
  { files: ['**/*.vue'], languageOptions: { parserOptions: { parser: tseslint.parser } } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
    },
  },
  {
    files: ['src/core/**'],
    rules: noImport([...LIBRARIES, ...layer('io'), ...layer('storage'), ...layer('stores'), ...layer('components')],
      'src/core is pure TypeScript: no Vue, IndexedDB, SheetJS, charts or UI.', noWords()),
  },
  {
    files: ['src/io/**'],
    rules: noImport(IO_MAY_NOT, IO_RULE, noWords()),
  },
  {
    // The one door from io to the words: ImportError's own message, which readWorkbook's callers
    // outside the page (tests, outside checks) read (docs/core-api.md); the page gets codes.
    files: ['src/io/read/errors.ts'],
    rules: noImport(IO_MAY_NOT, IO_RULE, noWords(['importErrorTexts'])),
  },
  {
    files: ['src/storage/**'],
    rules: noImport(['vue', 'pinia', '@e965/xlsx', 'exceljs', 'ag-grid-*', 'echarts', 'echarts/*', 'docx', ...layer('io'), ...layer('stores'), ...layer('components')],
      'src/storage owns IndexedDB: it depends on core only.', noWords()),
  },
  {
    files: ['src/stores/**'],
    rules: noImport(['idb', '@e965/xlsx', 'exceljs', ...layer('components'), ...deep('core'), ...deep('io'), ...deep('storage')],
      'Stores use core, io and storage through their index.ts only (never a file inside them), and never idb, SheetJS or components.'),
  },
  {
    // Components, and the app shell that mounts them, talk to stores; from core they may take
    // types and pure helpers through its index.
    files: ['src/components/**', 'src/App.vue', 'src/main.ts'],
    rules: noImport(['idb', '@e965/xlsx', 'exceljs', ...layer('storage'), ...layer('io'), ...deep('core')],
      'Components talk to stores only (core through its index.ts, for types and pure helpers).'),
  },
)
