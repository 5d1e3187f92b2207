// What the import confirmation shows of a workbook: small enough to cross from the worker at once.
import { TASK_TEXT_ROLES, type Role } from '../core'
import type { ImportedSheet, ImportedWorkbook } from './imported'
import { layoutSignature } from './read/headerSignature'
import { rawGridOf } from './read/sheetGrids'

/** Rows of the raw grid offered for picking the header row by hand. */
export const RAW_TOP_ROWS = 12
/** Data rows shown under the column mapping. */
export const PREVIEW_DATA_ROWS = 3

/**
 * One sheet as the confirmation dialog needs it: everything but the rows and the raw grid,
 * which for a 10,000-row list are megabytes of text. The worker posts this first so the
 * dialog opens at once; the whole workbook follows while the clerk reads it.
 */
export interface SheetSummary extends Omit<ImportedSheet, 'rows'> {
  counts: { data: number; sections: number; footers: number }
  /** The first data rows, for the mapping preview. */
  previewRows: ImportedSheet['rows']
  /** The top of the raw grid, for picking the header row; `rawRowCount` rows in all. */
  rawTop: string[][]
  rawRowCount: number
  /**
   * Per data row, which columns hold text: bit i for column i, bit 31 for any column from 31 on.
   * The dialog counts the rows that will be tasks under the roles the clerk picks (countTasks).
   */
  filled: Uint32Array
  /** The sheet's layout fingerprint (layoutSignature): the key of a remembered header choice. */
  layout: string
}

export interface WorkbookSummary { sheets: SheetSummary[] }

/** The summary of a sheet; the raw grid's top and layout only in the thread that read it (the worker). */
export function summarizeSheet(sheet: ImportedSheet): SheetSummary {
  const { rows, ...rest } = sheet
  const raw = rawGridOf(sheet)
  const counts = { data: 0, sections: 0, footers: 0 }
  const previewRows: ImportedSheet['rows'] = []
  const filled: number[] = []
  for (const row of rows) {
    if (row.kind === 'data') {
      counts.data++
      if (previewRows.length < PREVIEW_DATA_ROWS) previewRows.push(row)
      let bits = 0
      for (let c = 0; c < row.cells.length; c++) if (row.cells[c]!.trim()) bits |= 1 << Math.min(c, 31)
      filled.push(bits >>> 0)
    } else if (row.kind === 'section') counts.sections++
    else counts.footers++
  }
  return {
    ...rest, counts, previewRows, rawTop: (raw?.cells ?? []).slice(0, RAW_TOP_ROWS), rawRowCount: raw?.cells.length ?? 0,
    filled: Uint32Array.from(filled), layout: raw ? layoutSignature(raw, sheet.headerRows) : '',
  }
}

/** The roles whose text makes a data row a task, as assessRow decides once the list is open. */
const TASK_ROLES: ReadonlySet<Role | null> = new Set<Role | null>(TASK_TEXT_ROLES)

/**
 * How many data rows will be tasks under `roles`: rows with text in a task, schedule or progress
 * column. With no such column none will be, whatever the row count says.
 */
export function countTasks(summary: Pick<SheetSummary, 'filled'>, roles: readonly (Role | null)[]): number {
  let mask = 0
  for (let c = 0; c < roles.length; c++) if (TASK_ROLES.has(roles[c] ?? null)) mask |= 1 << Math.min(c, 31)
  if (mask === 0) return 0
  let n = 0
  for (const bits of summary.filled) if ((bits & mask) !== 0) n++
  return n
}

export function summarizeWorkbook(workbook: ImportedWorkbook): WorkbookSummary {
  return { sheets: workbook.sheets.map(summarizeSheet) }
}
