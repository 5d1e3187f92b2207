// Which rows the filters let through: the state, 责任单位 and picked-rows filters (the grid's
// external filter) and the quick filter, read the way AG Grid reads it. Pure: the grid filters with
// these, and a store derives the same rows (an export of the filtered rows) without asking the grid.
import type { TaskColumn, TaskRow } from '../core'

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

/** The quick filter's words as AG Grid splits them (upper case, at each plain space); null for none. */
export function quickFilterParts(text: string): string[] | null {
  return text ? text.toUpperCase().split(' ') : null
}

/**
 * AG Grid's quick filter on one row: every word is in the text of some column on screen (the
 * state column's is its label). `stateLabel`: the label of the row's state, '' for none.
 */
export function passesQuickFilter(row: TaskRow, parts: readonly string[], columns: readonly TaskColumn[], stateLabel: string): boolean {
  const texts = [stateLabel.toUpperCase()]
  for (const c of columns) if (!c.hidden) texts.push((row.cells[c.id] ?? '').toUpperCase())
  return parts.every((part) => texts.some((t) => t !== '' && t.includes(part)))
}
