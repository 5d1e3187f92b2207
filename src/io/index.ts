// The importer's public surface (docs/core-api.md).
export type { ImportedWorkbook, ImportedSheet } from './imported'
export { readWorkbook, ImportError } from './read/readWorkbook'
