// Spreadsheet files (xlsx/xlsm/xlsb, xls/et, ods, SpreadsheetML) to raw grids through SheetJS, cells as Excel shows them.
import * as XLSX from '@e965/xlsx'
import { ImportError } from './errors'
import { cleanCellText, type CellMerge, type RawSheet } from './rawSheet'

const READ_OPTIONS: XLSX.ParsingOptions = {
  dense: true,
  cellDates: false, // keep serial numbers so `w` is formatted with the cell's own number format
  cellFormula: false,
  cellHTML: false,
  cellStyles: false,
  sheetStubs: false,
  WTF: false,
}

/** The text Excel shows: the formatted value `w`, else the value formatted by its number format. */
function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.t === 'z') return ''
  if (typeof cell.w === 'string') return cleanCellText(cell.w)
  if (cell.v == null) return ''
  if (cell.t === 'n' || cell.t === 'd') {
    try {
      return cleanCellText(XLSX.SSF.format((cell.z as string | number | undefined) ?? 'General', cell.v as number | Date))
    } catch {
      return String(cell.v)
    }
  }
  if (cell.t === 'b') return cell.v ? 'TRUE' : 'FALSE'
  return cleanCellText(String(cell.v))
}

function sheetToRaw(name: string, ws: XLSX.WorkSheet, format: string): RawSheet {
  const dense = (ws['!data'] ?? []) as (XLSX.CellObject[] | undefined)[]
  const cells: string[][] = []
  for (let r = 0; r < dense.length; r++) {
    const row = dense[r]
    // Every index is written (an empty cell as ''), so the row has no holes.
    const out = new Array<string>(row?.length ?? 0)
    for (let c = 0; c < out.length; c++) out[c] = cellText(row![c])
    cells.push(out)
  }
  const merges: CellMerge[] = (ws['!merges'] ?? []).map((m) => ({ r0: m.s.r, c0: m.s.c, r1: m.e.r, c1: m.e.c }))
  return { name, cells, merges, source: { format } }
}

/** Parses with SheetJS; a failure is reported as damage or a password, never as a stack trace. */
export function readSpreadsheet(data: Uint8Array | string, format: string): RawSheet[] {
  let wb: XLSX.WorkBook
  try {
    wb = typeof data === 'string'
      ? XLSX.read(data, { ...READ_OPTIONS, type: 'string' })
      : XLSX.read(data, { ...READ_OPTIONS, type: 'array' })
  } catch (e) {
    const text = String(e instanceof Error ? e.message : e)
    if (/password|encrypt/i.test(text)) throw new ImportError('encrypted', text)
    if (/unsupported|not supported|numbers/i.test(text)) throw new ImportError('unsupported', text)
    throw new ImportError('corrupt', text)
  }
  return wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name]
    return ws ? sheetToRaw(name, ws, format) : { name, cells: [], merges: [] }
  })
}
