// The raw grid every reader produces (cell texts + merged ranges), before the table structure is read.

/** A merged range in sheet coordinates, 0-based and inclusive. */
export interface CellMerge { r0: number; c0: number; r1: number; c1: number }

export interface RawSheet {
  name: string
  /** Cell texts as the clerk sees them; a merged range's text sits in its top-left cell. */
  cells: string[][]
  merges: CellMerge[]
  /** Where the grid came from, for the clerk's information (encoding, separator). */
  source?: { format: string; encoding?: string; delimiter?: string; reader?: 'fast' | 'sheetjs' }
}

/** The padding trimmed around a cell's text: space, tab, line break, ideographic and no-break space. */
function isPadding(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x3000 || code === 0xa0
}

/** One line-break convention inside cells (`\n`), no padding spaces around a cell's text. */
export function trimCellText(text: string): string {
  // Nearly every cell is clean already: three regex passes per cell were a tenth of a large import.
  if (text === '' || (!isPadding(text.charCodeAt(0)) && !isPadding(text.charCodeAt(text.length - 1))
    && !text.includes('\r') && !text.includes('_x000D_'))) return text
  return text.replace(/\r\n?/g, '\n').replace(/_x000D_/g, '').replace(/^[ \t\n\u3000\u00a0]+|[ \t\n\u3000\u00a0]+$/g, '')
}
