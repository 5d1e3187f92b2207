// What the import confirmation shows of a workbook: small enough to cross from the worker at once.
import type { ImportedSheet, ImportedWorkbook } from './imported'

/** Rows of the raw grid offered for picking the header row by hand. */
export const RAW_TOP_ROWS = 12
/** Data rows shown under the column mapping. */
export const PREVIEW_DATA_ROWS = 3

/**
 * One sheet as the confirmation dialog needs it: everything but the rows and the raw grid,
 * which for a 10,000-row list are megabytes of text. The worker posts this first so the
 * dialog opens at once; the whole workbook follows while the clerk reads it.
 */
export interface SheetSummary extends Omit<ImportedSheet, 'rows' | 'raw'> {
  counts: { data: number; sections: number; footers: number }
  /** The first data rows, for the mapping preview. */
  previewRows: ImportedSheet['rows']
  /** The top of the raw grid, for picking the header row; `rawRowCount` rows in all. */
  rawTop: string[][]
  rawRowCount: number
}

export interface WorkbookSummary { sheets: SheetSummary[] }

export function summarizeSheet(sheet: ImportedSheet): SheetSummary {
  const { rows, raw, ...rest } = sheet
  const counts = { data: 0, sections: 0, footers: 0 }
  const previewRows: ImportedSheet['rows'] = []
  for (const row of rows) {
    if (row.kind === 'data') {
      counts.data++
      if (previewRows.length < PREVIEW_DATA_ROWS) previewRows.push(row)
    } else if (row.kind === 'section') counts.sections++
    else counts.footers++
  }
  return { ...rest, counts, previewRows, rawTop: (raw?.cells ?? []).slice(0, RAW_TOP_ROWS), rawRowCount: raw?.cells.length ?? 0 }
}

export function summarizeWorkbook(workbook: ImportedWorkbook): WorkbookSummary {
  return { sheets: workbook.sheets.map(summarizeSheet) }
}
