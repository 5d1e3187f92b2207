// Merging the copies units send back into the master list, as a plan the clerk reviews: which
// rows match, which cells changed (progress, status — and, marked apart, schedule or task edits
// that move due dates), which rows a unit added, which of its rows it left out, and where two
// copies disagree. Nothing is applied here; mergeCommand turns the accepted part into one edit.
import type { Role } from '../types'
import type { TaskDocument, TaskRow } from '../document'
import type { CellChange, DocCommand } from '../commands'
import { unitColumns, unitsInCell, unitsOfRow } from '../units'
import { comparableText, matchRows, prepareMaster, rowIdColumn, type AmbiguousMatch, type RowMatch, type RowPairs } from './matchRows'

/** One returned file, already read into a document (readWorkbook → toDocument). */
export interface ReturnedCopy {
  /** The file's name, shown to the clerk and read for the unit's name. */
  name: string
  doc: TaskDocument
  /** The unit that sent it, when the clerk said so; else it is read from the name or the rows. */
  unit?: string
  /** The clerk's answers for rows that could be one of several (see matchRows). */
  pairs?: RowPairs
}

export interface MergeOptions {
  /** Only cells of these roles are compared (default: every role the master has but seq). */
  roles?: readonly Role[]
}

/** What kind of cell a change is: progress and status are a unit's report; the rest edit the plan. */
export type ChangeKind = 'progress' | 'status' | 'schedule' | 'deadline' | 'task' | 'other'

export interface MergeChange {
  file: number
  masterRowId: string
  returnedRowId: string
  columnId: string
  role: Role | null
  kind: ChangeKind
  before: string
  after: string
}

export interface AddedRow {
  file: number
  returnedRowId: string
  /** The master row it came after in the returned copy (null: before every matched row). */
  afterMasterRowId: string | null
  /** Its cells by master column id. */
  cells: Record<string, string>
}

export interface MissingRow { file: number; masterRowId: string }

/** Two files changing the same master cell to different texts. */
export interface MergeConflict { masterRowId: string; columnId: string; before: string; options: { file: number; after: string }[] }

export interface MergeFileSummary {
  name: string
  unit: string | null
  matched: number
  changed: number
  added: number
  missing: number
  ambiguous: AmbiguousMatch[]
  /** The row id column survived the unit's editing (every match was certain). */
  byId: boolean
}

export interface MergePlan {
  files: MergeFileSummary[]
  matches: (RowMatch & { file: number })[]
  changes: MergeChange[]
  added: AddedRow[]
  missing: MissingRow[]
  conflicts: MergeConflict[]
  /** Units with tasks in the master and no returned copy: the 催报 list. */
  notReported: string[]
  /** Per lead unit: its tasks, whether a copy spoke for it, and its tasks no copy brought new progress for. */
  units: UnitReport[]
}

export interface UnitReport { unit: string; rows: number; reported: boolean; withoutNewProgress: number }

const KIND_OF: Partial<Record<Role, ChangeKind>> = { progress: 'progress', status: 'status', schedule: 'schedule', deadline: 'deadline', task: 'task' }

/** Cell text as compared: line endings, trailing blanks and surrounding space are layout. */
export function comparableCell(text: string): string {
  return text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/[ \t\u3000]+$/g, '')).join('\n').trim()
}

/**
 * Master column → returned column: a column under the same header (when only one has it) is
 * the same column, whatever role each side gave it — the clerk may have corrected the master's;
 * the rest by role (the n-th column of a role to the n-th, so 牵头单位 and 配合单位 stay apart,
 * and a renamed 工作进展 still finds 进展情况). The row id column is no content.
 */
export function mapColumns(master: TaskDocument, returned: TaskDocument): Map<string, string> {
  const map = new Map<string, string>()
  const used = new Set<string>()
  const idColumn = rowIdColumn(returned)
  if (idColumn) used.add(idColumn.id)
  const headerCounts = (doc: TaskDocument) => {
    const counts = new Map<string, number>()
    for (const c of doc.columns) { const h = comparableText(c.header); if (h) counts.set(h, (counts.get(h) ?? 0) + 1) }
    return counts
  }
  const mine = headerCounts(master)
  const theirs = headerCounts(returned)
  for (const column of master.columns) {
    const header = comparableText(column.header)
    if (!header || mine.get(header) !== 1 || theirs.get(header) !== 1) continue
    const other = returned.columns.find((c) => !used.has(c.id) && comparableText(c.header) === header)
    if (other) { map.set(column.id, other.id); used.add(other.id) }
  }
  const byRole = (doc: TaskDocument, role: Role) => doc.columns.filter((c) => c.role === role)
  for (const column of master.columns) {
    if (!column.role || map.has(column.id)) continue
    const other = byRole(returned, column.role).find((c) => !used.has(c.id))
    if (other) { map.set(column.id, other.id); used.add(other.id) }
  }
  return map
}

/** The unit a copy speaks for: the clerk's word, a master unit named in the file name, or its rows' lead unit. */
function unitOf(copy: ReturnedCopy, masterUnits: readonly string[]): string | null {
  if (copy.unit) return copy.unit
  const name = comparableText(copy.name)
  const named = [...masterUnits].sort((a, b) => b.length - a.length).find((u) => name.includes(comparableText(u)))
  if (named) return named
  const counts = new Map<string, number>()
  const cols = unitColumns(copy.doc)
  for (const row of copy.doc.rows) {
    if (row.kind !== 'data') continue
    for (const { unit } of unitsOfRow(row, cols, 'lead')) counts.set(unit, (counts.get(unit) ?? 0) + 1)
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0]
  return best && best[1] * 2 > copy.doc.rows.filter((r) => r.kind === 'data').length ? best[0] : null
}

/** The units of the master, lead and supporting, in order of first appearance. */
export function masterUnits(master: TaskDocument): string[] {
  const cols = unitColumns(master)
  const seen = new Set<string>()
  for (const row of master.rows) if (row.kind === 'data') for (const { unit } of unitsOfRow(row, cols, 'all')) seen.add(unit)
  return [...seen]
}

/** Plans the merge of returned copies into the master. Pure: the master is not changed. */
export function planMerge(master: TaskDocument, returned: ReturnedCopy | TaskDocument | readonly (ReturnedCopy | TaskDocument)[], options: MergeOptions = {}): MergePlan {
  const copies = (Array.isArray(returned) ? returned : [returned]).map((c): ReturnedCopy => ('doc' in c ? c : { name: c.name, doc: c }))
  const units = masterUnits(master)
  const cols = unitColumns(master)
  const roles = options.roles ? new Set(options.roles) : null
  const masterById = new Map(master.rows.map((r) => [r.id, r]))
  const plan: MergePlan = { files: [], matches: [], changes: [], added: [], missing: [], conflicts: [], notReported: [], units: [] }
  const reported = new Set<string>()
  const prepared = prepareMaster(master)

  copies.forEach((copy, file) => {
    const { matches, ambiguous, unmatched } = matchRows(master, copy.doc, copy.pairs, prepared)
    const columns = mapColumns(master, copy.doc)
    const returnedById = new Map(copy.doc.rows.map((r) => [r.id, r]))
    const unit = unitOf(copy, units)
    if (unit) reported.add(unit)
    let changed = 0
    for (const m of matches) {
      plan.matches.push({ ...m, file })
      const mine = masterById.get(m.masterRowId)!
      const theirs = returnedById.get(m.returnedRowId)!
      let rowChanged = false
      for (const column of master.columns) {
        const from = columns.get(column.id)
        if (!from || column.role === 'seq' || (roles && (!column.role || !roles.has(column.role)))) continue
        const before = mine.cells[column.id] ?? ''
        const after = theirs.cells[from] ?? ''
        // Width, script and punctuation forms are how a unit typed it, not what it reported.
        if (comparableCell(before) === comparableCell(after) || comparableText(before) === comparableText(after)) continue
        // A unit that clears a cell it was not asked to fill is not reporting: only progress and status may be emptied.
        if (!comparableCell(after) && column.role !== 'progress' && column.role !== 'status') continue
        plan.changes.push({ file, masterRowId: mine.id, returnedRowId: theirs.id, columnId: column.id, role: column.role, kind: (column.role && KIND_OF[column.role]) ?? 'other', before, after })
        rowChanged = true
      }
      if (rowChanged) changed++
    }
    // Rows the unit added: new work, placed after the matched row they followed in its copy.
    const matchedMaster = new Map(matches.map((m) => [m.returnedRowId, m.masterRowId]))
    const ambiguousIds = new Set(ambiguous.map((a) => a.returnedRowId))
    const unmatchedIds = new Set(unmatched)
    let after: string | null = null
    let added = 0
    const firstAdded = plan.added.length
    for (const row of copy.doc.rows) {
      if (matchedMaster.has(row.id)) {
        after = matchedMaster.get(row.id)!
        // Rows the unit put above its first matched row go just above that row, in its section.
        if (added > 0) for (const a of plan.added.slice(firstAdded)) if (a.afterMasterRowId === null) a.afterMasterRowId = rowBefore(master, after)
        continue
      }
      if (row.kind !== 'data' || ambiguousIds.has(row.id) || !unmatchedIds.has(row.id)) continue
      if (!copy.doc.columns.some((c) => c.role !== 'seq' && (row.cells[c.id] ?? '').trim() && c.role !== null)) continue
      const cells: Record<string, string> = {}
      for (const column of master.columns) {
        const from = columns.get(column.id)
        if (from) cells[column.id] = row.cells[from] ?? ''
      }
      // New work the unit wrote without naming itself is its own.
      const lead = cols.lead[0]
      if (unit && lead && !(cells[lead.id] ?? '').trim()) cells[lead.id] = unit
      plan.added.push({ file, returnedRowId: row.id, afterMasterRowId: after, cells })
      added++
    }
    // The unit's own rows it did not send back (only when the copy says whose it is).
    let missing = 0
    if (unit) {
      const matchedRows = new Set(matches.map((m) => m.masterRowId))
      for (const row of master.rows) {
        if (row.kind !== 'data' || matchedRows.has(row.id)) continue
        if (unitsOfRow(row, cols, 'all').some((u) => u.unit === unit)) { plan.missing.push({ file, masterRowId: row.id }); missing++ }
      }
    }
    plan.files.push({ name: copy.name, unit, matched: matches.length, changed, added, missing, ambiguous, byId: matches.length > 0 && matches.every((m) => m.by === 'id') })
  })

  // Two copies writing the same cell differently: the clerk chooses.
  const byCell = new Map<string, MergeChange[]>()
  for (const c of plan.changes) {
    const key = `${c.masterRowId}\u0000${c.columnId}`
    byCell.set(key, [...(byCell.get(key) ?? []), c])
  }
  for (const list of byCell.values()) {
    const distinct = new Set(list.map((c) => comparableCell(c.after)))
    if (distinct.size > 1) {
      plan.conflicts.push({ masterRowId: list[0]!.masterRowId, columnId: list[0]!.columnId, before: list[0]!.before, options: list.map((c) => ({ file: c.file, after: c.after })) })
    }
  }
  plan.notReported = units.filter((u) => !reported.has(u) && isLeadSomewhere(master, u, cols))
  plan.units = reportByUnit(master, plan.changes, reported)
  return plan
}

/** The master row just above `rowId` (null when it is the first: the row then goes at the end). */
function rowBefore(master: TaskDocument, rowId: string): string | null {
  const at = master.rows.findIndex((r) => r.id === rowId)
  return at > 0 ? master.rows[at - 1]!.id : null
}

/**
 * Each lead unit's tasks, whether a copy spoke for it, and how many of its tasks none of `changes`
 * brings new progress (or status) for: the plan's changes, or after a merge the accepted ones.
 */
export function reportByUnit(master: TaskDocument, changes: readonly MergeChange[], reported: ReadonlySet<string>): UnitReport[] {
  const cols = unitColumns(master)
  const fresh = new Set(changes.filter((c) => (c.kind === 'progress' || c.kind === 'status') && comparableCell(c.after)).map((c) => c.masterRowId))
  const byUnit = new Map<string, UnitReport>()
  for (const row of master.rows) {
    if (row.kind !== 'data') continue
    for (const { unit } of unitsOfRow(row, cols, 'lead')) {
      const report = byUnit.get(unit) ?? { unit, rows: 0, reported: reported.has(unit), withoutNewProgress: 0 }
      report.rows++
      if (!fresh.has(row.id)) report.withoutNewProgress++
      byUnit.set(unit, report)
    }
  }
  return [...byUnit.values()]
}

function isLeadSomewhere(master: TaskDocument, unit: string, cols: ReturnType<typeof unitColumns>): boolean {
  return master.rows.some((r) => r.kind === 'data' && cols.lead.some((c) => unitsInCell(r.cells[c.id] ?? '').includes(unit)))
}

/** The clerk's choices: which changes and added rows go in (conflicts resolved by the choice). */
export interface MergeSelection { changes: readonly MergeChange[]; added: readonly AddedRow[] }

/**
 * One edit that applies the accepted part of a plan: cell changes, then added rows after the
 * row they followed in the unit's copy (or at the end). One undo step undoes the whole merge.
 */
export function mergeCommand(master: TaskDocument, selection: MergeSelection, newRowId: () => string): DocCommand {
  const cells: CellChange[] = []
  const seen = new Set<string>()
  for (const c of selection.changes) {
    const key = `${c.masterRowId}\u0000${c.columnId}`
    if (seen.has(key)) continue
    seen.add(key)
    cells.push({ rowId: c.masterRowId, colId: c.columnId, value: c.after })
  }
  const commands: DocCommand[] = cells.length ? [{ kind: 'setCells', cells }] : []
  // Added rows, last first so each index is still right when it is used.
  const inserts = selection.added.map((a) => {
    const at = a.afterMasterRowId ? master.rows.findIndex((r) => r.id === a.afterMasterRowId) + 1 : master.rows.length
    const row: TaskRow = { id: newRowId(), kind: 'data', cells: { ...a.cells }, edited: Object.keys(a.cells) }
    return { at: at > 0 ? at : master.rows.length, row }
  }).sort((a, b) => b.at - a.at)
  for (const { at, row } of inserts) commands.push({ kind: 'insertRows', index: at, rows: [row] })
  return { kind: 'group', commands, label: { zh: '合并回收的表格', en: 'Merge returned copies' } }
}

