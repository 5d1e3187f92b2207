// The export's layout, independent of file format: which rows and columns, what text, which merges, how wide and tall.
import { ROW_ID_HEADER, detectScript, inScript, rowIdCell, type ChineseScript, type DocumentAssessment, type Role, type TaskColumn, type TaskDocument, type TaskRow, type TaskState } from '../../core'
import { cleanCellText } from './cellText'
import { ADDED_HEADERS, stateLabel } from './stateStyle'
import { estimateLines, textUnits } from './textLines'
import type { ExportLocale, ExportOptions } from './types'

export { estimateLines, textUnits } from './textLines'

export type PlanRowKind = 'title' | 'preamble' | 'header' | 'data' | 'section' | 'footer'

export interface PlanColumn {
  header: string
  role: Role | null
  /** Where the column comes from: a document column, or one the export adds. */
  source: 'document' | 'state' | 'reason' | 'rowId'
  /** Written but hidden (the row id column a returned copy is matched by). */
  hidden?: boolean
  /** Excel character units (one Latin digit; a CJK character takes two). */
  widthChars: number
  /**
   * The narrowest width (same units) that keeps the column's words whole: its header's parts
   * and its short one-word cells (`已完成`, `序號`, `县发改局`). A print page that scales the
   * table down keeps each column at least this wide, so no `已完/成` appears.
   */
  minChars: number
}

export interface PlanRow {
  kind: PlanRowKind
  /** One string per plan column; cells covered by a merge hold '' (or the same text for vertical spans). */
  cells: string[]
  state?: TaskState
  /** Row height in points that fits the wrapped text (LibreOffice does not auto-fit on open). */
  heightPt: number
}

/** A merged range, 0-based and inclusive, in plan rows and columns. */
export interface PlanMerge { r0: number; c0: number; r1: number; c1: number }

export interface TablePlan {
  sheetName: string
  columns: PlanColumn[]
  rows: PlanRow[]
  merges: PlanMerge[]
  /** First header row (0-based); header rows are [headerStart, bodyStart). */
  headerStart: number
  bodyStart: number
}

/**
 * Points per wrapped line at 11pt: Excel's 宋体 takes 14.25, LibreOffice's CJK serif 16 (measured
 * in its PDF); the taller one, so no renderer clips a last line.
 */
const LINE_PT = 16
const ROW_PADDING_PT = 4
const TITLE_FONT_RATIO = 16 / 11

const DEFAULT_WIDTHS: Record<Role, number> = {
  seq: 6, task: 36, schedule: 40, deadline: 14, progress: 48, status: 12, owner: 16, lead: 12, note: 16,
}
const UNKNOWN_ROLE_WIDTH = 14
const STATE_WIDTH = 10
const REASON_WIDTH = 36
/** Grid pixels per Excel character unit (Calibri 11 is about 7 px per digit). */
const PX_PER_CHAR = 7

export function columnWidthChars(column: Pick<TaskColumn, 'width' | 'role'>): number {
  if (column.width && column.width > 0) return Math.min(100, Math.max(4, Math.round(column.width / PX_PER_CHAR)))
  return column.role ? DEFAULT_WIDTHS[column.role] : UNKNOWN_ROLE_WIDTH
}

function heightFor(lines: number, fontRatio = 1): number {
  return Math.round((Math.max(1, lines) * LINE_PT * fontRatio + ROW_PADDING_PT) * 4) / 4
}

/**
 * Section levels, so that a filter keeps `一、…` when it keeps a row under its `(一)…`.
 * A section covers the rows up to the next section of the same or a higher level.
 */
function sectionLevel(label: string): number {
  const text = label.trim()
  if (/^[一二三四五六七八九十百]+\s*[、..]/.test(text)) return 1
  if (/^[((]\s*[一二三四五六七八九十百]+\s*[))]/.test(text)) return 2
  if (/^\d+\s*[、..]/.test(text)) return 3
  if (/^[((]\s*\d+\s*[))]/.test(text)) return 4
  return 1
}

/** The label a section or footer row shows: its first column, else its first non-empty cell. */
export function rowLabel(doc: Pick<TaskDocument, 'columns'>, row: TaskRow): string {
  const first = doc.columns[0]
  const own = first ? row.cells[first.id] ?? '' : ''
  if (own.trim()) return own
  for (const column of doc.columns) {
    const text = row.cells[column.id] ?? ''
    if (text.trim()) return text
  }
  return ''
}

/**
 * The rows an export keeps: data rows passing `keep`, footers always, and a section row
 * when any data row it covers is kept. With no restriction every row is kept, empty sections too.
 */
export function selectRows(doc: Pick<TaskDocument, 'columns' | 'rows'>, keep: ((row: TaskRow) => boolean) | null): TaskRow[] {
  if (!keep) return doc.rows.slice()
  const rows = doc.rows
  const kept = rows.map((row) => row.kind === 'footer' || (row.kind === 'data' && keep(row)))
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!
    if (row.kind !== 'section') continue
    const level = sectionLevel(rowLabel(doc, row))
    for (let j = i + 1; j < rows.length; j++) {
      const next = rows[j]!
      if (next.kind === 'section' && sectionLevel(rowLabel(doc, next)) <= level) break
      if (next.kind === 'data' && kept[j]) { kept[i] = true; break }
    }
  }
  return rows.filter((_, i) => kept[i])
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'

function milestoneMark(index: number): string {
  return CIRCLED[index - 1] ?? `(${index})`
}

/**
 * The 逾期说明 text of one task: the reasons of its overdue and due-soon milestones, worst
 * first, in the table's language (the same as its headers and state labels: one language per
 * table); for a task that is behind only by its status column, the task-level reason.
 */
export function reasonText(assessment: DocumentAssessment | undefined, rowId: string, locale: ExportLocale = 'zh'): string {
  const task = assessment?.byRow.get(rowId)
  if (!task) return ''
  const flagged = [
    ...task.milestones.filter((m) => m.state === 'overdue'),
    ...task.milestones.filter((m) => m.state === 'due-soon'),
  ]
  const numbered = task.milestones.length > 1
  const lines = flagged.map((m) => `${numbered ? milestoneMark(m.index) : ''}${m.reasons?.[locale] ?? m.reason}`.trim())
  const taskReason = task.reasons?.[locale]
  if (!lines.length && task.state === 'behind' && taskReason) lines.push(taskReason)
  return lines.filter(Boolean).join('\n')
}

interface HeaderBlock { rows: string[][]; merges: PlanMerge[] }

/** Whitespace-free text, so `进度\n安排` in the grid matches `进度安排` as a column header. */
function squash(text: string): string {
  return text.replace(/\s+/g, '')
}

/**
 * The header as the grid of the source sheet, when that grid still describes the columns:
 * same width, and each column's header is what the grid spells for it (parts joined with
 * `/`, or its lowest part). A rename, reorder, insertion or deletion breaks that, and one
 * header row from the column headers is then the honest choice.
 */
function gridMatchesColumns(doc: Pick<TaskDocument, 'header' | 'columns'>): boolean {
  const grid = doc.header.rows
  if (!grid.length || grid.some((row) => row.length !== doc.columns.length)) return false
  const filled = grid.map((row) => row.slice())
  for (const m of doc.header.merges) {
    const text = grid[m.r0]?.[m.c0] ?? ''
    for (let r = m.r0; r <= m.r1; r++) for (let c = m.c0; c <= m.c1; c++) if (filled[r] && c < filled[r]!.length) filled[r]![c] = text
  }
  return doc.columns.every((column, c) => {
    const parts: string[] = []
    for (const row of filled) {
      const part = squash(row[c] ?? '')
      if (part && parts[parts.length - 1] !== part) parts.push(part)
    }
    const header = squash(column.header)
    return header === parts.join('/') || header === parts.join('') || header === parts[parts.length - 1]
  })
}

function buildHeader(doc: Pick<TaskDocument, 'header' | 'columns'>, visible: number[], added: string[]): HeaderBlock {
  if (!gridMatchesColumns(doc)) {
    return { rows: [[...visible.map((c) => doc.columns[c]!.header), ...added]], merges: [] }
  }
  const grid = doc.header.rows
  const rows = grid.map((row) => [...visible.map((c) => row[c] ?? ''), ...added.map(() => '')])
  const merges: PlanMerge[] = []
  for (const m of doc.header.merges) {
    const cols = visible.map((c, i) => [c, i] as const).filter(([c]) => c >= m.c0 && c <= m.c1).map(([, i]) => i)
    if (!cols.length) continue
    const c0 = cols[0]!
    const c1 = cols[cols.length - 1]!
    // The merge's text sits in its top-left source cell, which may be a hidden column.
    const text = grid[m.r0]?.[m.c0] ?? ''
    for (let r = m.r0; r <= m.r1; r++) for (let c = c0; c <= c1; c++) {
      if (rows[r]) rows[r]![c] = r === m.r0 && c === c0 ? text : ''
    }
    if (m.r1 > m.r0 || c1 > c0) merges.push({ r0: m.r0, c0, r1: m.r1, c1 })
  }
  added.forEach((header, i) => {
    const c = visible.length + i
    rows[0]![c] = header
    if (rows.length > 1) merges.push({ r0: 0, c0: c, r1: rows.length - 1, c1: c })
  })
  return { rows, merges }
}

/** Longest cell the plan treats as one word: longer text is prose that may wrap anywhere. */
const MAX_WORD_CHARS = 8
/** Cell padding and border, in character units, that a word needs beside its own width. */
const WORD_PADDING_CHARS = 1
const BREAKABLE = /[\s，,。.、；;：:！!？?（）()《》“”"'‘’/]/

/** The units of the longest unbreakable word among `texts` (header parts, short cells). */
function longestWordUnits(texts: Iterable<string>): number {
  let longest = 0
  for (const text of texts) {
    for (const part of text.split(/[\n/]/)) {
      const word = part.trim()
      if (!word || [...word].length > MAX_WORD_CHARS || BREAKABLE.test(word)) continue
      longest = Math.max(longest, textUnits(word))
    }
  }
  return longest
}

/** The script of the table's own text (title and headers), for the words the export adds. */
function tableScript(doc: Pick<TaskDocument, 'title' | 'columns'>, locale: ExportLocale): ChineseScript {
  return locale === 'zh' ? detectScript(`${doc.title ?? ''}${doc.columns.map((c) => c.header).join('')}`) : 'simplified'
}

export interface PlanInput {
  doc: TaskDocument
  options: ExportOptions
  assessment?: DocumentAssessment
  /** Which data rows this table holds (filter and/or one unit); null keeps all. */
  keep: ((row: TaskRow) => boolean) | null
  sheetName: string
}

export function buildTablePlan({ doc, options, assessment, keep, sheetName }: PlanInput): TablePlan {
  const locale: ExportLocale = options.locale ?? 'zh'
  const visible = doc.columns.map((column, i) => [column, i] as const).filter(([column]) => !column.hidden).map(([, i]) => i)
  const visibleColumns = visible.map((i) => doc.columns[i]!)
  const script = tableScript(doc, locale)
  const added: { source: 'state' | 'reason' | 'rowId'; header: string; widthChars: number }[] = []
  if (options.addStateColumn) added.push({ source: 'state', header: inScript(ADDED_HEADERS[locale].state, script), widthChars: STATE_WIDTH })
  if (options.addReasonColumn) added.push({ source: 'reason', header: inScript(ADDED_HEADERS[locale].reason, script), widthChars: REASON_WIDTH })
  // Last, narrow and hidden: each row's id, so a copy a unit sends back matches row for row.
  if (options.addRowIds) added.push({ source: 'rowId', header: ROW_ID_HEADER, widthChars: 4 })

  const selected = selectRows(doc, keep)
  const words = (column: TaskColumn): number => longestWordUnits([
    column.header, ...doc.header.rows.map((row) => row[doc.columns.indexOf(column)] ?? ''),
    ...selected.filter((row) => row.kind === 'data').map((row) => row.cells[column.id] ?? ''),
  ])
  const stateWords = longestWordUnits([added.find((a) => a.source === 'state')?.header ?? '', ...selected.map((row) => {
    const task = row.kind === 'data' ? assessment?.byRow.get(row.id) : undefined
    return task ? inScript(stateLabel(task.state, locale), script) : ''
  })])
  const columns: PlanColumn[] = [
    ...visibleColumns.map((column) => {
      const minChars = words(column) + WORD_PADDING_CHARS
      return { header: column.header, role: column.role, source: 'document' as const, widthChars: Math.max(columnWidthChars(column), minChars), minChars }
    }),
    ...added.map((a) => {
      if (a.source === 'rowId') return { header: a.header, role: null, source: a.source, widthChars: a.widthChars, minChars: a.widthChars, hidden: true }
      const minChars = (a.source === 'state' ? stateWords : longestWordUnits([a.header])) + WORD_PADDING_CHARS
      return { header: a.header, role: null, source: a.source, widthChars: Math.max(a.widthChars, minChars), minChars }
    }),
  ]
  // Wide rows (title, sections) span the columns a reader sees: the hidden id column is outside.
  const width = Math.max(1, columns.length)
  const shownWidth = Math.max(1, columns.filter((c) => !c.hidden).length)
  const totalChars = columns.reduce((sum, c) => sum + (c.hidden ? 0 : c.widthChars), 0)
  const blank = (): string[] => Array.from({ length: width }, () => '')
  const rows: PlanRow[] = []
  const merges: PlanMerge[] = []

  /** A row whose one text spans the whole table: title, preamble, section, footer. */
  const pushWide = (kind: PlanRowKind, text: string, fontRatio = 1): void => {
    const cells = blank()
    cells[0] = cleanCellText(text)
    const lines = estimateLines(cells[0], totalChars / fontRatio)
    rows.push({ kind, cells, heightPt: heightFor(lines, fontRatio) })
    if (shownWidth > 1) merges.push({ r0: rows.length - 1, c0: 0, r1: rows.length - 1, c1: shownWidth - 1 })
  }

  const title = doc.title?.trim()
  if (title) pushWide('title', title, TITLE_FONT_RATIO)
  for (const line of doc.preamble) if (line.trim()) pushWide('preamble', line)

  const headerStart = rows.length
  const header = buildHeader(doc, visible, added.map((a) => a.header))
  header.rows.forEach((cells) => {
    const clean = cells.map(cleanCellText)
    const lines = Math.max(...clean.map((text, c) => estimateLines(text, columns[c]?.widthChars ?? UNKNOWN_ROLE_WIDTH)))
    rows.push({ kind: 'header', cells: clean, heightPt: heightFor(lines) })
  })
  for (const m of header.merges) merges.push({ r0: m.r0 + headerStart, c0: m.c0, r1: m.r1 + headerStart, c1: m.c1 })
  const bodyStart = rows.length

  const sourceIndex = new Map(doc.rows.map((row, i) => [row.id, i]))
  // Plan row → source row index, to know whether neighbours in the plan were neighbours in the sheet.
  const bodySource: number[] = []
  for (const row of selected) {
    if (row.kind !== 'data') {
      pushWide(row.kind, rowLabel(doc, row))
      rows[rows.length - 1]!.kind = row.kind
      bodySource.push(sourceIndex.get(row.id) ?? -1)
      continue
    }
    const task = assessment?.byRow.get(row.id)
    const cells = [
      ...visibleColumns.map((column) => cleanCellText(row.cells[column.id] ?? '')),
      ...added.map((a) => a.source === 'state'
        ? (task ? inScript(stateLabel(task.state, locale), script) : '')
        : a.source === 'rowId' ? rowIdCell(row.id)
        : cleanCellText(inScript(reasonText(assessment, row.id, locale), script))),
    ]
    const lines = Math.max(...cells.map((text, c) => (columns[c]!.hidden ? 1 : estimateLines(text, columns[c]!.widthChars))))
    rows.push({ kind: 'data', cells, state: task?.state, heightPt: heightFor(lines) })
    bodySource.push(sourceIndex.get(row.id) ?? -1)
  }

  mergeSpans(doc, visibleColumns, rows, bodyStart, bodySource, merges)

  return { sheetName, columns, rows, merges, headerStart, bodyStart }
}

/**
 * Vertical merges from the source (row.spans) are merged again, but only over rows that
 * are still neighbours in the sheet, still data rows, and still hold the same text: an
 * edit or a filter ends the merge there rather than hiding a cell's text.
 */
function mergeSpans(
  doc: TaskDocument, visibleColumns: TaskColumn[], rows: PlanRow[], bodyStart: number,
  bodySource: number[], merges: PlanMerge[],
): void {
  for (let i = 0; i < bodySource.length; i++) {
    const source = doc.rows[bodySource[i]!]
    if (!source?.spans || source.kind !== 'data') continue
    for (const [columnId, span] of Object.entries(source.spans)) {
      const c = visibleColumns.findIndex((column) => column.id === columnId)
      if (c < 0 || span < 2) continue
      const top = rows[bodyStart + i]!
      const text = top.cells[c] ?? ''
      let end = i
      while (
        end + 1 < bodySource.length && end + 1 - i < span &&
        bodySource[end + 1] === bodySource[end]! + 1 &&
        rows[bodyStart + end + 1]!.kind === 'data' &&
        rows[bodyStart + end + 1]!.cells[c] === text
      ) end++
      if (end > i) merges.push({ r0: bodyStart + i, c0: c, r1: bodyStart + end, c1: c })
    }
  }
}
