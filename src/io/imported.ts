// The importer's result shape (docs/core-api.md), before it becomes a TaskDocument.
import type { Role } from '../core'
import type { HeaderMerge } from '../core/document'

export type { RawSheet, CellMerge } from './read/rawSheet'

export interface ImportedWorkbook { sheets: ImportedSheet[] }

export interface ImportedSheet {
  name: string
  title: string | null          // the title above the header, if any
  headerRows: number[]          // 0-based row indexes, in the sheet, of the header row(s)
  columns: { header: string; role: Role | null }[]
  rows: { kind: 'data' | 'section' | 'footer'; sheetRow: number; cells: string[]; spans?: Record<number, number> }[]
  year: number | null           // the document's year (rules §2)
  suggestedAsOf: string | null  // from the title's period, else a 填报日期/截至 line above the header
  /** Optional: the words the suggested as-of date was read from (the title, or the date line). */
  suggestedAsOfFrom?: string | null
  /** Optional: lines between title and header (填报单位:…), kept for export. */
  preamble?: string[]
  /** Optional: the raw header grid and its merges, for export. */
  header?: { rows: string[][]; merges: HeaderMerge[] }
  /** Optional: the header names a task column; sheets without one come last in the workbook. */
  hasTaskTable?: boolean
  /**
   * Optional: no header row was recognised; the UI asks the clerk which row(s) it is. The sheet's
   * raw grid stays with the reader (the worker keeps it; see KeptRead in read/protocol.ts).
   */
  needsHeaderChoice?: boolean
}
