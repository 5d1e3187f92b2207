// Row heights for the grid, per row and cached: estimated from the text and the widths the columns have on screen.
import type { TaskColumn, TaskRow } from '../../core'
import { ownWidth } from './columnWidths'
import { rowHeightFor } from './rowHeight'

export interface RowHeights {
  /** The row's height; section and footer rows span every column. */
  of(row: TaskRow | undefined): number
  /**
   * Forgets every height, and takes the widths the columns have now (`widthOf`, from the grid;
   * a column it does not know has its own width).
   */
  reset(widthOf?: (colId: string) => number | undefined): void
}

export function createRowHeights(visibleColumns: () => readonly TaskColumn[]): RowHeights {
  let widths = new Map<string, number>()
  let cache = new WeakMap<TaskRow, number>()
  return {
    of(row) {
      if (!row) return 34
      const cached = cache.get(row)
      if (cached) return cached
      const texts = visibleColumns().map((c) => ({ text: row.cells[c.id] ?? '', width: widths.get(c.id) ?? ownWidth(c) }))
      if (row.kind !== 'data') {
        const total = texts.reduce((sum, t) => sum + t.width, 0)
        texts.splice(0, texts.length, { text: texts.map((t) => t.text).join(' ').trim(), width: total })
      }
      const height = rowHeightFor(texts)
      cache.set(row, height)
      return height
    },
    reset(widthOf) {
      cache = new WeakMap()
      if (!widthOf) return
      const next = new Map<string, number>()
      for (const c of visibleColumns()) { const w = widthOf(c.id); if (w) next.set(c.id, w) }
      widths = next
    },
  }
}
