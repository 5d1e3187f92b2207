// AG Grid's own Chinese texts (~10 kB gzip), in a chunk of their own: TaskGrid loads it beside the
// app rather than in its first download, which has a size budget.
export { AG_GRID_LOCALE_CN as AG_GRID_TEXT_ZH } from '@ag-grid-community/locale'
