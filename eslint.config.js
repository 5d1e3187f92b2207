// Lint keeps the one-way dependency flow: components → stores → storage / io → core.
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'

const noImport = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
})

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
    rules: noImport(['vue', 'pinia', 'idb', '@e965/xlsx', 'exceljs', 'ag-grid-*', '**/io/**', '**/storage/**', '**/stores/**', '**/components/**'],
      'src/core is pure TypeScript: no Vue, IndexedDB, SheetJS or UI.'),
  },
  {
    files: ['src/io/**'],
    rules: noImport(['vue', 'pinia', 'idb', 'ag-grid-*', '**/storage/**', '**/stores/**', '**/components/**'],
      'src/io reads and writes files: it depends on core only.'),
  },
  {
    files: ['src/storage/**'],
    rules: noImport(['vue', 'pinia', '@e965/xlsx', 'exceljs', 'ag-grid-*', '**/io/**', '**/stores/**', '**/components/**'],
      'src/storage owns IndexedDB: it depends on core only.'),
  },
  {
    files: ['src/stores/**'],
    rules: noImport(['**/components/**', 'idb', '@e965/xlsx', 'exceljs'],
      'Stores use storage and io, never idb, SheetJS or components directly.'),
  },
  {
    files: ['src/components/**'],
    rules: noImport(['idb', '@e965/xlsx', 'exceljs', '**/storage/**', '**/io/**'],
      'Components talk to stores only.'),
  },
)
