// Copy and paste on the grid. The grid is the one that knows what it shows (its sort, filters, the
// Shift block), so it hands the document store the exact cells as arguments: no store asks it back.
import { onBeforeUnmount, onMounted, type ShallowRef } from 'vue'
import type { GridApi } from 'ag-grid-community'
import type { TaskRow } from '../../core'
import type { CopySource, FocusTarget, PasteTarget } from '../../stores/document'
import type { CellBlock } from './cellRange'

/** The grid surface these read: a test hands in a plain object. */
export type ShownRows = Pick<GridApi<TaskRow>, 'getFocusedCell' | 'getDisplayedRowAtIndex' | 'getDisplayedRowCount'>

/** The focused cell by row id, or null. */
export function focusedCellOf(grid: ShownRows): FocusTarget | null {
  const cell = grid.getFocusedCell()
  const row = cell ? grid.getDisplayedRowAtIndex(cell.rowIndex)?.data : undefined
  return cell && row ? { rowId: row.id, colId: cell.column.getColId() } : null
}

/** The rows shown from the focused one down, in the grid's order (read on a paste, never per edit). */
export function rowsShownFromFocus(grid: ShownRows): string[] {
  const cell = grid.getFocusedCell()
  const ids: string[] = []
  if (!cell) return ids
  const count = grid.getDisplayedRowCount()
  for (let i = cell.rowIndex; i < count; i++) { const id = grid.getDisplayedRowAtIndex(i)?.data?.id; if (id) ids.push(id) }
  return ids
}

export interface GridClipboardHost {
  api: ShallowRef<GridApi<TaskRow> | null>
  /** Whether a copy or paste from `target` is the grid's (no one typing elsewhere, no dialog, no open editor, a list with rows). */
  isGrids(target: EventTarget | null): boolean
  /** The document columns on screen, in display order. */
  columnIds(grid: GridApi<TaskRow>): string[]
  block(grid: GridApi<TaskRow>): CellBlock | null
  paste(html: string, text: string, target: PasteTarget): void
  copy(source: CopySource): { tsv: string; html: string } | null
}

/** The page's copy and paste, taken by the grid while it shows a list with rows (the app imports a paste on an empty one). */
export function useGridClipboard(host: GridClipboardHost) {
  function onPaste(event: ClipboardEvent) {
    const grid = host.api.value
    const data = event.clipboardData
    if (!grid || !data || !host.isGrids(event.target)) return
    const html = data.getData('text/html')
    const text = data.getData('text/plain')
    if (!html && !text) return
    event.preventDefault()
    const at = focusedCellOf(grid)
    if (at) host.paste(html, text, { at, colIds: host.columnIds(grid), rowIds: rowsShownFromFocus(grid) })
  }

  function onCopy(event: ClipboardEvent) {
    const grid = host.api.value
    if (!grid || !event.clipboardData || !host.isGrids(event.target)) return
    const copied = host.copy({ block: host.block(grid), selectedRowIds: grid.getSelectedRows().map((r) => r.id), colIds: host.columnIds(grid), focused: focusedCellOf(grid) })
    if (!copied) return
    event.preventDefault()
    event.clipboardData.setData('text/plain', copied.tsv)
    event.clipboardData.setData('text/html', copied.html)
  }

  onMounted(() => { window.addEventListener('paste', onPaste); window.addEventListener('copy', onCopy) })
  onBeforeUnmount(() => { window.removeEventListener('paste', onPaste); window.removeEventListener('copy', onCopy) })
}
