// The export's public surface: files for download and the print view's HTML.
export type { ExportFile, ExportFormat, ExportLocale, ExportOptions, ExportResult, ExportSplit, ExportWarning } from './types'
export { exportDocument, EXPORT_MIME } from './exportDocument'
export { exportFileName, exportBaseName, sanitizeFileName } from './fileName'
export { renderPrintHtml, renderPrintDocument, type PrintOptions } from './printHtml'
export { stateLabel, stateFill } from './stateStyle'
