// Delimited text (CSV, TSV, `;`, and `|` text tables) to a raw grid, with the separator sniffed.
import { barRowCells } from '../../core/clipboard'
import { trimCellText, type RawSheet } from './rawSheet'
import { MAX_CELLS, MAX_COLUMNS, MAX_ROWS } from './readLimits'
import { cellName, tooBig } from './sheetBounds'

export type Separator = ',' | '\t' | ';' | '|'

/** Tie order: a tab is never part of a clerk's text; commas and semicolons may be. */
const CANDIDATES: readonly Separator[] = ['\t', ',', ';', '|']

/** Where a field's unquoted text ends: the next separator or line break (a quote inside a field is text). */
function fieldEnd(text: string, from: number, sep: string): number {
  const sepCode = sep.charCodeAt(0)
  let i = from
  for (const n = text.length; i < n; i++) {
    const code = text.charCodeAt(i)
    if (code === sepCode || code === 0x0a || code === 0x0d) break
  }
  return i
}

/**
 * RFC 4180 records: a field opening with `"` runs to the closing quote, `""` is a quote,
 * and line breaks inside quotes stay in the cell. A quote later in a field is literal
 * text. Quotes are off for `|` tables, which are written by hand, not by Excel.
 */
export function parseDelimited(text: string, sep: string, quotes = true, maxRecords = Infinity): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let i = 0
  const n = text.length
  while (i < n && records.length < maxRecords) {
    const ch = text[i]!
    if (quotes && ch === '"' && field === '') {
      // Quoted field: read to the closing quote.
      const start = i
      i++
      // Whole runs up to the next quote are copied at once (a cell may hold half a megabyte).
      while (i < n) {
        const q = text.indexOf('"', i)
        // A quote never closed was a literal quote, not quoting (as Excel and the paste reader take it):
        // otherwise one stray `"` swallows the rest of the file into one cell.
        if (q < 0) { field = '"'; i = start + 1; break }
        field += text.slice(i, q)
        if (text[q + 1] === '"') { field += '"'; i = q + 2; continue }
        i = q + 1
        break
      }
      // Anything between the closing quote and the separator is kept, as Excel does.
      if (field === '"' && i === start + 1) { field = '"'; continue }
      const stop = fieldEnd(text, i, sep)
      field += text.slice(i, stop)
      i = stop
      continue
    }
    if (ch === sep) { record.push(field); field = ''; i++; continue }
    if (ch === '\n' || ch === '\r') {
      record.push(field)
      records.push(record)
      record = []
      field = ''
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1
      continue
    }
    // The rest of an unquoted field at once: a character at a time made a string per character
    // (100,000 short lines spent more time collecting garbage than reading).
    const stop = fieldEnd(text, i + 1, sep)
    field += text.slice(i, stop)
    i = stop
  }
  if (records.length < maxRecords && (field !== '' || record.length)) { record.push(field); records.push(record) }
  return records
}

/**
 * The separator whose field count is the same on the most records. A title line or a
 * few junk lines above the table have one field under every candidate, so the table's
 * rows decide; commas inside Chinese prose vary from line to line and lose.
 *
 * `tabular`: text copied as a table (the clipboard, a .tsv), where Excel, WPS and browsers put
 * tabs, and web pages bars (`1 | 启动… | …`). Commas and semicolons split it only when nearly
 * every line splits into the same number of cells (a copied CSV), never at the punctuation of
 * prose pasted one cell per line; with no separator it stays one column.
 */
export function sniffSeparator(text: string, tabular = false): Separator {
  let best: Separator = tabular ? '\t' : ','
  let bestScore = 0
  for (const sep of CANDIDATES) {
    const counts = new Map<number, number>()
    let lines = 0
    for (const record of parseDelimited(text.slice(0, 65536), sep, sep !== '|', 200)) {
      if (record.some((cell) => cell.trim())) lines++
      if (record.length > 1) counts.set(record.length, (counts.get(record.length) ?? 0) + 1)
    }
    let score = 0
    for (const c of counts.values()) score = Math.max(score, c)
    if (tabular && (sep === ',' || sep === ';') && score < 0.8 * lines) continue
    if (score > bestScore) { best = sep; bestScore = score }
  }
  return best
}

export function readDelimited(text: string, name: string, sep: Separator = sniffSeparator(text)): RawSheet {
  let rows = parseDelimited(text, sep, sep !== '|')
  if (sep === '|') rows = rows.map(barRowCells).filter((r): r is string[] => r !== null)
  // Trailing empty fields (a line of 500,000 commas) are cut before the used area is checked.
  let height = 0
  let width = 0
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!
    for (let c = 0; c < row.length; c++) row[c] = trimCellText(row[c]!)
    let last = row.length
    while (last > 0 && row[last - 1] === '') last--
    row.length = last
    if (last > 0) { height = r + 1; width = Math.max(width, last) }
  }
  if (width > MAX_COLUMNS || height > MAX_ROWS || height * width > MAX_CELLS) throw tooBig(name, height, width, cellName(height - 1, width - 1))
  rows.length = height
  return {
    name,
    cells: rows,
    merges: [],
    source: { format: sep === '|' ? 'text' : 'csv', delimiter: sep },
  }
}
