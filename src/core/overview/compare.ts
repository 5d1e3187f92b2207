// What changed since an earlier version: newly done, newly overdue, still overdue. A named
// version of the same draft keeps its row ids; another draft (last quarter's import) is matched
// task by task. Also the rows' tasks as one line, to list them.
import type { DocumentAssessment } from '../assessDocument'
import type { TaskDocument } from '../document'
import { taskTextOf } from '../merge/matchRows'
import { foldText } from '../text'

export interface VersionComparison { newlyDone: string[]; newlyOverdue: string[]; stillOverdue: string[] }

/**
 * `match` gives each row of now its row in the earlier version (see matchEarlierRows); without
 * it rows match by id. A task new since then is compared with nothing: overdue now is newly overdue.
 */
export function compareVersions(earlier: Pick<DocumentAssessment, 'byRow'>, now: Pick<DocumentAssessment, 'byRow'>, match?: ReadonlyMap<string, string>): VersionComparison {
  const out: VersionComparison = { newlyDone: [], newlyOverdue: [], stillOverdue: [] }
  for (const [rowId, task] of now.byRow) {
    const earlierId = match ? match.get(rowId) : rowId
    const before = earlierId === undefined ? undefined : earlier.byRow.get(earlierId)?.state
    if (task.state === 'done' && before !== undefined && before !== 'done') out.newlyDone.push(rowId)
    if (task.state === 'overdue') (before === 'overdue' ? out.stillOverdue : out.newlyOverdue).push(rowId)
  }
  return out
}

function taskKey(doc: Pick<TaskDocument, 'columns'>, row: TaskDocument['rows'][number]): string {
  return foldText(taskTextOf(doc, row).split('\n').find((l) => l.trim()) ?? '')
}

/**
 * Each data row of `now` and its row in `earlier`: the same id, else the same task text (width,
 * script and punctuation aside), each earlier row used once; rows with no match are left out.
 */
export function matchEarlierRows(earlier: Pick<TaskDocument, 'columns' | 'rows'>, now: Pick<TaskDocument, 'columns' | 'rows'>): Map<string, string> {
  const ids = new Set<string>()
  const byText = new Map<string, string[]>()
  for (const row of earlier.rows) {
    if (row.kind !== 'data') continue
    ids.add(row.id)
    const key = taskKey(earlier, row)
    if (key) byText.set(key, [...(byText.get(key) ?? []), row.id])
  }
  const out = new Map<string, string>()
  const used = new Set<string>()
  for (const row of now.rows) if (row.kind === 'data' && ids.has(row.id)) { out.set(row.id, row.id); used.add(row.id) }
  for (const row of now.rows) {
    if (row.kind !== 'data' || out.has(row.id)) continue
    const id = byText.get(taskKey(now, row))?.find((x) => !used.has(x))
    if (id) { out.set(row.id, id); used.add(id) }
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
