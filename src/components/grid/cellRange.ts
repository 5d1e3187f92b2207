// A block of cells (Shift+arrows, Shift+click): AG Grid Community has no range selection. Plain
// state and rules, no AG Grid: the grid tells it where focus went, in which column order.

export interface CellBlock { rowIds: string[]; colIds: string[] }

export interface CellRange {
  /** A key press: Shift with an arrow extends the block on the next focus move. */
  noteKey(event: { shiftKey: boolean; key: string }): void
  /** A pointer press: Shift+click extends the block. */
  notePointer(event: { shiftKey: boolean }): void
  /**
   * Focus moved to (`rowIndex`, `colId`); `displayedColIds` in display order. Returns whether
   * the highlighted cells changed (the grid then redraws them).
   */
  focusMoved(rowIndex: number, colId: string, displayedColIds: () => readonly string[]): boolean
  includes(rowIndex: number | null, colId: string): boolean
  /** The block as ids, when more than one cell is in it. `rowIdAt`: the row shown at an index. */
  block(displayedColIds: readonly string[], rowIdAt: (index: number) => string | undefined): CellBlock | null
  clear(): void
}

/** `isDataColumn`: the columns a block may span (not the state or selection column). */
export function createCellRange(isDataColumn: (colId: string) => boolean): CellRange {
  let extendNext = false
  let anchor: { rowIndex: number; colId: string } | null = null
  let range: { r0: number; r1: number; c0: number; c1: number } | null = null
  let colOrder = new Map<string, number>()

  return {
    noteKey(event) { extendNext = event.shiftKey && event.key.startsWith('Arrow') },
    notePointer(event) { extendNext = event.shiftKey },
    focusMoved(rowIndex, colId, displayedColIds) {
      const dataCol = isDataColumn(colId)
      const had = range !== null
      if (extendNext && anchor && dataCol) {
        colOrder = new Map(displayedColIds().map((id, i) => [id, i]))
        const a = colOrder.get(anchor.colId) ?? 0
        const b = colOrder.get(colId) ?? 0
        range = { r0: Math.min(anchor.rowIndex, rowIndex), r1: Math.max(anchor.rowIndex, rowIndex), c0: Math.min(a, b), c1: Math.max(a, b) }
      } else {
        anchor = dataCol ? { rowIndex, colId } : null
        range = null
      }
      extendNext = false
      return range !== null || had
    },
    includes(rowIndex, colId) {
      if (!range || rowIndex == null) return false
      const c = colOrder.get(colId)
      return c !== undefined && rowIndex >= range.r0 && rowIndex <= range.r1 && c >= range.c0 && c <= range.c1
    },
    block(displayedColIds, rowIdAt) {
      if (!range || (range.r0 === range.r1 && range.c0 === range.c1)) return null
      const colIds = displayedColIds.slice(range.c0, range.c1 + 1).filter(isDataColumn)
      const rowIds: string[] = []
      for (let r = range.r0; r <= range.r1; r++) { const id = rowIdAt(r); if (id) rowIds.push(id) }
      return { rowIds, colIds }
    },
    clear() { range = null; anchor = null },
  }
}
