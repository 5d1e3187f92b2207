// The raw grid every reader produces (cell texts + merged ranges), before the table structure is read.

/** A merged range in sheet coordinates, 0-based and inclusive. */
export interface CellMerge { r0: number; c0: number; r1: number; c1: number }

export interface RawSheet {
  name: string
  /** Cell texts as the clerk sees them; a merged range's text sits in its top-left cell. */
  cells: string[][]
  merges: CellMerge[]
  /** Where the grid came from, for the clerk's information (encoding, separator). */
  source?: { format: string; encoding?: string; delimiter?: string }
}

/** One line-break convention inside cells (`\n`), no padding spaces around a cell's text. */
export function cleanCellText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/_x000D_/g, '').replace(/^[ \t\n\u3000\u00a0]+|[ \t\n\u3000\u00a0]+$/g, '')
}
