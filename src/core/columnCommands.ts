// The commands that change the table around the rows: columns, the header block, title, settings.
import { type DocumentHeader, type DocumentSettings, type HeaderMerge, type TaskColumn, type TaskDocument, type TaskRow } from './document'
import { unchanged, type ApplyResult, type DocCommand } from './commandTypes'
import { clampIndex, freshId, replaceRows } from './rowCommands'

function withColumns(doc: TaskDocument, cmd: DocCommand, columns: TaskColumn[], inverse: DocCommand, header = doc.header): ApplyResult {
  return { doc: { ...doc, columns, header }, inverse, changed: { rows: [], removedRows: [], meta: true }, command: cmd }
}

export function applyColumnPatch(doc: TaskDocument, cmd: DocCommand, colId: string, patch: Partial<TaskColumn>): ApplyResult {
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

export function applyAddColumn(doc: TaskDocument, cmd: Extract<DocCommand, { kind: 'addColumn' }>): ApplyResult {
  const used = new Set(doc.columns.map((c) => c.id))
  const id = cmd.column.id && !used.has(cmd.column.id) ? cmd.column.id : freshId('c', used)
  const column: TaskColumn = { ...cmd.column, id }
  const at = clampIndex(cmd.index, doc.columns.length)
  const columns = [...doc.columns.slice(0, at), column, ...doc.columns.slice(at)]
  const header = cmd.headerBlock ?? headerWithColumn(doc.header, at, column.header)
  return withColumns(doc, { ...cmd, column }, columns, { kind: 'removeColumn', colId: id, headerBlock: doc.header }, header)
}

export function applyRemoveColumn(doc: TaskDocument, cmd: Extract<DocCommand, { kind: 'removeColumn' }>): ApplyResult {
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

export function applyRenameHeader(doc: TaskDocument, cmd: Extract<DocCommand, { kind: 'renameHeader' }>): ApplyResult {
  const index = doc.columns.findIndex((c) => c.id === cmd.colId)
  const column = doc.columns[index]
  if (!column) return unchanged(doc, cmd)
  const header = cmd.headerBlock ?? headerWithRename(doc.header, index, cmd.header)
  if (column.header === cmd.header && header === doc.header) return unchanged(doc, cmd)
  const columns = doc.columns.slice()
  columns[index] = { ...column, header: cmd.header }
  return withColumns(doc, cmd, columns, { kind: 'renameHeader', colId: column.id, header: column.header, headerBlock: doc.header }, header)
}

export function applySetTitle(doc: TaskDocument, cmd: Extract<DocCommand, { kind: 'setTitle' }>): ApplyResult {
  const title = cmd.title?.replace(/\s+/g, ' ').trim() || null
  if (title === doc.title) return unchanged(doc, cmd)
  return {
    doc: { ...doc, title },
    inverse: { kind: 'setTitle', title: doc.title },
    changed: { rows: [], removedRows: [], meta: true },
    command: { kind: 'setTitle', title },
  }
}

export function applySetSettings(doc: TaskDocument, cmd: Extract<DocCommand, { kind: 'setSettings' }>): ApplyResult {
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

