// The export area's refusal and warning words in English (see exportMessages.ts); loaded with the other English words.
import type { exportZh } from './exportMessages'

export const exportEn: Record<keyof typeof exportZh, string> = {
  'exportError.unsupported-format': 'Unsupported export format: {format}',
  'exportError.no-visible-columns': 'Nothing to export: every column is hidden.',
  'exportError.no-owner-column': 'There is no responsible-unit (责任单位) column to split by. Set a column’s role to owner first.',
  'exportError.no-tasks': 'There are no tasks to export.',
  'exportError.csv-one-sheet': 'A CSV file holds one sheet only: choose one file per unit, or another format.',
  'exportError.too-big-for-xls': 'An .xls sheet holds at most {maxRows} rows and {maxColumns} columns: export as .xlsx instead.',
  'exportError.failed': 'writing the file failed ({detail})',
  'exportError.no-worker': 'The browser could not start a background export (Web Worker).',
  'exportWarning.cells-cut-xls': '{count} cell(s) longer than {limit} characters were cut in the .xls file (ending in “…”); export as .xlsx to keep them whole.',
  'exportWarning.cells-cut-xlsx': '{count} cell(s) longer than Excel’s limit of {limit} characters were cut in the .xlsx file (ending in “…”); export as .csv or .ods to keep them whole.',
}
