// The one place a spreadsheet reader's cells become a grid: both .xlsx readers (fast and SheetJS) and the
// other SheetJS formats put their cells here, so the used area is cut and bounded the same way for all.
import type { CellMerge } from './rawSheet'
import { cellName, tooBig } from './sheetBounds'
import { MAX_CELLS, MAX_COLUMNS, MAX_ROWS } from './readLimits'

/**
 * Cells in, grid out. An empty text is never stored, so trailing empty cells and rows are cut
 * before they are materialised (a formatted cell at XFD1048576 costs nothing), and each cell with
 * text is checked against the budget as it arrives: the used area (rows × columns up to the last
 * text) past the limits is refused with its figures before the grid is built out to it.
 */
export class UsedArea {
  readonly cells: string[][] = []
  private width = 0

  constructor(private readonly sheet: string) {}

  put(row: number, col: number, text: string): void {
    if (text === '') return
    const height = Math.max(row + 1, this.cells.length)
    const width = Math.max(col + 1, this.width)
    if (width > MAX_COLUMNS || height > MAX_ROWS || height * width > MAX_CELLS) throw tooBig(this.sheet, height, width, cellName(row, col))
    this.width = width
    const cells = this.cells
    while (cells.length < row) cells.push([])
    const line = cells[row] ??= []
    while (line.length < col) line.push('')
    line[col] = text
  }

  /** Merges inside the used area; a merge reaching past it is clipped (one over the whole sheet would claim millions of cells). */
  merges(all: Iterable<CellMerge>): CellMerge[] {
    const height = this.cells.length
    const kept: CellMerge[] = []
    for (const m of all) {
      if (m.r0 >= height || m.c0 >= this.width || m.r0 < 0 || m.c0 < 0) continue
      kept.push({ r0: m.r0, c0: m.c0, r1: Math.min(m.r1, height - 1), c1: Math.min(m.c1, this.width - 1) })
    }
    return kept
  }
}
