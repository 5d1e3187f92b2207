// A header's fingerprint, so the clerk's column-role corrections can be remembered for the next file with the same header.
import { normalizeForMatch } from '../../core'

/**
 * The normalised headers joined in order: the same table sent again next quarter (even
 * re-typed in traditional characters, full-width brackets or with extra line breaks)
 * gets the same signature; a different column order gets a different one.
 */
export function headerSignature(columns: readonly { header: string }[]): string {
  return columns.map((c) => normalizeForMatch(c.header).toLowerCase()).join('|')
}
