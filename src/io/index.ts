// The importer's and exporter's public surface (docs/core-api.md). `readWorkbook` and `toDocument`
// read a file into a document in Node or a Worker; the page reads and writes through the worker
// clients, so SheetJS and ExcelJS stay out of its first bundle.
export type { ImportedWorkbook, ImportedSheet } from './imported'
export { readWorkbook, ImportError } from './read/readWorkbook'
export { toDocument } from './toDocument'
export { MAX_FILE_BYTES } from './read/readLimits'
export { headerSignature, layoutSignature } from './read/headerSignature'
// Reading a grid again with other header rows: the page asks the worker (KeptRead.reinterpret); this is for tests and outside checks.
export { reinterpretSheet } from './read/structure'
export { countTasks, summarizeSheet, summarizeWorkbook, type SheetSummary, type WorkbookSummary } from './summary'
export {
  prewarmImportWorker, readWorkbookInWorker, type ImportResult, type KeptRead, type ReadFailure, type ReadFailureCode, type ReinterpretResult,
} from './importClient'
export { exportInWorker } from './exportClient'
export type { ExportFormat, ExportSplit, ExportOptions, ExportResult, ExportLocale, SummaryChartImage } from './export/types'
