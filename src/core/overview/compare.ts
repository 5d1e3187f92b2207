// What changed since an earlier version (a named snapshot of the same draft): newly done, newly
// overdue, still overdue, rows matched by id; and the rows' tasks as one line, to list them.
import type { DocumentAssessment } from '../assessDocument'
import type { TaskDocument } from '../document'
import { taskTextOf } from '../merge/matchRows'

export interface VersionComparison { newlyDone: string[]; newlyOverdue: string[]; stillOverdue: string[] }

export function compareVersions(earlier: DocumentAssessment, now: DocumentAssessment): VersionComparison {
  const out: VersionComparison = { newlyDone: [], newlyOverdue: [], stillOverdue: [] }
  for (const [rowId, task] of now.byRow) {
    const before = earlier.byRow.get(rowId)?.state
    if (task.state === 'done' && before !== undefined && before !== 'done') out.newlyDone.push(rowId)
    if (task.state === 'overdue') (before === 'overdue' ? out.stillOverdue : out.newlyOverdue).push(rowId)
  }
  return out
}

/** Each row's task as one line (its task text's first line), for lists that name rows by id. */
export function taskLabels(doc: TaskDocument, rowIds: Iterable<string>): Map<string, string> {
  const wanted = new Set(rowIds)
  const out = new Map<string, string>()
  for (const row of doc.rows) if (wanted.has(row.id)) out.set(row.id, taskTextOf(doc, row).split('\n').find((l) => l.trim())?.trim() || row.id)
  return out
}
