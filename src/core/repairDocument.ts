// The one funnel for untrusted documents (stored drafts, backups, imported files): defaults filled, junk dropped with a note.
import {
  DOCUMENT_SCHEMA_VERSION, defaultSettings, emptyCells, isPlainKey, newId,
  type DocumentHeader, type DocumentSettings, type HeaderMerge, type RowKind, type TaskColumn, type TaskDocument, type TaskRow,
} from './document'
import { isNewerDocument, migrateDocument } from './migrations'
import { ROLES, type MonthBeforeReading, type Role } from './types'

export type RepairResult =
  | { doc: TaskDocument; problems: string[] }
  | { doc: null; problems: string[] }

type Loose = Record<string, unknown>

function isRecord(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const ROW_KINDS: readonly RowKind[] = ['data', 'section', 'footer']
const MONTH_BEFORE: readonly MonthBeforeReading[] = ['end-of-previous-month', 'end-of-month']

/** A cell as the clerk would see it: numbers and booleans as written, empty for nothing, null for what is not text. */
function cellText(value: unknown): string | null {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  if (value === null || value === undefined) return ''
  return null
}

function textOrNull(value: unknown): string | null {
  if (value === null || value === undefined) return null
  const text = cellText(value)
  return text === null || text === '' ? null : text
}

function isoOrNull(value: unknown): string | null {
  return typeof value === 'string' && ISO_DATE.test(value) ? value : null
}

function timeOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback
}

function repairSettings(input: unknown, problems: string[]): DocumentSettings {
  const settings = defaultSettings()
  if (input === undefined) return settings
  if (!isRecord(input)) {
    problems.push('设置无法读取，已用默认设置')
    return settings
  }
  settings.asOf = isoOrNull(input.asOf)
  if (typeof input.soonDays === 'number' && Number.isInteger(input.soonDays) && input.soonDays >= 0 && input.soonDays <= 366) {
    settings.soonDays = input.soonDays
  }
  if (MONTH_BEFORE.includes(input.monthBefore as MonthBeforeReading)) settings.monthBefore = input.monthBefore as MonthBeforeReading
  if (typeof input.year === 'number' && Number.isInteger(input.year) && input.year >= 1900 && input.year <= 2200) {
    settings.year = input.year
  }
  return settings
}

/**
 * Ids handed out here never repeat one already used in the document. A wanted id that is not
 * a plain key (`constructor`, `__proto__`…) gets a fresh one, remembered in `renamed` so the
 * cells, marks and spans that name it follow.
 */
class IdPool {
  private readonly used = new Set<string>()
  readonly renamed = new Map<string, string>()
  take(wanted: unknown, prefix: string): { id: string; fresh: boolean } {
    if (typeof wanted === 'string' && wanted !== '' && !isPlainKey(wanted) && !this.renamed.has(wanted)) {
      const { id } = this.take(undefined, prefix)
      this.renamed.set(wanted, id)
      return { id, fresh: true }
    }
    if (typeof wanted === 'string' && wanted !== '' && !this.used.has(wanted)) {
      this.used.add(wanted)
      return { id: wanted, fresh: false }
    }
    let id = newId(prefix)
    while (this.used.has(id)) id = newId(prefix)
    this.used.add(id)
    return { id, fresh: true }
  }
  has(id: string): boolean { return this.used.has(id) }
  /** The id a stored key stands for now (itself unless it was renamed). */
  resolve(key: string): string { return this.renamed.get(key) ?? key }
}

function repairColumns(input: unknown, problems: string[], ids: IdPool): TaskColumn[] {
  if (input === undefined) return []
  if (!Array.isArray(input)) {
    problems.push('列定义无法读取，已按单元格重建')
    return []
  }
  const columns: TaskColumn[] = []
  input.forEach((raw, i) => {
    if (!isRecord(raw)) {
      problems.push(`第${i + 1}列无法读取，已舍弃`)
      return
    }
    const { id, fresh } = ids.take(raw.id, 'c')
    if (fresh && typeof raw.id === 'string' && ids.renamed.get(raw.id) === id) problems.push(`第${i + 1}列编号“${raw.id}”不可用，已换新编号`)
    else if (fresh && raw.id !== undefined) problems.push(`第${i + 1}列编号缺失或重复，已换新编号`)
    const column: TaskColumn = {
      id,
      header: cellText(raw.header) ?? '',
      role: ROLES.includes(raw.role as Role) ? (raw.role as Role) : null,
    }
    if (typeof raw.width === 'number' && Number.isFinite(raw.width) && raw.width > 0) column.width = raw.width
    if (raw.hidden === true) column.hidden = true
    columns.push(column)
  })
  return columns
}

function repairCells(
  input: unknown, columns: TaskColumn[], columnIds: IdPool, label: string, problems: string[],
): Record<string, string> | null {
  const cells = emptyCells()
  // Cells by position (an older or hand-made shape): column i holds cell i.
  if (Array.isArray(input)) {
    input.forEach((value, i) => {
      while (columns.length <= i) {
        const { id } = columnIds.take(undefined, 'c')
        columns.push({ id, header: '', role: null })
        problems.push(`${label}的单元格多于列数，已补一列`)
      }
      const text = cellText(value)
      if (text === null) problems.push(`${label}第${i + 1}格不是文字，已清空`)
      else if (text !== '') cells[columns[i]!.id] = text
    })
    return cells
  }
  if (input === undefined || input === null) return cells
  if (!isRecord(input)) return null
  for (const [stored, value] of Object.entries(input)) {
    const text = cellText(value)
    if (text === null) {
      problems.push(`${label}的一个单元格不是文字，已清空`)
      continue
    }
    // A cell whose column is gone would be invisible yet kept: restore its column instead of losing the text.
    let key = columnIds.resolve(stored)
    if (!columnIds.has(key)) {
      key = columnIds.take(key, 'c').id
      columns.push({ id: key, header: '', role: null })
      problems.push(`${label}引用了不存在的列，已补回该列`)
    }
    if (text !== '') cells[key] = text
  }
  return cells
}

function repairRow(
  raw: unknown, index: number, columns: TaskColumn[], columnIds: IdPool, rowIds: IdPool, problems: string[],
): TaskRow | null {
  const label = `第${index + 1}行`
  if (!isRecord(raw)) {
    problems.push(`${label}无法读取，已舍弃`)
    return null
  }
  const cells = repairCells(raw.cells, columns, columnIds, label, problems)
  if (cells === null) {
    problems.push(`${label}的单元格无法读取，已舍弃`)
    return null
  }
  const { id, fresh } = rowIds.take(raw.id, 'r')
  if (fresh) problems.push(`${label}编号缺失或重复，已换新编号`)
  const kind = ROW_KINDS.includes(raw.kind as RowKind) ? (raw.kind as RowKind) : 'data'
  if (raw.kind !== undefined && kind !== raw.kind) problems.push(`${label}的类型无法识别，已按任务行处理`)
  const row: TaskRow = { id, kind, cells }
  if (typeof raw.sheetRow === 'number' && Number.isInteger(raw.sheetRow) && raw.sheetRow >= 0) row.sheetRow = raw.sheetRow
  if (isRecord(raw.overrides)) {
    const overrides: Record<number, boolean> = {}
    for (const [key, value] of Object.entries(raw.overrides)) {
      const n = Number(key)
      if (Number.isInteger(n) && n >= 1 && typeof value === 'boolean') overrides[n] = value
    }
    if (Object.keys(overrides).length) row.overrides = overrides
  }
  if (Array.isArray(raw.edited)) {
    const edited = raw.edited.filter((c): c is string => typeof c === 'string').map((c) => columnIds.resolve(c))
    if (edited.length) row.edited = [...new Set(edited)]
  }
  if (isRecord(raw.spans)) {
    const spans = Object.create(null) as Record<string, number>
    for (const [key, value] of Object.entries(raw.spans)) {
      if (typeof value === 'number' && Number.isInteger(value) && value >= 2) spans[columnIds.resolve(key)] = value
    }
    if (Object.keys(spans).length) row.spans = spans
  }
  return row
}

function repairHeader(input: unknown, columns: TaskColumn[], problems: string[]): DocumentHeader {
  const fallback = (): DocumentHeader => ({ rows: [columns.map((c) => c.header)], merges: [] })
  if (input === undefined) return fallback()
  if (!isRecord(input) || !Array.isArray(input.rows)) {
    problems.push('表头结构无法读取，已按列名重建')
    return fallback()
  }
  const rows = input.rows
    .filter((r): r is unknown[] => Array.isArray(r))
    .map((r) => r.map((cell) => cellText(cell) ?? ''))
  const merges: HeaderMerge[] = []
  if (Array.isArray(input.merges)) {
    for (const m of input.merges) {
      if (!isRecord(m)) continue
      const { r0, c0, r1, c1 } = m
      const ok = [r0, c0, r1, c1].every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)
      if (ok && (r0 as number) <= (r1 as number) && (c0 as number) <= (c1 as number) && (r1 as number) < rows.length) {
        merges.push({ r0: r0 as number, c0: c0 as number, r1: r1 as number, c1: c1 as number })
      }
    }
  }
  return rows.length ? { rows, merges } : fallback()
}

/**
 * Normalises anything that claims to be a TaskDocument. Never throws. Returns `doc: null`
 * only when nothing usable is there (not an object) or a newer Jindu wrote it (an older
 * reader must not rewrite what it does not understand); otherwise every gap gets a
 * default and every dropped or changed part gets a note in `problems` (zh-CN, for the clerk).
 */
export function repairDocument(input: unknown): RepairResult {
  try {
    return repairUnsafe(input)
  } catch (error) {
    // A getter or proxy in hand-made input could still throw; the funnel must not.
    return { doc: null, problems: [`文档无法读取：${String(error)}`] }
  }
}

function repairUnsafe(input: unknown): RepairResult {
  if (!isRecord(input)) return { doc: null, problems: ['不是清单文档'] }
  if (isNewerDocument(input)) {
    return { doc: null, problems: [`此清单由更新版本的进度保存（版本 ${String(input.schemaVersion)}），请升级后打开`] }
  }
  const problems: string[] = []
  const now = Date.now()
  const columnIds = new IdPool()
  const rowIds = new IdPool()
  const columns = repairColumns(input.columns, problems, columnIds)
  const columnsGiven = columns.length > 0

  let rows: TaskRow[] = []
  if (Array.isArray(input.rows)) {
    input.rows.forEach((raw, i) => {
      const row = repairRow(raw, i, columns, columnIds, rowIds, problems)
      if (row) rows.push(row)
    })
  } else if (input.rows !== undefined && input.rows !== null) {
    problems.push('行数据无法读取，已清空')
  }
  if (!columnsGiven && columns.length > 0) problems.push('缺少列定义，已按单元格重建')

  // Edited marks and spans may only name columns that exist.
  const known = new Set(columns.map((c) => c.id))
  rows = rows.map((row) => {
    if (row.edited) {
      const edited = row.edited.filter((c) => known.has(c))
      if (edited.length) row.edited = edited
      else delete row.edited
    }
    if (row.spans) {
      for (const key of Object.keys(row.spans)) if (!known.has(key)) delete row.spans[key]
      if (!Object.keys(row.spans).length) delete row.spans
    }
    return row
  })

  const title = textOrNull(input.title)
  const sourceFile = textOrNull(input.sourceFile)
  const name = textOrNull(input.name) ?? title ?? sourceFile ?? '未命名清单'
  // A record without createdAt (v0) was made no later than it was last saved.
  const createdAt = timeOr(input.createdAt, timeOr(input.updatedAt, now))
  const idText = typeof input.id === 'string' && input.id !== '' ? input.id : null
  if (!idText) problems.push('清单编号缺失，已换新编号')

  const doc: TaskDocument = {
    schemaVersion: DOCUMENT_SCHEMA_VERSION,
    id: idText ?? newId('d'),
    name,
    sourceFile,
    ...(input.sample === true ? { sample: true } : {}),
    sheetName: textOrNull(input.sheetName),
    title,
    preamble: Array.isArray(input.preamble) ? input.preamble.map((l) => cellText(l) ?? '').filter((l) => l !== '') : [],
    header: repairHeader(input.header, columns, problems),
    columns,
    rows,
    settings: repairSettings(input.settings, problems),
    suggestedAsOf: isoOrNull(input.suggestedAsOf),
    ...(typeof input.suggestedAsOfFrom === 'string' && input.suggestedAsOfFrom ? { suggestedAsOfFrom: input.suggestedAsOfFrom.slice(0, 200) } : {}),
    createdAt,
    updatedAt: Math.max(timeOr(input.updatedAt, createdAt), createdAt),
  }
  return { doc, problems }
}

/**
 * A stored or backed-up document, whatever version wrote it, as the current model: migrated
 * forward, then repaired. Every inbound path (drafts, snapshots, trash, backups, quarantine) uses this.
 */
export function restoreDocument(raw: unknown): RepairResult {
  return repairDocument(migrateDocument(raw))
}
