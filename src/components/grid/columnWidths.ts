// Column widths: each role's own width, and how a wide screen's free width is shared out.
import type { TaskColumn } from '../../core'

/** Roles whose cells hold long text: wide columns, edited in a large editor. */
export const WIDE_ROLES: ReadonlySet<string> = new Set(['task', 'schedule', 'progress', 'note'])
/** Columns that take the width a wide screen leaves free: the long texts, so rows get shorter. */
export const GROW_ROLES: ReadonlySet<string> = new Set(['task', 'progress'])

export function defaultWidth(column: Pick<TaskColumn, 'role'>): number {
  if (column.role === 'seq') return 64
  if (column.role === 'status' || column.role === 'lead' || column.role === 'deadline') return 120
  if (column.role === 'owner') return 150
  return WIDE_ROLES.has(column.role ?? '') ? 320 : 160
}

/** A column's own width: the one the clerk set, else its role's. */
export const ownWidth = (column: Pick<TaskColumn, 'role' | 'width'>): number => column.width ?? defaultWidth(column)

/**
 * The widths of the growing columns so that all columns fill `available` pixels: each gets its
 * own width plus an equal share of what is free (nothing when the columns already overflow).
 * `otherWidth`: the width of every other displayed column together.
 */
export function sharedWidths(growing: readonly Pick<TaskColumn, 'id' | 'role' | 'width'>[], otherWidth: number, available: number): { key: string; newWidth: number }[] {
  if (growing.length === 0) return []
  const own = growing.reduce((sum, c) => sum + ownWidth(c), 0)
  const share = Math.floor(Math.max(0, available - otherWidth - own) / growing.length)
  return growing.map((c) => ({ key: c.id, newWidth: ownWidth(c) + share }))
}

/** The part of AG Grid's API that sharing out the free width reads and sets. */
export interface WidthGrid {
  isDestroyed(): boolean
  getAllDisplayedColumns(): { getColId(): string; getActualWidth(): number }[]
  setColumnWidths(widths: { key: string; newWidth: number }[], finished?: boolean, source?: 'api'): void
}

/**
 * On a wide screen the columns' own widths leave part of the grid empty: the task and progress
 * columns (GROW_ROLES, not pinned) share that free width, a view width never stored in the
 * document, and come back to their own widths when the grid narrows. `available`: the width of
 * the grid's scrolling (not pinned) part; `pinned`: the ids of the pinned columns, which it does
 * not hold. Returns whether any width changed (the grid then fires columnResized, and the row
 * heights follow).
 */
export function fillFreeWidth(grid: WidthGrid, columns: readonly Pick<TaskColumn, 'id' | 'role' | 'width'>[], available: number, pinned: ReadonlySet<string> = new Set()): boolean {
  if (grid.isDestroyed() || available <= 0) return false
  const shown = new Map(grid.getAllDisplayedColumns().filter((c) => !pinned.has(c.getColId())).map((c) => [c.getColId(), c.getActualWidth()]))
  const growing = columns.filter((c) => GROW_ROLES.has(c.role ?? '') && shown.has(c.id))
  if (growing.length === 0) return false
  const growIds = new Set(growing.map((c) => c.id))
  let other = 0
  for (const [id, width] of shown) if (!growIds.has(id)) other += width
  const next = sharedWidths(growing, other, available)
  if (next.every((w) => shown.get(w.key) === w.newWidth)) return false
  grid.setColumnWidths(next, true, 'api')
  return true
}
