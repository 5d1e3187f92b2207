// The grid's columns: AG Grid column definitions built from the document's columns, and the keys the grid leaves alone.
import type { CellPosition, ColDef, SuppressKeyboardEventParams, TabToNextCellParams } from 'ag-grid-community'
import { TASK_STATE_ORDER, type Role, type TaskColumn, type TaskRow } from '../../core'
import { StateCellRenderer } from './StateCellRenderer'
import { WIDE_ROLES, defaultWidth } from './columnWidths'

/** The state column's id: the grid's own, not a document column. */
export const STATE_COL = '__state'

const ORDER: readonly string[] = TASK_STATE_ORDER
/** Sorting by state: worst first, as the status bar lists them; no state last. */
export function stateRank(state: string): number {
  const i = ORDER.indexOf(state)
  return i < 0 ? ORDER.length : i
}

type KeyLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>

/** Keys the grid must leave alone: the editor or the app handles them, and AG Grid would also move focus. */
export function leftToEditorOrApp(e: KeyLike, editing: boolean): boolean {
  const mod = e.ctrlKey || e.metaKey
  if (editing) {
    // Enter (Shift+ or Alt+ too, as in the input-method box) is a new line in the editor;
    // Ctrl+Enter commits (handled by the editor). AG Grid would take Shift+Enter as commit and move up.
    if (e.key === 'Enter') return !mod
    // Tab commits and moves one cell without editing the next one (the editor does both).
    return e.key === 'Tab'
  }
  // Ctrl+Shift+Enter inserts a row below (App.vue): AG Grid would first take Shift+Enter as "move up".
  if (e.key === 'Enter' && mod && e.shiftKey) return true
  // Alt+↑/↓ move the row (the grid's key handler): AG Grid would first move focus to the next row.
  return e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')
}

export const suppressGridKey = (p: SuppressKeyboardEventParams<TaskRow>): boolean => leftToEditorOrApp(p.event, p.editing)

/**
 * Tab moves across the row, as in Excel; at the row's last cell it leaves the grid for the status
 * bar (Shift+Tab at the row's first cell, for the toolbar), so the filters below the list are a
 * few key presses away instead of one per cell of the whole list.
 */
export function tabToNextCell(params: Pick<TabToNextCellParams<TaskRow>, 'previousCellPosition' | 'nextCellPosition'>): CellPosition | boolean {
  const from = params.previousCellPosition
  const to = params.nextCellPosition
  if (!to || to.rowIndex !== from.rowIndex || (to.rowPinned ?? null) !== (from.rowPinned ?? null)) return false
  return to
}

/** What the column definitions read: words, the document's state and the highlights, as functions. */
export interface ColumnSource {
  columns: readonly TaskColumn[]
  pinTask: boolean
  readOnly(): boolean
  stateHeader: string
  roleLabel(role: Role): string
  stateLabel(state: string): string
  stateOf(rowId: string): string
  isMatch(rowId: string, colId: string): boolean
  isCurrentMatch(rowId: string, colId: string): boolean
  inRange(rowIndex: number | null, colId: string): boolean
  /** The cell editor component (LongTextEditor): passed in, so this module loads without Vue's compiler. */
  editor: unknown
}

export function buildColumnDefs(src: ColumnSource): ColDef<TaskRow>[] {
  const cols = src.columns
  const firstId = cols[0]?.id
  const stateCol: ColDef<TaskRow> = {
    colId: STATE_COL,
    headerName: src.stateHeader,
    pinned: 'left',
    // The drag grip, the badge and four milestone chips on one line (most schedules have up to
    // four): at 150 px a fourth chip wrapped onto a second line.
    width: 200,
    editable: false,
    sortable: true,
    resizable: true,
    rowDrag: (p) => !src.readOnly() && !!p.data,
    cellRenderer: StateCellRenderer,
    cellClass: 'cell-state',
    valueGetter: (p) => (p.data ? src.stateOf(p.data.id) : ''),
    comparator: (a: string, b: string) => stateRank(a) - stateRank(b),
    getQuickFilterText: (p) => (p.value ? src.stateLabel(p.value) : ''),
    suppressKeyboardEvent: suppressGridKey,
  }
  return [stateCol, ...cols.map((column): ColDef<TaskRow> => ({
    colId: column.id,
    headerName: column.header,
    headerTooltip: column.role ? `${column.header} — ${src.roleLabel(column.role)}` : column.header,
    width: column.width ?? defaultWidth(column),
    pinned: column.role === 'task' && src.pinTask ? 'left' : null,
    editable: (p) => !src.readOnly() && !!p.data,
    sortable: true,
    resizable: true,
    wrapText: true,
    valueGetter: (p) => p.data?.cells[column.id] ?? '',
    cellEditor: src.editor,
    cellEditorPopup: WIDE_ROLES.has(column.role ?? ''),
    cellEditorParams: { big: WIDE_ROLES.has(column.role ?? '') },
    colSpan: (p) => (p.data && p.data.kind !== 'data' && column.id === firstId ? cols.length : 1),
    cellClassRules: {
      'cell-edited': (p) => !!p.data?.edited?.includes(column.id),
      'cell-match': (p) => !!p.data && src.isMatch(p.data.id, column.id),
      'cell-match-current': (p) => !!p.data && src.isCurrentMatch(p.data.id, column.id),
      'cell-range': (p) => src.inRange(p.node.rowIndex, column.id),
    },
    suppressKeyboardEvent: suppressGridKey,
  }))]
}
