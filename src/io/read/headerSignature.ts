// A header's fingerprint, so the clerk's column-role corrections can be remembered for the next file with the same header.
import { detectRole, normalizeForMatch } from '../../core'
import type { RawSheet } from './rawSheet'

/**
 * The normalised headers joined in order: the same table sent again next quarter (even
 * re-typed in traditional characters, full-width brackets or with extra line breaks)
 * gets the same signature; a different column order gets a different one.
 */
export function headerSignature(columns: readonly { header: string }[]): string {
  return columns.map((c) => normalizeForMatch(c.header).toLowerCase()).join('|')
}

/** Rows of the top of a sheet whose header words make its layout's fingerprint. */
const LAYOUT_ROWS = 16

/**
 * A sheet's layout: where the header words stand in its top rows (row, column, word), down to
 * the row after the header the importer found, so that no task text (`…任务…`) enters it. The next
 * quarter's copy of a list (another title, other data) has the same fingerprint, so the header
 * rows a clerk corrected once are proposed again; a list laid out otherwise has another one.
 * Empty when the top holds no header word.
 */
export function layoutSignature(raw: Pick<RawSheet, 'cells'>, detectedHeaderRows: readonly number[] = []): string {
  const marks: string[] = []
  const last = detectedHeaderRows.length ? Math.max(...detectedHeaderRows) + 2 : LAYOUT_ROWS
  for (let r = 0; r < Math.min(LAYOUT_ROWS, last, raw.cells.length); r++) {
    const row = raw.cells[r] ?? []
    for (let c = 0; c < row.length; c++) {
      const text = normalizeForMatch(row[c] ?? '').replace(/\s+/g, '')
      if (text && Array.from(text).length <= 12 && detectRole(text) !== null) marks.push(`${r}:${c}:${text}`)
    }
  }
  return marks.join('|')
}
