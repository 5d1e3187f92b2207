// Grouping a document's tasks by 责任单位, so each unit gets a file or sheet of its own tasks.
import { unitColumns, unitsOfRow, type TaskDocument, type TaskRow, type UnitScope } from '../../core'

export interface OwnerGroup {
  /** The unit as written (whitespace collapsed), or the label for tasks naming none. */
  owner: string
  keep: (row: TaskRow) => boolean
}

/** Whether the list names any responsible unit column at all (the split needs one). */
export function hasOwnerColumn(doc: Pick<TaskDocument, 'columns'>): boolean {
  return doc.columns.some((c) => c.role === 'owner')
}

/**
 * One group per unit, in order of first appearance. A row goes to each of its units: a joint
 * task (`发改局、经信局`) reaches both, and with `scope: 'all'` so do the units named only as
 * 配合单位, who report on it too. Rows naming no unit form the `unassigned` group.
 */
export function groupByOwner(
  doc: Pick<TaskDocument, 'columns' | 'rows'>, pass: (row: TaskRow) => boolean, unassigned: string, scope: UnitScope = 'lead',
): OwnerGroup[] {
  const columns = unitColumns(doc)
  const members = new Map<string, Set<TaskRow>>()
  for (const row of doc.rows) {
    if (row.kind !== 'data' || !pass(row)) continue
    const units = unitsOfRow(row, columns, scope)
    for (const unit of units.length ? units.map((u) => u.unit) : [unassigned]) {
      let rows = members.get(unit)
      if (!rows) members.set(unit, (rows = new Set()))
      rows.add(row)
    }
  }
  return [...members].map(([owner, rows]) => ({ owner, keep: (row) => rows.has(row) }))
}

/** Excel sheet names: at most 31 characters, none of `[]:*?/\`, unique (case-insensitive). */
export function uniqueSheetNames(names: string[]): string[] {
  const used = new Set<string>()
  return names.map((name) => {
    const base = (name.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim() || 'Sheet').replace(/^'+|'+$/g, '').slice(0, 31) || 'Sheet'
    let candidate = base
    for (let n = 2; used.has(candidate.toLowerCase()); n++) {
      const suffix = `(${n})`
      candidate = base.slice(0, 31 - suffix.length) + suffix
    }
    used.add(candidate.toLowerCase())
    return candidate
  })
}
