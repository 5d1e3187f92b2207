// Cheap scans of a sheet's XML for what would make SheetJS build a huge grid: far cells and repeats.
import { ImportError } from './errors'
import { MAX_CELLS, MAX_COLUMNS, MAX_ROWS } from './readLimits'

function columnNumber(letters: string): number {
  let n = 0
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64)
  return n
}

/** `A1`-style name of a 0-based cell, for the refusal message (the clerk looks for it in Excel). */
export function cellName(row: number, col: number): string {
  let letters = ''
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
  return `${letters}${row + 1}`
}

/** The refusal for a used area past the limits, naming the figures a clerk can look for. */
export function tooBig(sheet: string, rows: number, columns: number, where: string): ImportError {
  if (columns > MAX_COLUMNS) return new ImportError('too-many-columns', `${sheet}: ${where}`, { sheet, found: columns, where, rows, columns })
  if (rows > MAX_ROWS) return new ImportError('too-many-rows', `${sheet}: ${where}`, { sheet, found: rows.toLocaleString('en-US'), where, rows, columns })
  return new ImportError('too-many-cells', `${sheet}: ${rows}x${columns}`, { sheet, found: (rows * columns).toLocaleString('en-US'), rows, columns, where })
}

function check(sheet: string, rows: number, columns: number, where: string): void {
  if (columns > MAX_COLUMNS || rows > MAX_ROWS || rows * columns > MAX_CELLS) throw tooBig(sheet, rows, columns, where)
}

/**
 * An .xlsx worksheet: the farthest cell that holds something (`<c …>` with content; a
 * self-closed `<c r="XFD1" s="3"/>` is only formatting and SheetJS skips it). Also counts cells.
 */
export function checkXlsxSheet(xml: string, sheet: string): void {
  let rows = 0
  let columns = 0
  let where = ''
  let count = 0
  const tag = /<(?:\w+:)?c\b([^>]*?)(\/?)>/g
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    if (m[2]) continue
    if (++count > MAX_CELLS) throw tooBig(sheet, count, 1, `${count}`)
    const ref = /\br="([A-Z]{1,3})(\d{1,7})"/.exec(m[1]!)
    if (!ref) continue
    const c = columnNumber(ref[1]!)
    const r = Number(ref[2])
    if (c > columns) { columns = c; where = ref[1]! + ref[2]! }
    if (r > rows) { rows = r; if (!where) where = ref[1]! + ref[2]! }
  }
  check(sheet, rows, columns, where)
}

function repeat(attrs: string, name: string): number {
  const m = new RegExp(`${name}="(\\d{1,10})"`).exec(attrs)
  return m ? Math.max(1, Number(m[1])) : 1
}

/**
 * OpenDocument content (.ods content.xml, Flat ODS): the cells repeats would expand to. Empty
 * trailing repeats (LibreOffice writes 1024 columns × a million rows of them) cost nothing;
 * a repeated cell with content is counted row by row, as SheetJS would build it.
 */
export function checkOdsContent(xml: string, sheet: string): void {
  let rows = 0
  let cells = 0
  let widest = 0
  let rowRepeat = 1
  let col = 0
  let rowLast = 0
  const tag = /<(\/?)table:(table-row|table-cell|covered-table-cell|table)\b([^>]*?)(\/?)>/g
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const [, closing, name, attrs, selfClosed] = m
    if (name === 'table') {
      if (!closing) { rows = 0; sheet = /table:name="([^"]{0,100})"/.exec(attrs!)?.[1] ?? sheet }
      continue
    }
    if (name === 'table-row') {
      if (!closing) { rowRepeat = repeat(attrs!, 'table:number-rows-repeated'); col = 0; rowLast = 0 }
      if (closing || selfClosed) {
        rows += rowRepeat
        if (rowLast > 0) {
          cells += rowRepeat * rowLast
          widest = Math.max(widest, rowLast)
          if (widest > MAX_COLUMNS || cells > MAX_CELLS || rows > MAX_ROWS) check(sheet, rows, widest, cellName(rows - 1, widest - 1))
        }
      }
      continue
    }
    if (closing) continue
    const n = repeat(attrs!, 'table:number-columns-repeated')
    col += n
    if (!selfClosed || /office:value-type=/.test(attrs!)) rowLast = col
  }
}

/** SpreadsheetML 2003 (`<Row ss:Index>`, `<Cell ss:Index>`): the farthest row and column named. */
export function checkSpreadsheetMl(xml: string, sheet: string): void {
  let rows = 0
  let columns = 0
  const index = /<(Row|Cell)\b[^>]*?ss:Index="(\d{1,10})"/g
  for (let m = index.exec(xml); m; m = index.exec(xml)) {
    const n = Number(m[2])
    if (m[1] === 'Row') rows = Math.max(rows, n)
    else columns = Math.max(columns, n)
  }
  check(sheet, Math.max(rows, 1), Math.max(columns, 1), cellName(Math.max(rows, 1) - 1, Math.max(columns, 1) - 1))
}
