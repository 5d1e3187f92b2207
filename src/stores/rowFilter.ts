// The grid's own filters (state, 责任单位, a set of rows from the overview): which rows pass. The quick filter is AG Grid's.
import type { TaskRow } from '../../core'

export interface RowFilters {
  state: string | null
  owner: string | null
  rowIds: ReadonlySet<string> | null
}

export const anyRowFilter = (f: RowFilters): boolean => f.state !== null || f.owner !== null || f.rowIds !== null

/**
 * Whether `row` passes. A section or footer row shows only while no filter is on: among filtered
 * tasks it would head rows that are not its own.
 */
export function passesRowFilters(row: TaskRow | undefined, f: RowFilters, stateOf: (rowId: string) => string | undefined, ownersOf: (row: TaskRow) => readonly string[]): boolean {
  if (!row) return false
  if (row.kind !== 'data') return !anyRowFilter(f)
  if (f.rowIds !== null && !f.rowIds.has(row.id)) return false
  if (f.state !== null && stateOf(row.id) !== f.state) return false
  if (f.owner !== null && !ownersOf(row).includes(f.owner)) return false
  return true
}
