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
