// Keeps AG Grid in step with the document store: row updates for edits, a full reload for structure, and focus where the change says.
import { watch, type ComputedRef, type ShallowRef } from 'vue'
import type { ColDef, GridApi, IRowNode } from 'ag-grid-community'
import type { TaskDocument, TaskRow } from '../../core'
import type { FocusTarget, GridChange } from '../../stores/document'
import { STATE_COL } from './gridColumns'
import type { RowHeights } from './rowHeights'

export interface GridSyncHost {
  api: ShallowRef<GridApi<TaskRow> | null>
  columnDefs: ComputedRef<ColDef<TaskRow>[]>
  revision(): number
  lastChange(): GridChange | null
  doc(): TaskDocument | null
  rowIndex(): ReadonlyMap<string, TaskRow>
  /** The save state: re-laying out row positions waits until an edit is saved. */
  saving(): boolean
  /** False while the grid is being re-created in another language: the old one takes no updates. */
  current(): boolean
  externalFilter(): boolean
  heights: RowHeights
  /** Shares the free width again (after new columns or a new list). */
  fillWidth(grid: GridApi<TaskRow>): void
}

/**
 * Focus after a change, as the document store decided it (an inserted row, a moved row, a find
 * match): applied once the grid holds the change, since the grid keeps focus at a row index and a
 * moved row would otherwise leave focus on whatever row took its old place. A row a filter still
 * hides (the quick filter reaches the grid a moment later) is tried once more after this task.
 */
export function applyFocus(grid: GridApi<TaskRow>, want: FocusTarget, stillCurrent: () => boolean, retry = true) {
  if (grid.isDestroyed()) return
  const node = grid.getRowNode(want.rowId)
  if (node?.rowIndex == null) {
    if (retry) setTimeout(() => { if (stillCurrent()) applyFocus(grid, want, stillCurrent, false) }, 0)
    return
  }
  grid.ensureIndexVisible(node.rowIndex, 'middle')
  grid.ensureColumnVisible(want.colId)
  grid.setFocusedCell(node.rowIndex, want.colId)
}

/**
 * Tabbing into the grid (from the toolbar, or back from the status bar) returns to the cell the
 * clerk left (`last`, by row id: the row may have moved since), not to the header or the last row
 * of the list; the first time, to the first row's `firstColId`.
 */
export function focusInto(grid: GridApi<TaskRow>, last: FocusTarget | null, firstColId: string | null): boolean {
  const node = last ? grid.getRowNode(last.rowId) : undefined
  const target = node?.rowIndex != null && last && grid.getColumn(last.colId)
    ? { rowIndex: node.rowIndex, colId: last.colId }
    : grid.getDisplayedRowCount() > 0 && firstColId ? { rowIndex: 0, colId: firstColId } : null
  if (!target) return false
  grid.ensureIndexVisible(target.rowIndex)
  grid.ensureColumnVisible(target.colId)
  grid.setFocusedCell(target.rowIndex, target.colId)
  return true
}

export function useGridSync(host: GridSyncHost) {
  /** The document whose rows the grid holds: opening another one needs no redraw of old nodes. */
  let shownDocId: string | null = null
  /**
   * Column definitions go to the grid from here, not through a prop: AG Grid lays out and draws
   * the rows on screen again for new columns and again for new rows, so a newly opened document
   * hands over its columns before its rows. (The Vue wrapper would send a changed prop a
   * microtask after the rows, forced, drawing everything twice.)
   */
  let sentColumnDefs: ColDef<TaskRow>[] | null = null
  let seenRevision = -1

  /** The grid was created with these columns and rows (onGridReady). */
  function started(grid: GridApi<TaskRow>) {
    sentColumnDefs = host.columnDefs.value
    seenRevision = host.revision()
    grid.updateGridOptions({ columnDefs: sentColumnDefs, rowData: (host.doc()?.rows ?? []) as TaskRow[] })
    shownDocId = host.doc()?.id ?? null
  }

  /**
   * Re-laying out row positions after a height change walks every row (50–150 ms at 100k): it
   * waits until the edit is saved, so it never holds the save back, and runs once for the edits
   * saved together. The edited row has its new height at once; only the rows below it move a
   * moment later.
   */
  let heightsDirty = false
  let heightsFallback: ReturnType<typeof setTimeout> | null = null
  function scheduleHeightRefresh() {
    heightsDirty = true
    if (!host.saving()) { refreshHeights(); return }
    // A save that takes unusually long (storing a whole new list) must not leave rows overlapping.
    heightsFallback ??= setTimeout(refreshHeights, 1000)
  }
  /** Works on the grid of the moment: a grid re-created meanwhile has laid out its rows afresh. */
  function refreshHeights() {
    if (heightsFallback) { clearTimeout(heightsFallback); heightsFallback = null }
    if (!heightsDirty) return
    heightsDirty = false
    host.api.value?.onRowHeightChanged()
  }

  function resetHeights(grid: GridApi<TaskRow>) {
    host.heights.reset((id) => grid.getColumn(id)?.getActualWidth())
    grid.resetRowHeights()
  }

  /**
   * Rows changed by edits that the grid does not show yet. A cell edit's save is made in the task
   * that commits the edit; the grid draws the edit once that save is written, or at the latest
   * two frames later (a slow disk), or when the clerk next presses a key or the mouse in the grid.
   * Drawn at once, the edit gave the browser a frame to lay out and paint before the database's
   * answers (Chromium renders first): the save waited for a redraw the clerk cannot tell from this one.
   */
  const pendingRows = new Set<string>()
  let drawTicket = 0
  /** A timer, not animation frames: a frame asked for would again come before the database's answers. */
  const DRAW_AT_THE_LATEST_MS = 32
  function scheduleDraw() {
    const ticket = ++drawTicket
    setTimeout(() => { if (ticket === drawTicket) drawPending() }, DRAW_AT_THE_LATEST_MS)
  }

  /** Draws the rows edits left pending (see pendingRows); a no-op when none are. */
  function drawPending() {
    drawTicket++
    if (pendingRows.size === 0) return
    const ids = [...pendingRows]
    pendingRows.clear()
    const grid = host.api.value
    // A grid re-created meanwhile (another language) took the rows as they are now.
    if (!grid || grid.isDestroyed() || !host.current()) return
    drawRows(grid, ids, false)
  }

  /** Hands edited rows to their nodes and refreshes their state cells; `all`: every state may differ. */
  function drawRows(grid: GridApi<TaskRow>, rowIds: Iterable<string>, all: boolean) {
    const byId = host.rowIndex()
    // Edited rows are handed to their nodes one by one: a transaction would re-run the row model
    // (positions, selection state) over every row, which costs hundreds of ms at 100k rows.
    const nodes: IRowNode<TaskRow>[] = []
    let heightsChanged = false
    for (const id of rowIds) {
      const row = byId.get(id)
      const node = row && grid.getRowNode(id)
      if (!row || !node) continue
      node.updateData(row)
      const height = host.heights.of(row)
      if (node.rowHeight !== height) { node.setRowHeight(height); heightsChanged = true }
      nodes.push(node)
    }
    if (heightsChanged) scheduleHeightRefresh()
    if (all) {
      grid.refreshCells({ columns: [STATE_COL], force: true })
      grid.redrawRows()
    } else if (nodes.length) {
      // The state cell reads the assessment, not the row: refreshed by force. The row's classes
      // followed its new data (rules), so the row is not redrawn.
      grid.refreshCells({ rowNodes: nodes, columns: [STATE_COL], force: true })
    }
    if (host.externalFilter()) grid.onFilterChanged()
  }

  // The save is written (or failed, and the edit stays in memory): show the edit, then lay out.
  watch(host.saving, (saving) => { if (!saving) { drawPending(); refreshHeights() } })

  watch([host.revision, host.columnDefs], () => {
    const grid = host.api.value
    const change = host.lastChange()
    const doc = host.doc()
    // A language change re-creates the grid, which takes the columns and rows as they are then.
    if (!grid || !doc || !host.current()) return
    const defs = host.columnDefs.value
    const columnsChanged = defs !== sentColumnDefs
    const revisionChanged = host.revision() !== seenRevision
    sentColumnDefs = defs
    seenRevision = host.revision()
    // Rows only, nothing to focus: drawn once the save is written (pendingRows).
    if (revisionChanged && change && !change.structure && !change.assessAll && !change.focus && !columnsChanged) {
      const queued = pendingRows.size > 0
      for (const id of change.rows) pendingRows.add(id)
      // Not saved (no storage, a read-only tab): nothing to wait for.
      if (!host.saving()) drawPending()
      else if (!queued) scheduleDraw()
      return
    }
    if (!revisionChanged) {
      // Columns alone (width, role, name, hidden, language): heights depend on the visible ones.
      drawPending()
      grid.setGridOption('columnDefs', defs)
      host.fillWidth(grid)
      resetHeights(grid)
      return
    }
    if (!change || change.structure) {
      // The rows are handed over whole: whatever was pending is in them.
      pendingRows.clear()
      drawTicket++
      const otherDocument = doc.id !== shownDocId
      shownDocId = doc.id
      if (columnsChanged) {
        // New columns re-create the cells of every row on screen: with the old rows gone first,
        // only the new rows are drawn, once.
        if (otherDocument) grid.setGridOption('rowData', [])
        grid.setGridOption('columnDefs', defs)
        host.fillWidth(grid)
      }
      host.heights.reset((id) => grid.getColumn(id)?.getActualWidth())
      grid.setGridOption('rowData', doc.rows as TaskRow[])
      // Another document's rows all arrive as new data, so every row shown is drawn afresh; the
      // same document (a structural edit, a restored version) keeps nodes whose states moved.
      if (!otherDocument) grid.redrawRows()
      if (change?.focus) applyFocus(grid, change.focus, () => host.api.value === grid)
      // A newly opened document is painted on the next frame: the bench times import → this mark.
      if (!change) requestAnimationFrame(() => performance.mark('jindu:grid-painted'))
      return
    }
    drawPending()
    if (columnsChanged) {
      grid.setGridOption('columnDefs', defs)
      host.fillWidth(grid)
      resetHeights(grid)
    }
    drawRows(grid, change.rows, change.assessAll)
    if (change.focus) applyFocus(grid, change.focus, () => host.api.value === grid)
  })

  return { started, resetHeights, drawPending }
}
