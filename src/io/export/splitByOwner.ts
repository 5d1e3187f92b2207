// Grouping a document's tasks by 责任单位, so each unit gets a file or sheet of its own tasks.
import type { TaskColumn, TaskDocument, TaskRow } from '../../core'

export interface OwnerGroup {
  /** The unit as written (whitespace collapsed), or the label for tasks naming none. */
  owner: string
  keep: (row: TaskRow) => boolean
}

/** The column that names the responsible unit: the first visible `owner` column (a second one is 配合单位). */
export function ownerColumn(doc: Pick<TaskDocument, 'columns'>): TaskColumn | null {
  return doc.columns.find((c) => c.role === 'owner' && !c.hidden) ?? doc.columns.find((c) => c.role === 'owner') ?? null
}

/** `组织部\n(人才办)` and `组织部 (人才办)` are the same unit: line breaks and spaces are layout. */
function ownerKey(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * One group per distinct owner cell value, in order of first appearance. A cell naming
 * several units (`发改局、经信局`) is its own group: splitting it would guess at how the
 * office divides joint work, and it is the clerk's wording the units receive.
 */
export function groupByOwner(
  doc: Pick<TaskDocument, 'columns' | 'rows'>, column: TaskColumn, pass: (row: TaskRow) => boolean,
  unassigned: string,
): OwnerGroup[] {
  const owners: string[] = []
  const seen = new Set<string>()
  const keyOf = (row: TaskRow): string => ownerKey(row.cells[column.id] ?? '') || unassigned
  for (const row of doc.rows) {
    if (row.kind !== 'data' || !pass(row)) continue
    const key = keyOf(row)
    if (!seen.has(key)) { seen.add(key); owners.push(key) }
  }
  return owners.map((owner) => ({ owner, keep: (row) => pass(row) && keyOf(row) === owner }))
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
