// Writing table plans as .xls (BIFF8) or .ods with SheetJS: text, merges, widths and heights, but no styles.
import type { CellObject, WorkSheet } from '@e965/xlsx'
import { asSeqNumber } from './cellText'
import type { TablePlan } from './tablePlan'
import type { BookProperties } from './types'

/** SheetJS is loaded on first use, like ExcelJS: most sessions never export to these formats. */
async function loadSheetJs(): Promise<typeof import('@e965/xlsx')> {
  return import('@e965/xlsx')
}

/**
 * SheetJS 0.20.3 cannot split one BIFF8 shared string over a CONTINUE record: a cell longer
 * than 4110 characters makes its writer loop until memory runs out. Such cells are cut in
 * .xls by exportDocument, which warns the clerk (.ods keeps them whole).
 */
export const XLS_MAX_CELL_CHARS = 4096
/** BIFF8 sheet limits. */
export const XLS_MAX_ROWS = 65536
export const XLS_MAX_COLUMNS = 256

function toSheet(XLSX: typeof import('@e965/xlsx'), plan: TablePlan): WorkSheet {
  const sheet: WorkSheet = {}
  const seq = plan.columns.map((c) => c.role === 'seq')
  plan.rows.forEach((row, r) => {
    row.cells.forEach((text, c) => {
      if (text === '') return
      const number = row.kind === 'data' && seq[c] ? asSeqNumber(text) : null
      // Every text is typed 's' explicitly: SheetJS then never reads `=…` as a formula.
      const cell: CellObject = number !== null ? { t: 'n', v: number } : { t: 's', v: text }
      sheet[XLSX.utils.encode_cell({ r, c })] = cell
    })
  })
  const lastRow = Math.max(0, plan.rows.length - 1)
  const lastCol = Math.max(0, plan.columns.length - 1)
  sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: lastRow, c: lastCol } })
  sheet['!merges'] = plan.merges.map((m) => ({ s: { r: m.r0, c: m.c0 }, e: { r: m.r1, c: m.c1 } }))
  sheet['!cols'] = plan.columns.map((c) => ({ wch: c.widthChars, ...(c.hidden ? { hidden: true } : {}) }))
  sheet['!rows'] = plan.rows.map((row) => ({ hpt: row.heightPt }))
  return sheet
}

/**
 * Writes the workbook. A .xls cell over XLS_MAX_CELL_CHARS hangs SheetJS's BIFF8 writer: the
 * caller cuts such cells first (exportDocument's clipCells, which also warns the clerk).
 */
export async function writeSheetJs(plans: TablePlan[], bookType: 'biff8' | 'ods', properties?: BookProperties): Promise<Uint8Array> {
  const XLSX = await loadSheetJs()
  const workbook = XLSX.utils.book_new()
  if (properties) workbook.Props = { Title: properties.title, Keywords: properties.keywords, Author: 'Jindu 进度' }
  for (const plan of plans) XLSX.utils.book_append_sheet(workbook, toSheet(XLSX, plan), plan.sheetName)
  // bookSST: without the shared string table SheetJS writes BIFF8 text as LABEL records,
  // which cut every cell at 255 characters; progress texts are often longer.
  const out: unknown = XLSX.write(workbook, { bookType, type: 'array', bookSST: true })
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer)
}
