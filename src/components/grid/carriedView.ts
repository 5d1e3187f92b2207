// What the clerk set up in the grid itself (sort, widths the document does not keep, selection, the row in view), carried over when the grid is re-created in another language.
import type { ColumnState, GridApi, IRowNode } from 'ag-grid-community'
import type { TaskRow } from '../../core'

export interface CarriedView { columns: ColumnState[]; selected: string[]; topRowId: string | null }

export function captureView(grid: GridApi<TaskRow>): CarriedView {
  // The first row in view (the rendered rows start a buffer of rows above it).
  const scrollTop = grid.getVerticalPixelRange().top
  const top = grid.getRenderedNodes()
    .filter((n) => n.rowIndex != null && (n.rowTop ?? 0) + (n.rowHeight ?? 0) > scrollTop)
    .reduce<IRowNode<TaskRow> | undefined>((a, n) => (!a || n.rowIndex! < a.rowIndex! ? n : a), undefined)
  return {
    // Sort, and widths the document does not keep (the state column's).
    columns: grid.getColumnState().map(({ colId, sort, sortIndex, width }) => ({ colId, sort, sortIndex, width })),
    selected: grid.getSelectedRows().map((r) => r.id),
    topRowId: top?.data?.id ?? null,
  }
}

/** Sort, widths and selection at once; the row in view once the rows are laid out (scrollToCarried). */
export function restoreView(grid: GridApi<TaskRow>, view: CarriedView) {
  grid.applyColumnState({ state: view.columns })
  const nodes = view.selected.map((id) => grid.getRowNode(id)).filter((n): n is IRowNode<TaskRow> => !!n)
  if (nodes.length) grid.setNodesSelected({ nodes, newValue: true })
}

export function scrollToCarried(grid: GridApi<TaskRow>, view: CarriedView | null) {
  const top = view?.topRowId ? grid.getRowNode(view.topRowId) : undefined
  if (top?.rowIndex != null) grid.ensureIndexVisible(top.rowIndex, 'top')
}
