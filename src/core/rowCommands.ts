// The commands that change rows: cells, overrides, insert, delete, move, reorder, duplicate.
import { newId, taskFieldsOf, type TaskDocument, type TaskRow } from './document'
import { remapOverrides } from './overrides'
import { unchanged, type ApplyResult, type CellChange, type DocCommand } from './commandTypes'

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

export function replaceRows(doc: TaskDocument, cmd: DocCommand, replacements: Map<string, TaskRow>, at?: Map<string, number>): ApplyResult {
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

export function applyPutRows(doc: TaskDocument, cmd: Extract<DocCommand, { kind: 'putRows' }>): ApplyResult {
  const at = indexRows(doc, new Set(cmd.rows.map((r) => r.id)))
  return replaceRows(doc, cmd, new Map(cmd.rows.filter((r) => at.has(r.id)).map((r) => [r.id, r])), at)
}

export function applySetCells(doc: TaskDocument, cmd: Extract<DocCommand, { kind: 'setCells' | 'replaceAll' }>): ApplyResult {
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

export function applySetOverride(doc: TaskDocument, cmd: Extract<DocCommand, { kind: 'setOverride' }>): ApplyResult {
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

export function applyRenumberSeq(doc: TaskDocument, cmd: Extract<DocCommand, { kind: 'renumberSeq' }>): ApplyResult {
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

export function clampIndex(index: number, length: number): number {
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

export function applyInsertRows(doc: TaskDocument, cmd: Extract<DocCommand, { kind: 'insertRows' }>): ApplyResult {
  return insertAt(doc, cmd, cmd.index, cmd.rows)
}

export function applyAddSectionRow(doc: TaskDocument, cmd: Extract<DocCommand, { kind: 'addSectionRow' }>): ApplyResult {
  const existing = new Set(doc.rows.map((r) => r.id))
  const id = cmd.id && !existing.has(cmd.id) ? cmd.id : freshId('r', existing)
  const first = doc.columns[0]
  const row: TaskRow = { id, kind: 'section', cells: first ? { [first.id]: cmd.label } : {} }
  return { ...insertAt(doc, cmd, cmd.index, [row]), command: { ...cmd, id } }
}

export function applyDeleteRows(doc: TaskDocument, cmd: Extract<DocCommand, { kind: 'deleteRows' }>): ApplyResult {
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

export function applyMoveRows(doc: TaskDocument, cmd: Extract<DocCommand, { kind: 'moveRows' }>): ApplyResult {
  const moving = new Set(cmd.rowIds)
  const moved = doc.rows.filter((r) => moving.has(r.id))
  const rest = doc.rows.filter((r) => !moving.has(r.id))
  const at = clampIndex(cmd.toIndex, rest.length)
  return reorder(doc, cmd, [...rest.slice(0, at), ...moved, ...rest.slice(at)])
}

export function applyReorderRows(doc: TaskDocument, cmd: Extract<DocCommand, { kind: 'reorderRows' }>): ApplyResult {
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

export function freshId(prefix: string, used: Set<string>): string {
  let id = newId(prefix)
  while (used.has(id)) id = newId(prefix)
  used.add(id)
  return id
}

export function applyDuplicateRows(doc: TaskDocument, cmd: Extract<DocCommand, { kind: 'duplicateRows' }>): ApplyResult {
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
