// Edit commands over a TaskDocument: each one applied immutably returns the command that undoes it.
import {
  newId, taskFieldsOf, type DocumentHeader, type DocumentSettings, type HeaderMerge, type TaskColumn,
  type TaskDocument, type TaskRow,
} from './document'
import { remapOverrides } from './overrides'
import type { Role } from './types'

/** One cell to write. */
export interface CellChange { rowId: string; colId: string; value: string }

/** A UI label in both languages: the core never knows which one the clerk reads. */
export interface Label { zh: string; en: string }

/**
 * Every edit the grid can ask for, as plain data (serialisable, so a history can be kept or logged).
 * Ids a command creates (new rows, new columns) may be left out; applyCommand fills them in and
 * returns the command as applied, so a redo recreates the very same ids.
 */
export type DocCommand =
  | { kind: 'setCells'; cells: CellChange[] }
  /** setCells built by find/replace: the same effect, its own undo label. */
  | { kind: 'replaceAll'; cells: CellChange[] }
  | { kind: 'insertRows'; index: number; rows: TaskRow[] }
  | { kind: 'deleteRows'; rowIds: string[] }
  /** The moved rows keep their document order and land at `toIndex` of the rows that remain. */
  | { kind: 'moveRows'; rowIds: string[]; toIndex: number }
  /** Sets the whole row order (a sort, or the undo of a move); ids left out keep their order at the end. */
  | { kind: 'reorderRows'; order: string[] }
  /** Each copy lands right after its original. */
  | { kind: 'duplicateRows'; rowIds: string[]; newIds?: string[] }
  | { kind: 'addSectionRow'; index: number; label: string; id?: string }
  /** Replaces whole rows by id: the exact undo of any change inside rows. */
  | { kind: 'putRows'; rows: TaskRow[] }
  | { kind: 'setColumnRole'; colId: string; role: Role | null }
  /** `headerBlock`, when given, replaces the header block as a whole (undo restores it exactly). */
  | { kind: 'addColumn'; index: number; column: NewColumn; headerBlock?: DocumentHeader }
  | { kind: 'removeColumn'; colId: string; headerBlock?: DocumentHeader }
  | { kind: 'renameHeader'; colId: string; header: string; headerBlock?: DocumentHeader }
  | { kind: 'setColumnWidth'; colId: string; width: number | null }
  | { kind: 'setColumnHidden'; colId: string; hidden: boolean }
  /** A clerk's override of rule 5 for one milestone; `done: null` clears it. */
  | { kind: 'setOverride'; rowId: string; index: number; done: boolean | null }
  | { kind: 'setSettings'; settings: Partial<DocumentSettings> }
  /** The table's title (the export's merged first row, and where the document's year is read). */
  | { kind: 'setTitle'; title: string | null }
  /** Numbers the data rows 1..n in the first seq column; sections and footers are skipped, never restart. */
  | { kind: 'renumberSeq' }
  /** Several commands as one undo step (a paste that adds rows and fills them). */
  | { kind: 'group'; commands: DocCommand[]; label?: Label }

export type NewColumn = Omit<TaskColumn, 'id'> & { id?: string }

export type CommandKind = DocCommand['kind']

/** What a command touched, so storage writes exactly that and the grid refreshes only that. */
export interface Changed {
  /** Ids of rows created or changed: write these rows. */
  rows: string[]
  /** Ids of rows gone: delete these rows. */
  removedRows: string[]
  /** Columns, header, settings or the row order changed: write the document record. */
  meta: boolean
}

export interface ApplyResult {
  doc: TaskDocument
  /** Applying it to `doc` gives back the document before, deep-equal. */
  inverse: DocCommand
  changed: Changed
  /** The command as applied, with created ids filled in: redo applies this one. */
  command: DocCommand
}

/**
 * Width and visibility are the clerk's view of the list, not its content: they are applied and
 * saved, but History does not record them, so an undo walks back the last edit of the report
 * rather than a stray column drag (AG Grid also emits resizes for auto-size, which no clerk meant).
 */
export function isViewCommand(cmd: DocCommand): boolean {
  return cmd.kind === 'setColumnWidth' || cmd.kind === 'setColumnHidden'
}

const LABELS: Record<CommandKind, Label> = {
  setCells: { zh: '编辑单元格', en: 'Edit cell' },
  replaceAll: { zh: '全部替换', en: 'Replace all' },
  insertRows: { zh: '插入行', en: 'Insert rows' },
  deleteRows: { zh: '删除行', en: 'Delete rows' },
  moveRows: { zh: '移动行', en: 'Move rows' },
  reorderRows: { zh: '调整行顺序', en: 'Reorder rows' },
  duplicateRows: { zh: '复制行', en: 'Duplicate rows' },
  addSectionRow: { zh: '添加分组行', en: 'Add section row' },
  putRows: { zh: '恢复行', en: 'Restore rows' },
  setColumnRole: { zh: '设置列类型', en: 'Set column role' },
  addColumn: { zh: '添加列', en: 'Add column' },
  removeColumn: { zh: '删除列', en: 'Remove column' },
  renameHeader: { zh: '重命名列', en: 'Rename column' },
  setColumnWidth: { zh: '调整列宽', en: 'Resize column' },
  setColumnHidden: { zh: '隐藏/显示列', en: 'Hide or show column' },
  setOverride: { zh: '标记完成情况', en: 'Mark milestone' },
  setSettings: { zh: '修改设置', en: 'Change settings' },
  setTitle: { zh: '修改标题', en: 'Edit title' },
  renumberSeq: { zh: '重排序号', en: 'Renumber' },
  group: { zh: '多项编辑', en: 'Several edits' },
}

/** The undo/redo menu's words for a command. */
export function commandLabel(cmd: DocCommand): Label {
  if (cmd.kind === 'group') return cmd.label ?? (cmd.commands.length === 1 && cmd.commands[0] ? commandLabel(cmd.commands[0]) : LABELS.group)
  return LABELS[cmd.kind]
}

export function emptyChanged(): Changed {
  return { rows: [], removedRows: [], meta: false }
}

export function isEmptyChanged(c: Changed): boolean {
  return !c.meta && c.rows.length === 0 && c.removedRows.length === 0
}

/** `b` happened after `a`: a row written then removed is only removed, and the reverse. */
export function mergeChanged(a: Changed, b: Changed): Changed {
  const rows = new Set(a.rows)
  const removed = new Set(a.removedRows)
  for (const id of b.removedRows) { rows.delete(id); removed.add(id) }
  for (const id of b.rows) { removed.delete(id); rows.add(id) }
  return { rows: [...rows], removedRows: [...removed], meta: a.meta || b.meta }
}

const NO_OP: DocCommand = { kind: 'group', commands: [] }

function unchanged(doc: TaskDocument, cmd: DocCommand): ApplyResult {
  return { doc, inverse: NO_OP, changed: emptyChanged(), command: cmd }
}

/** Applies one command. Never mutates `doc`; rows it does not touch keep their identity. */
export function applyCommand(doc: TaskDocument, cmd: DocCommand): ApplyResult {
  switch (cmd.kind) {
    case 'setCells':
    case 'replaceAll': return applySetCells(doc, cmd)
    case 'putRows': return applyPutRows(doc, cmd)
    case 'insertRows': return applyInsertRows(doc, cmd)
    case 'deleteRows': return applyDeleteRows(doc, cmd)
    case 'moveRows': return applyMoveRows(doc, cmd)
    case 'reorderRows': return applyReorderRows(doc, cmd)
    case 'duplicateRows': return applyDuplicateRows(doc, cmd)
    case 'addSectionRow': return applyAddSectionRow(doc, cmd)
    case 'setColumnRole': return applyColumnPatch(doc, cmd, cmd.colId, { role: cmd.role })
    case 'setColumnWidth': return applyColumnPatch(doc, cmd, cmd.colId, { width: cmd.width ?? undefined })
    case 'setColumnHidden': return applyColumnPatch(doc, cmd, cmd.colId, { hidden: cmd.hidden || undefined })
    case 'addColumn': return applyAddColumn(doc, cmd)
    case 'removeColumn': return applyRemoveColumn(doc, cmd)
    case 'renameHeader': return applyRenameHeader(doc, cmd)
    case 'setOverride': return applySetOverride(doc, cmd)
    case 'setSettings': return applySetSettings(doc, cmd)
    case 'setTitle': return applySetTitle(doc, cmd)
    case 'renumberSeq': return applyRenumberSeq(doc, cmd)
    case 'group': return applyGroup(doc, cmd)
  }
}

function applyGroup(doc: TaskDocument, cmd: Extract<DocCommand, { kind: 'group' }>): ApplyResult {
  let current = doc
  let changed = emptyChanged()
  const inverses: DocCommand[] = []
  const applied: DocCommand[] = []
  for (const part of cmd.commands) {
    const r = applyCommand(current, part)
    current = r.doc
    changed = mergeChanged(changed, r.changed)
    inverses.unshift(r.inverse)
    applied.push(r.command)
  }
  const label = cmd.label ? { label: cmd.label } : {}
  return { doc: current, inverse: { kind: 'group', commands: inverses, ...label }, changed, command: { kind: 'group', commands: applied, ...label } }
}

/** Rows replaced by id; the inverse puts the old row objects back, so undo restores identity too. */
/**
 * Where the wanted rows are: one pass that stops once all are found, and allocates nothing per row.
 * A cell edit in a 100k-row list runs this on every keystroke, so no id → row map of the whole list.
 */
function indexRows(doc: TaskDocument, ids: ReadonlySet<string>): Map<string, number> {
  const at = new Map<string, number>()
  const rows = doc.rows
  for (let i = 0; i < rows.length && at.size < ids.size; i++) {
    const id = rows[i]!.id
    if (ids.has(id) && !at.has(id)) at.set(id, i)
  }
  return at
}

function replaceRows(doc: TaskDocument, cmd: DocCommand, replacements: Map<string, TaskRow>, at?: Map<string, number>): ApplyResult {
  if (replacements.size === 0) return unchanged(doc, cmd)
  const where = at ?? indexRows(doc, new Set(replacements.keys()))
  const indexes = [...replacements.keys()].map((id) => where.get(id)).filter((i): i is number => i !== undefined).sort((a, b) => a - b)
  if (indexes.length === 0) return unchanged(doc, cmd)
  const rows = doc.rows.slice()
  const old: TaskRow[] = []
  for (const i of indexes) {
    old.push(rows[i]!)
    rows[i] = replacements.get(rows[i]!.id)!
  }
  return {
    doc: { ...doc, rows },
    inverse: { kind: 'putRows', rows: old },
    changed: { rows: old.map((r) => r.id), removedRows: [], meta: false },
    command: cmd,
  }
}

function applyPutRows(doc: TaskDocument, cmd: Extract<DocCommand, { kind: 'putRows' }>): ApplyResult {
  const at = indexRows(doc, new Set(cmd.rows.map((r) => r.id)))
  return replaceRows(doc, cmd, new Map(cmd.rows.filter((r) => at.has(r.id)).map((r) => [r.id, r])), at)
}

function applySetCells(doc: TaskDocument, cmd: Extract<DocCommand, { kind: 'setCells' | 'replaceAll' }>): ApplyResult {
  const columnIds = new Set(doc.columns.map((c) => c.id))
  const at = indexRows(doc, new Set(cmd.cells.map((c) => c.rowId)))
  const next = new Map<string, TaskRow>()
  for (const { rowId, colId, value } of cmd.cells) {
    const index = at.get(rowId)
    const row = next.get(rowId) ?? (index === undefined ? undefined : doc.rows[index])
    // A column the document no longer has would only leave an orphan cell behind.
    if (!row || !columnIds.has(colId)) continue
    const current = row.cells[colId]
    // An absent cell already reads as empty: writing '' there is no edit.
    if (current === value || (current === undefined && value === '')) continue
    const edited = row.edited?.includes(colId) ? row.edited : [...(row.edited ?? []), colId]
    next.set(rowId, { ...row, cells: { ...row.cells, [colId]: value }, edited })
  }
  // Hand marks are stored by milestone number: a schedule edit that renumbers moves them along.
  const dating = new Set(doc.columns.filter((c) => c.role === 'schedule' || c.role === 'deadline').map((c) => c.id))
  if (dating.size > 0 && cmd.cells.some((c) => dating.has(c.colId))) {
    for (const [rowId, row] of next) {
      if (!row.overrides) continue
      const before = doc.rows[at.get(rowId)!]!
      const overrides = remapOverrides(row.overrides, taskFieldsOf(doc.columns, before), taskFieldsOf(doc.columns, row))
      if (overrides === row.overrides) continue
      const moved: TaskRow = { ...row, overrides }
      if (Object.keys(overrides).length === 0) delete moved.overrides
      next.set(rowId, moved)
    }
  }
  return replaceRows(doc, cmd, next, at)
}

function applySetOverride(doc: TaskDocument, cmd: Extract<DocCommand, { kind: 'setOverride' }>): ApplyResult {
  const row = doc.rows.find((r) => r.id === cmd.rowId)
  if (!row) return unchanged(doc, cmd)
  const current = row.overrides?.[cmd.index]
  if ((cmd.done === null && current === undefined) || current === cmd.done) return unchanged(doc, cmd)
  const overrides = { ...row.overrides }
  if (cmd.done === null) delete overrides[cmd.index]
  else overrides[cmd.index] = cmd.done
  const nextRow: TaskRow = { ...row, overrides }
  // An empty override map is the same as none: drop it so a cleared row looks like an untouched one.
  if (Object.keys(overrides).length === 0) delete nextRow.overrides
  return replaceRows(doc, cmd, new Map([[row.id, nextRow]]))
}

function applyRenumberSeq(doc: TaskDocument, cmd: Extract<DocCommand, { kind: 'renumberSeq' }>): ApplyResult {
  const seq = doc.columns.find((c) => c.role === 'seq')
  if (!seq) return unchanged(doc, cmd)
  let n = 0
  const cells: CellChange[] = []
  for (const row of doc.rows) {
    if (row.kind !== 'data') continue
    n += 1
    cells.push({ rowId: row.id, colId: seq.id, value: String(n) })
  }
  return { ...applySetCells(doc, { kind: 'setCells', cells }), command: cmd }
}

function clampIndex(index: number, length: number): number {
  if (!Number.isFinite(index)) return length
  return Math.max(0, Math.min(length, Math.trunc(index)))
}

function insertAt(doc: TaskDocument, cmd: DocCommand, index: number, rows: TaskRow[]): ApplyResult {
  const existing = new Set(doc.rows.map((r) => r.id))
  // A row id already present would make two rows share one storage key.
  const fresh = rows.filter((r) => !existing.has(r.id) && (existing.add(r.id), true))
  if (fresh.length === 0) return unchanged(doc, cmd)
  const at = clampIndex(index, doc.rows.length)
  const ids = fresh.map((r) => r.id)
  return {
    doc: { ...doc, rows: [...doc.rows.slice(0, at), ...fresh, ...doc.rows.slice(at)] },
    inverse: { kind: 'deleteRows', rowIds: ids },
    changed: { rows: ids, removedRows: [], meta: true },
    command: cmd,
  }
}

function applyInsertRows(doc: TaskDocument, cmd: Extract<DocCommand, { kind: 'insertRows' }>): ApplyResult {
  return insertAt(doc, cmd, cmd.index, cmd.rows)
}

function applyAddSectionRow(doc: TaskDocument, cmd: Extract<DocCommand, { kind: 'addSectionRow' }>): ApplyResult {
  const existing = new Set(doc.rows.map((r) => r.id))
  const id = cmd.id && !existing.has(cmd.id) ? cmd.id : freshId('r', existing)
  const first = doc.columns[0]
  const row: TaskRow = { id, kind: 'section', cells: first ? { [first.id]: cmd.label } : {} }
  return { ...insertAt(doc, cmd, cmd.index, [row]), command: { ...cmd, id } }
}

function applyDeleteRows(doc: TaskDocument, cmd: Extract<DocCommand, { kind: 'deleteRows' }>): ApplyResult {
  const doomed = new Set(cmd.rowIds)
  const kept: TaskRow[] = []
  // Contiguous runs of deleted rows, each reinserted at its old index (ascending) by the undo.
  const runs: { index: number; rows: TaskRow[] }[] = []
  doc.rows.forEach((row, index) => {
    if (!doomed.has(row.id)) { kept.push(row); return }
    const last = runs[runs.length - 1]
    if (last && last.index + last.rows.length === index) last.rows.push(row)
    else runs.push({ index, rows: [row] })
  })
  if (runs.length === 0) return unchanged(doc, cmd)
  const removed = runs.flatMap((r) => r.rows.map((row) => row.id))
  const inserts: DocCommand[] = runs.map((r) => ({ kind: 'insertRows', index: r.index, rows: r.rows }))
  return {
    doc: { ...doc, rows: kept },
    inverse: inserts.length === 1 && inserts[0] ? inserts[0] : { kind: 'group', commands: inserts },
    changed: { rows: [], removedRows: removed, meta: true },
    command: cmd,
  }
}

function reorder(doc: TaskDocument, cmd: DocCommand, rows: TaskRow[]): ApplyResult {
  if (rows.every((row, i) => row === doc.rows[i])) return unchanged(doc, cmd)
  return {
    doc: { ...doc, rows },
    inverse: { kind: 'reorderRows', order: doc.rows.map((r) => r.id) },
    changed: { rows: [], removedRows: [], meta: true },
    command: cmd,
  }
}

function applyMoveRows(doc: TaskDocument, cmd: Extract<DocCommand, { kind: 'moveRows' }>): ApplyResult {
  const moving = new Set(cmd.rowIds)
  const moved = doc.rows.filter((r) => moving.has(r.id))
  const rest = doc.rows.filter((r) => !moving.has(r.id))
  const at = clampIndex(cmd.toIndex, rest.length)
  return reorder(doc, cmd, [...rest.slice(0, at), ...moved, ...rest.slice(at)])
}

function applyReorderRows(doc: TaskDocument, cmd: Extract<DocCommand, { kind: 'reorderRows' }>): ApplyResult {
  const byId = new Map(doc.rows.map((r) => [r.id, r]))
  const placed = new Set<string>()
  const rows: TaskRow[] = []
  for (const id of cmd.order) {
    const row = byId.get(id)
    if (row && !placed.has(id)) { rows.push(row); placed.add(id) }
  }
  for (const row of doc.rows) if (!placed.has(row.id)) rows.push(row)
  return reorder(doc, cmd, rows)
}

function freshId(prefix: string, used: Set<string>): string {
  let id = newId(prefix)
  while (used.has(id)) id = newId(prefix)
  used.add(id)
  return id
}

function applyDuplicateRows(doc: TaskDocument, cmd: Extract<DocCommand, { kind: 'duplicateRows' }>): ApplyResult {
  const wanted = new Set(cmd.rowIds)
  const used = new Set(doc.rows.map((r) => r.id))
  const newIds: string[] = []
  const created: string[] = []
  const rows: TaskRow[] = []
  for (const row of doc.rows) {
    rows.push(row)
    if (!wanted.has(row.id)) continue
    const given = cmd.newIds?.[newIds.length]
    const id = given && !used.has(given) ? (used.add(given), given) : freshId('r', used)
    newIds.push(id)
    created.push(id)
    // A copy is not from the sheet (no sheetRow) and starts no merge of its own (no spans).
    const copy: TaskRow = { id, kind: row.kind, cells: { ...row.cells } }
    if (row.overrides) copy.overrides = { ...row.overrides }
    if (row.edited) copy.edited = [...row.edited]
    rows.push(copy)
  }
  if (created.length === 0) return unchanged(doc, cmd)
  return {
    doc: { ...doc, rows },
    inverse: { kind: 'deleteRows', rowIds: created },
    changed: { rows: created, removedRows: [], meta: true },
    command: { ...cmd, newIds },
  }
}

function withColumns(doc: TaskDocument, cmd: DocCommand, columns: TaskColumn[], inverse: DocCommand, header = doc.header): ApplyResult {
  return { doc: { ...doc, columns, header }, inverse, changed: { rows: [], removedRows: [], meta: true }, command: cmd }
}

function applyColumnPatch(doc: TaskDocument, cmd: DocCommand, colId: string, patch: Partial<TaskColumn>): ApplyResult {
  const index = doc.columns.findIndex((c) => c.id === colId)
  const column = doc.columns[index]
  if (!column) return unchanged(doc, cmd)
  const next: TaskColumn = { ...column, ...patch }
  // Optional fields set to undefined are dropped, so an unset width looks like a never-set one.
  for (const key of Object.keys(patch) as (keyof TaskColumn)[]) if (next[key] === undefined) delete next[key]
  const before: DocCommand =
    cmd.kind === 'setColumnRole' ? { kind: 'setColumnRole', colId, role: column.role }
      : cmd.kind === 'setColumnWidth' ? { kind: 'setColumnWidth', colId, width: column.width ?? null }
        : { kind: 'setColumnHidden', colId, hidden: column.hidden ?? false }
  if ((Object.keys(patch) as (keyof TaskColumn)[]).every((key) => next[key] === column[key])) return unchanged(doc, cmd)
  const columns = doc.columns.slice()
  columns[index] = next
  return withColumns(doc, cmd, columns, before)
}

function applyAddColumn(doc: TaskDocument, cmd: Extract<DocCommand, { kind: 'addColumn' }>): ApplyResult {
  const used = new Set(doc.columns.map((c) => c.id))
  const id = cmd.column.id && !used.has(cmd.column.id) ? cmd.column.id : freshId('c', used)
  const column: TaskColumn = { ...cmd.column, id }
  const at = clampIndex(cmd.index, doc.columns.length)
  const columns = [...doc.columns.slice(0, at), column, ...doc.columns.slice(at)]
  const header = cmd.headerBlock ?? headerWithColumn(doc.header, at, column.header)
  return withColumns(doc, { ...cmd, column }, columns, { kind: 'removeColumn', colId: id, headerBlock: doc.header }, header)
}

function applyRemoveColumn(doc: TaskDocument, cmd: Extract<DocCommand, { kind: 'removeColumn' }>): ApplyResult {
  const index = doc.columns.findIndex((c) => c.id === cmd.colId)
  const column = doc.columns[index]
  if (!column) return unchanged(doc, cmd)
  const colId = column.id
  const next = new Map<string, TaskRow>()
  for (const row of doc.rows) {
    const hasCell = colId in row.cells
    const hasEdit = row.edited?.includes(colId) ?? false
    const hasSpan = row.spans !== undefined && colId in row.spans
    if (!hasCell && !hasEdit && !hasSpan) continue
    const copy: TaskRow = { ...row }
    if (hasCell) { const { [colId]: _gone, ...cells } = row.cells; copy.cells = cells }
    if (hasEdit) copy.edited = (row.edited ?? []).filter((c) => c !== colId)
    if (hasSpan && row.spans) { const { [colId]: _gone, ...spans } = row.spans; copy.spans = spans }
    next.set(row.id, copy)
  }
  const rowPart = replaceRows(doc, cmd, next)
  const columns = doc.columns.filter((c) => c !== column)
  const header = cmd.headerBlock ?? headerWithoutColumn(doc.header, index)
  const addBack: DocCommand = { kind: 'addColumn', index, column, headerBlock: doc.header }
  return {
    doc: { ...rowPart.doc, columns, header },
    inverse: next.size ? { kind: 'group', commands: [addBack, rowPart.inverse] } : addBack,
    changed: { ...rowPart.changed, meta: true },
    command: cmd,
  }
}

function applyRenameHeader(doc: TaskDocument, cmd: Extract<DocCommand, { kind: 'renameHeader' }>): ApplyResult {
  const index = doc.columns.findIndex((c) => c.id === cmd.colId)
  const column = doc.columns[index]
  if (!column) return unchanged(doc, cmd)
  const header = cmd.headerBlock ?? headerWithRename(doc.header, index, cmd.header)
  if (column.header === cmd.header && header === doc.header) return unchanged(doc, cmd)
  const columns = doc.columns.slice()
  columns[index] = { ...column, header: cmd.header }
  return withColumns(doc, cmd, columns, { kind: 'renameHeader', colId: column.id, header: column.header, headerBlock: doc.header }, header)
}

function applySetTitle(doc: TaskDocument, cmd: Extract<DocCommand, { kind: 'setTitle' }>): ApplyResult {
  const title = cmd.title?.replace(/\s+/g, ' ').trim() || null
  if (title === doc.title) return unchanged(doc, cmd)
  return {
    doc: { ...doc, title },
    inverse: { kind: 'setTitle', title: doc.title },
    changed: { rows: [], removedRows: [], meta: true },
    command: { kind: 'setTitle', title },
  }
}

function applySetSettings(doc: TaskDocument, cmd: Extract<DocCommand, { kind: 'setSettings' }>): ApplyResult {
  const before: Partial<DocumentSettings> = {}
  const after: DocumentSettings = { ...doc.settings }
  let differs = false
  for (const key of Object.keys(cmd.settings) as (keyof DocumentSettings)[]) {
    const value = cmd.settings[key]
    if (value === undefined) continue
    Object.assign(before, { [key]: doc.settings[key] })
    if (doc.settings[key] !== value) differs = true
    Object.assign(after, { [key]: value })
  }
  if (!differs) return unchanged(doc, cmd)
  return {
    doc: { ...doc, settings: after },
    inverse: { kind: 'setSettings', settings: before },
    changed: { rows: [], removedRows: [], meta: true },
    command: cmd,
  }
}

// --- The header block: kept for export, so a column added or removed keeps it a rectangle. ---

function covers(m: HeaderMerge, r: number, c: number): boolean {
  return m.r0 <= r && r <= m.r1 && m.c0 <= c && c <= m.c1
}

/**
 * A new column inside a merged group header (e.g. 计划进度 over 一季度/二季度) joins the group; its own
 * text goes in the first header row below every merge over it, merged down to the last header row.
 */
function headerWithColumn(header: DocumentHeader, at: number, text: string): DocumentHeader {
  const height = header.rows.length
  if (height === 0) return header
  const merges = header.merges.map((m) =>
    m.c0 >= at ? { ...m, c0: m.c0 + 1, c1: m.c1 + 1 } : m.c1 >= at ? { ...m, c1: m.c1 + 1 } : m)
  const top = merges.filter((m) => covers(m, m.r0, at)).reduce((r, m) => Math.max(r, m.r1 + 1), 0)
  // Under a group, the column's joined header (推进情况/完成时限) contributes only its own last part.
  const own = top > 0 ? text.slice(text.lastIndexOf('/') + 1) : text
  const rows = header.rows.map((row, r) => {
    const next = row.slice()
    next.splice(Math.min(at, next.length), 0, r === top ? own : '')
    return next
  })
  if (top < height - 1) merges.push({ r0: top, c0: at, r1: height - 1, c1: at })
  // No room below the group (it reaches the last row): the text goes in the last row, under the group.
  if (top >= height) { const last = rows[height - 1]; if (last) last[at] = own }
  return { rows, merges }
}

function headerWithoutColumn(header: DocumentHeader, index: number): DocumentHeader {
  if (header.rows.length === 0) return header
  const rows = header.rows.map((row) => row.filter((_, c) => c !== index))
  const merges: HeaderMerge[] = []
  for (const m of header.merges) {
    if (m.c0 === index && m.c1 === index) continue
    const next = m.c0 > index ? { ...m, c0: m.c0 - 1, c1: m.c1 - 1 } : m.c1 >= index ? { ...m, c1: m.c1 - 1 } : m
    // The top-left cell of a merge holds its text: when that column goes, the next one inherits it.
    if (m.c0 === index) {
      for (let r = m.r0; r <= m.r1; r += 1) {
        const text = header.rows[r]?.[index]
        const row = rows[r]
        if (row && text && !row[index]) row[index] = text
      }
    }
    if (next.r0 === next.r1 && next.c0 === next.c1) continue
    merges.push(next)
  }
  return { rows, merges }
}

/**
 * The header joins header rows with `/`; a rename writes each part back to the header row it
 * came from, but only into cells this column owns alone: a group header shared with sibling
 * columns is never renamed from one of them. Without matching parts, the whole text goes in the
 * lowest cell the column owns.
 */
function headerWithRename(header: DocumentHeader, index: number, text: string): DocumentHeader {
  if (header.rows.length === 0) return header
  const levels: { r: number; own: boolean }[] = []
  for (let r = 0; r < header.rows.length; r += 1) {
    const m = header.merges.find((x) => covers(x, r, index))
    if (m && m.r0 !== r) continue
    levels.push({ r, own: !m || (m.c0 === index && m.c1 === index) })
  }
  const parts = text.split('/')
  const writes = new Map<number, string>()
  if (levels.length > 1 && parts.length === levels.length) {
    levels.forEach((level, i) => { if (level.own) writes.set(level.r, parts[i] ?? '') })
  } else {
    const lowest = [...levels].reverse().find((l) => l.own)
    if (lowest) writes.set(lowest.r, text)
  }
  if ([...writes].every(([r, t]) => header.rows[r]?.[index] === t)) return header
  const rows = header.rows.map((row, r) => {
    const t = writes.get(r)
    if (t === undefined) return row
    const next = row.slice()
    next[index] = t
    return next
  })
  return { rows, merges: header.merges }
}
