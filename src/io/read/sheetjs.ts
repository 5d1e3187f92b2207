// Spreadsheet files (xlsx/xlsm/xlsb, xls/et, ods, SpreadsheetML) to raw grids through SheetJS, cells as Excel shows them.
import * as XLSX from '@e965/xlsx'
import { zipSync } from 'fflate'
import { zhCnDateCode } from './dateFormats'
import { listZipEntries } from './container'
import { ImportError } from './errors'
import { trimCellText, type RawSheet } from './rawSheet'
import { checkOdsContent, checkSpreadsheetMl, checkXlsxSheet } from './sheetBounds'
import { unpackZip } from './unpack'
import { UsedArea } from './usedArea'

const READ_OPTIONS: XLSX.ParsingOptions = {
  dense: true,
  cellDates: false, // keep serial numbers so `w` is formatted with the cell's own number format
  cellNF: true, // the format code on the cell: built-in dates are drawn the zh-CN way (dateFormats.ts)
  cellFormula: false,
  cellHTML: false,
  cellStyles: false,
  sheetStubs: false,
  WTF: false,
}

/** The text Excel shows: the formatted value `w`, else the value formatted by its number format. */
function cellText(cell: XLSX.CellObject | undefined, date1904: boolean): string {
  if (!cell || cell.t === 'z') return ''
  // A date in a built-in format SheetJS draws the en-US way: drawn as Excel does in China.
  if (cell.t === 'n' && typeof cell.z === 'string' && zhCnDateCode(cell.z) !== cell.z) {
    try { return trimCellText(XLSX.SSF.format(zhCnDateCode(cell.z), cell.v as number, { date1904 })) } catch { /* as SheetJS drew it */ }
  }
  if (typeof cell.w === 'string') return trimCellText(cell.w)
  if (cell.v == null) return ''
  if (cell.t === 'n' || cell.t === 'd') {
    try {
      return trimCellText(XLSX.SSF.format((cell.z as string | number | undefined) ?? 'General', cell.v as number | Date))
    } catch {
      return String(cell.v)
    }
  }
  if (cell.t === 'b') return cell.v ? 'TRUE' : 'FALSE'
  return trimCellText(String(cell.v))
}

/** Cells (as Excel shows them) into the used area, which cuts trailing empties and enforces the budget. */
function sheetToRaw(name: string, ws: XLSX.WorkSheet, format: string, date1904: boolean): RawSheet {
  const dense = (ws['!data'] ?? []) as (XLSX.CellObject[] | undefined)[]
  const area = new UsedArea(name)
  for (let r = 0; r < dense.length; r++) {
    const row = dense[r]
    if (!row) continue
    for (let c = 0; c < row.length; c++) area.put(r, c, cellText(row[c], date1904))
  }
  const merges = area.merges((ws['!merges'] ?? []).map((m) => ({ r0: m.s.r, c0: m.s.c, r1: m.e.r, c1: m.e.c })))
  return { name, cells: area.cells, merges, source: { format } }
}

const TEXT_DECODER = new TextDecoder('utf-8')

/**
 * A zip workbook unpacked under the byte budget, its sheets scanned for far cells and
 * repeats, and packed again without compression for SheetJS (so nothing is inflated twice).
 */
function boundedZip(bytes: Uint8Array, format: string): Uint8Array {
  const files = unpackZip(bytes, listZipEntries(bytes))
  for (const [path, data] of Object.entries(files)) {
    if (format === 'xlsx' && /^xl\/worksheets\/[^/]+\.xml$/i.test(path)) checkXlsxSheet(TEXT_DECODER.decode(data), path.replace(/^.*\/|\.xml$/g, ''))
    else if (format === 'ods' && path === 'content.xml') checkOdsContent(TEXT_DECODER.decode(data), 'content')
  }
  return zipSync(files, { level: 0 })
}

/** Parses with SheetJS; a failure is reported as damage or a password, never as a stack trace. */
export function readSpreadsheet(data: Uint8Array | string, format: string): RawSheet[] {
  let wb: XLSX.WorkBook
  if (typeof data === 'string') {
    if (/urn:oasis:names:tc:opendocument/.test(data.slice(0, 65536))) checkOdsContent(data, 'content')
    else checkSpreadsheetMl(data, 'Workbook')
  } else if (format === 'xlsx' || format === 'ods') {
    data = boundedZip(data, format)
  }
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
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904)
  return wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name]
    return ws ? sheetToRaw(name, ws, format, date1904) : { name, cells: [], merges: [] }
  })
}
