// Reads a raw grid as a task table: title, preamble, header rows, columns with roles, data/section/footer rows.
import { detectRole, documentYear, reportDateIn, suggestAsOf, toSimplified, type HeaderMerge, type Role } from '../../core'
import type { ImportedSheet } from '../imported'
import type { CellMerge, RawSheet } from './rawSheet'
import { rememberGrid } from './sheetGrids'

type ImportedRow = ImportedSheet['rows'][number]

/** The header is looked for this far down: titles, unit and date lines rarely take more. */
const HEADER_SEARCH_ROWS = 40
const MAX_HEADER_ROWS = 3

/**
 * `一、…`, `(一)…`, `第一部分…`, `一是…`, `专项一:…`: numbered headings between data rows. Read on
 * simplified text, so `第一部份`/`（壹）` forms in traditional tables match too.
 */
const SECTION_PATTERN = /^(?:[一二三四五六七八九十百]+\s*[、.．]|[（(]\s*[一二三四五六七八九十百]+\s*[)）]|第[一二三四五六七八九十百\d]+\s*(?:部分|部份|章|节|篇|类|项|大|板块|方面)|[一二三四五六七八九十]+是|(?:专项|板块|领域)[一二三四五六七八九十\d]+\s*[:：、])/
/** Notes and signature lines under the table (read on simplified text: 填報人, 聯繫電話, 註, 備註). */
const FOOTER_PATTERN = /^(?:注|备注|附注|说明|填报人|填表人|审核人|审核|制表人|制表|联系人|联系电话|负责人|单位负责人|统计人|签发人|主要领导|填报日期|填报时间|报送日期|制表日期|填报单位)\s*[:：]|^注\s*[\d１-９一二三、.]|^(?:填报人|填表人|审核人|制表人|联系人|联系电话|填报日期|填报时间|报送日期|制表日期)/
/** A data row's sequence number: a row starting with one is never a header or a heading. */
const SEQ_VALUE = /^\s*\d+(?:\.\d+)*\s*[.、]?\s*$/
const TITLE_WORDS = /清单|表|计划|任务|工作|情况|安排|台账|要点|分解|20\d\d|年/
const ATTACHMENT = /^附件\s*[\d一二三四五六七八九十]*\s*[:：]?$/

/** Excel's column letters, for columns with no header of their own. */
export function columnLetter(index: number): string {
  let s = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s
  return s
}

class Grid {
  readonly rows: number
  readonly cols: number
  private readonly mergeIndex = new Map<number, CellMerge>()

  constructor(readonly raw: RawSheet) {
    let rows = 0
    let cols = 0
    raw.cells.forEach((row, r) => {
      for (let c = row.length - 1; c >= 0; c--) {
        if (row[c]) { rows = r + 1; cols = Math.max(cols, c + 1); break }
      }
    })
    this.rows = rows
    this.cols = cols
    for (const m of raw.merges) {
      // Clipped to the used range: a title merged across 200 empty columns covers no more cells than exist.
      const r1 = Math.min(m.r1, rows - 1)
      const c1 = Math.min(m.c1, cols - 1)
      if (m.r0 > r1 || m.c0 > c1 || (m.r0 === r1 && m.c0 === c1)) continue
      const clipped = { r0: m.r0, c0: m.c0, r1, c1 }
      for (let r = m.r0; r <= r1; r++) for (let c = m.c0; c <= c1; c++) this.mergeIndex.set(this.key(r, c), clipped)
    }
  }

  private key(r: number, c: number): number { return r * (this.cols + 1) + c }
  text(r: number, c: number): string { return this.raw.cells[r]?.[c] ?? '' }
  merge(r: number, c: number): CellMerge | undefined { return this.mergeIndex.get(this.key(r, c)) }
  /** The text a cell shows: a merged range shows its top-left text in all its cells. */
  shown(r: number, c: number): string {
    const m = this.merge(r, c)
    return m ? this.text(m.r0, m.c0) : this.text(r, c)
  }
  isEmptyRow(r: number): boolean { return !(this.raw.cells[r] ?? []).some(Boolean) }
  merges(): CellMerge[] { return [...new Set(this.mergeIndex.values())] }
}

/** Cells whose text names a role; a merged cell counts once, in the row where it starts. */
function headerScore(g: Grid, r: number): number {
  let score = 0
  for (let c = 0; c < g.cols; c++) {
    const m = g.merge(r, c)
    if (m && (m.r0 !== r || m.c0 !== c)) continue
    const t = g.text(r, c)
    if (t && !SEQ_VALUE.test(t) && detectRole(t)) score++
  }
  return score
}

/** The distinct texts a row shows of its own (a merge counted once, where it starts). */
function ownTexts(g: Grid, r: number): string[] {
  const texts: string[] = []
  for (let c = 0; c < g.cols; c++) {
    const m = g.merge(r, c)
    if (m && (m.r0 < r || m.c0 < c)) continue
    const t = g.text(r, c)
    if (t && !texts.includes(t)) texts.push(t)
  }
  return texts
}

/**
 * A section label, never a header row: a numbered heading (`一、…`, `(一)…`, `第一部分`, `一是`),
 * or one lone text in a row of a table three or more columns wide (in its first cell, or merged
 * across). Headers name several columns; a heading names a group of tasks.
 */
function isSectionLike(g: Grid, r: number): boolean {
  const texts = ownTexts(g, r)
  if (texts.length !== 1) return false
  const text = toSimplified(texts[0]!.trim())
  if (SECTION_PATTERN.test(text) || FOOTER_PATTERN.test(text)) return true
  return g.cols >= 3 && detectRole(text) === null
}

/** The row under the header is one more header row (a two-row header), not data. */
function continuesHeader(g: Grid, top: number, bottom: number): boolean {
  const next = bottom + 1
  if (next >= g.rows || g.isEmptyRow(next) || isSectionLike(g, next)) return false
  const texts: string[] = []
  for (let c = 0; c < g.cols; c++) {
    const m = g.merge(next, c)
    if (m && m.r0 < next) continue // covered from above: not this row's own text
    const t = g.text(next, c)
    if (t) texts.push(t)
  }
  if (texts.some((t) => SEQ_VALUE.test(t))) return false
  for (const m of g.merges()) {
    if (m.r0 < top || m.r0 > bottom) continue
    // A header cell merged down into the next row, or a group label over sub-headers below it.
    if (m.r1 > bottom && m.c1 - m.c0 + 1 < g.cols) return true
    if (m.r1 === bottom && m.c1 > m.c0 && m.c1 - m.c0 + 1 < g.cols) {
      for (let c = m.c0; c <= m.c1; c++) if (g.text(next, c) && detectRole(g.text(next, c))) return true
    }
  }
  // Without merges (CSV, text): two or more texts, every one of them itself a header word.
  return texts.length > 1 && texts.every((t) => detectRole(t) !== null)
}

/** Header rows, or [] when no row names at least two roles. */
export function findHeaderRows(g: Grid): number[] {
  let best = -1
  let bestScore = 1
  for (let r = 0; r < Math.min(g.rows, HEADER_SEARCH_ROWS); r++) {
    const score = isSectionLike(g, r) ? 0 : headerScore(g, r)
    if (score > bestScore) { best = r; bestScore = score }
  }
  if (best < 0) return []
  let top = best
  let bottom = best
  // A header cell merged down from the row above means the header starts there.
  for (let c = 0; c < g.cols; c++) {
    const m = g.merge(best, c)
    if (m && m.r0 < top && m.r0 >= best - (MAX_HEADER_ROWS - 1) && m.c1 - m.c0 + 1 < g.cols) top = m.r0
  }
  while (bottom - top + 1 < MAX_HEADER_ROWS && continuesHeader(g, top, bottom)) bottom++
  return Array.from({ length: bottom - top + 1 }, (_, i) => top + i)
}

/**
 * The parts of one column's header, top to bottom. A merged cell gives its text once
 * (vertical merges repeat it); in text formats, which have no merges, an empty cell
 * under-which sub-headers sit takes the group label to its left.
 */
function headerParts(g: Grid, headerRows: readonly number[], c: number): string[] {
  const parts: string[] = []
  headerRows.forEach((r, i) => {
    let t = g.shown(r, c)
    if (!t && g.raw.merges.length === 0 && i < headerRows.length - 1 && headerRows.slice(i + 1).some((lower) => g.text(lower, c))) {
      for (let left = c - 1; left >= 0 && !t; left--) {
        if (!headerRows.slice(i + 1).some((lower) => g.text(lower, left))) break
        t = g.text(r, left)
      }
    }
    if (t && parts[parts.length - 1] !== t) parts.push(t)
  })
  return parts
}

function columnRange(g: Grid, fromRow: number): [number, number] {
  let c0 = Infinity
  let c1 = -1
  for (let r = fromRow; r < g.rows; r++) {
    for (let c = 0; c < g.cols; c++) {
      if (!g.text(r, c)) continue
      const m = g.merge(r, c)
      c0 = Math.min(c0, c)
      c1 = Math.max(c1, m ? Math.max(c, m.c1) : c)
    }
  }
  return c1 < 0 ? [0, -1] : [c0, c1]
}

function titleAndPreamble(g: Grid, top: number): { title: string | null; preamble: string[] } {
  const lines: { text: string; single: boolean }[] = []
  for (let r = 0; r < top; r++) {
    const seen: string[] = []
    for (let c = 0; c < g.cols; c++) {
      const t = g.text(r, c)
      if (t && !seen.includes(t)) seen.push(t)
    }
    if (seen.length) lines.push({ text: seen.join('  '), single: seen.length === 1 })
  }
  const candidates = lines.filter((l) => l.single && !ATTACHMENT.test(l.text))
  const title = candidates.find((l) => TITLE_WORDS.test(l.text)) ?? candidates[0] ?? null
  return { title: title ? title.text.replace(/\s*\n\s*/g, '') : null, preamble: lines.filter((l) => l !== title).map((l) => l.text) }
}

function bodyRowKind(g: Grid, r: number, values: readonly string[], c0: number, width: number, inFooter: boolean): ImportedRow['kind'] {
  const first = values.find(Boolean) ?? ''
  const simple = toSimplified(first.trim())
  if (inFooter || FOOTER_PATTERN.test(simple)) return 'footer'
  // A section row holds one text (in one or several cells): any other text makes it data.
  for (const v of values) if (v && v !== first) return 'data'
  if (!first || SEQ_VALUE.test(first)) return 'data'
  if (SECTION_PATTERN.test(simple)) return 'section'
  // A lone label merged across most of the row is a heading, numbered or not; so is one lone
  // text in the first column of a table three or more columns wide (a task has its 序号, its
  // schedule, its unit: a row with only a label in front is a group of tasks).
  const at = values.indexOf(first)
  const m = g.merge(r, c0 + at)
  if (m && m.r0 === r && m.r1 === r && m.c1 - m.c0 + 1 >= Math.max(2, Math.ceil(width / 2))) return 'section'
  return at === 0 && width >= 3 && !m ? 'section' : 'data'
}

/**
 * The header printed again over a later page (a list pasted from a print-out or merged from
 * pages): every text of the row is its column's header text in one of the header rows, and there
 * are two or more. It names no task, so it is left out rather than read as one.
 */
const MAX_REPEATED_HEADER = 40

function repeatsHeader(values: readonly string[], headerTexts: readonly (readonly string[])[]): boolean {
  let same = 0
  for (let i = 0; i < values.length; i++) {
    const raw = values[i]!
    if (!raw) continue
    // Header texts are short: a data cell longer than any header is never one (no copy made).
    if (raw.length > MAX_REPEATED_HEADER) return false
    const v = raw.replace(/\s+/g, '')
    if (!headerTexts.some((row) => row[i] === v)) return false
    same++
  }
  return same >= 2
}

function bodyRows(g: Grid, fromRow: number, c0: number, c1: number, headerRows: readonly number[] = []): ImportedRow[] {
  const width = c1 - c0 + 1
  const headerTexts = headerRows.map((r) => Array.from({ length: width }, (_, i) => g.text(r, c0 + i).replace(/\s+/g, '')))
  const rows: ImportedRow[] = []
  let inFooter = false
  for (let r = fromRow; r < g.rows; r++) {
    if (g.isEmptyRow(r)) continue
    const values: string[] = []
    let spans: Record<number, number> | undefined
    for (let c = c0; c <= c1; c++) {
      const m = g.merge(r, c)
      // A value merged down applies to each row it covers; merged across, it stays in its first column.
      values.push(!m ? g.text(r, c) : m.c0 === c ? g.text(m.r0, m.c0) : '')
      if (m && m.r0 === r && m.c0 === c && m.r1 > m.r0) (spans ??= {})[c - c0] = m.r1 - m.r0 + 1
    }
    if (!values.some(Boolean) || repeatsHeader(values, headerTexts)) continue
    const kind = bodyRowKind(g, r, values, c0, width, inFooter)
    if (kind === 'footer') inFooter = true
    const cells = kind === 'section' ? [values.find(Boolean)!, ...Array<string>(width - 1).fill('')] : values
    rows.push(spans && kind === 'data' ? { kind, sheetRow: r, cells, spans } : { kind, sheetRow: r, cells })
  }
  markParentsOfSubNumbers(rows)
  return rows
}

/**
 * A row with only a number and a label (`1 | 产业发展`) whose next row is numbered under it
 * (`1.1`, `1-1`) is the heading of those tasks, not a task: it has no schedule, progress or unit
 * of its own, and as a task it would be counted, undated, in every figure.
 */
const WHOLE_NUMBER = /^\d+$/
/** What follows the parent's number in a row numbered under it: `.1`, `-1`. */
const SUB_NUMBER = /^[.．\-－]\d+/

function markParentsOfSubNumbers(rows: ImportedRow[]): void {
  for (let i = 0; i + 1 < rows.length; i++) {
    const row = rows[i]!
    const next = rows[i + 1]!
    if (row.kind !== 'data' || next.kind !== 'data' || row.spans) continue
    const seq = row.cells[0]?.trim() ?? ''
    if (!WHOLE_NUMBER.test(seq)) continue
    const texts = row.cells.filter(Boolean)
    if (texts.length !== 2) continue
    const under = next.cells[0]?.trim() ?? ''
    if (!under.startsWith(seq) || !SUB_NUMBER.test(under.slice(seq.length))) continue
    const label = texts[1]!
    rows[i] = { kind: 'section', sheetRow: row.sheetRow, cells: [`${seq} ${label}`, ...Array<string>(row.cells.length - 1).fill('')] }
  }
}

function headerGrid(g: Grid, headerRows: readonly number[], c0: number, c1: number): { rows: string[][]; merges: HeaderMerge[] } {
  const top = headerRows[0]!
  const bottom = headerRows[headerRows.length - 1]!
  const rows = headerRows.map((r) => Array.from({ length: c1 - c0 + 1 }, (_, i) => g.text(r, c0 + i)))
  const merges = g.merges()
    .filter((m) => m.r0 >= top && m.r1 <= bottom && m.c1 >= c0 && m.c0 <= c1)
    .map((m) => ({ r0: m.r0 - top, c0: Math.max(m.c0, c0) - c0, r1: m.r1 - top, c1: Math.min(m.c1, c1) - c0 }))
  return { rows, merges }
}

/**
 * The columns Jindu's own export adds (状态 and 逾期说明, in either script or in English) are
 * derived from the others: a re-imported export gives them no role, so the engine ignores them
 * and they are not read as a second 完成情况 or as 备注. `状态` alone counts as derived only
 * beside another status column or an 逾期说明 column, since a county may name its status so.
 */
function withoutDerivedRoles(columns: { header: string; role: Role | null }[]): { header: string; role: Role | null }[] {
  const key = (h: string) => toSimplified(h.replace(/\s+/g, '')).toLowerCase()
  const reasonColumn = columns.some((c) => REASON_HEADERS.has(key(c.header)))
  return columns.map((c, i) => {
    const k = key(c.header)
    if (REASON_HEADERS.has(k)) return { ...c, role: null }
    const otherStatus = columns.some((o, j) => j !== i && o.role === 'status' && !STATE_HEADERS.has(key(o.header)))
    if (STATE_HEADERS.has(k) && (reasonColumn || otherStatus)) return { ...c, role: null }
    return c
  })
}
/**
 * Many counties call the progress column 完成情况, which rules §1 reads as the status. When the
 * sheet has no progress column and a status column holds prose (most of its cells longer than a
 * status word: `已完成`, `序时推进`, `完成60%`), it is the progress, or every task would read as
 * reporting nothing.
 */
function proseStatusAsProgress(columns: { header: string; role: Role | null }[], rows: readonly ImportedRow[]): { header: string; role: Role | null }[] {
  if (columns.some((c) => c.role === 'progress')) return columns
  const i = columns.findIndex((c, k) => c.role === 'status' && holdsProse(rows, k))
  return i < 0 ? columns : columns.map((c, k) => (k === i ? { ...c, role: 'progress' as const } : c))
}

/** Most non-empty data cells of column `k` are longer than any status word. */
function holdsProse(rows: readonly ImportedRow[], k: number): boolean {
  let filled = 0
  let long = 0
  for (const row of rows) {
    if (row.kind !== 'data') continue
    const text = row.cells[k]?.trim() ?? ''
    if (!text) continue
    filled++
    if (Array.from(text).length > PROSE_LENGTH) long++
  }
  return filled > 0 && long * 2 > filled
}
/** Longer than the longest status words (`未达到序时进度要求`, `完成年度任务的60%`). */
const PROSE_LENGTH = 15

const REASON_HEADERS = new Set(['逾期说明', 'overduenotes'])
const STATE_HEADERS = new Set(['状态', 'state'])

function hasTaskColumns(roles: readonly (Role | null)[]): boolean {
  const distinct = new Set(roles.filter(Boolean))
  return distinct.has('task') || ((distinct.has('schedule') || distinct.has('progress')) && distinct.size >= 2)
}

/** The text of the footer rows, one line each. */
function footerLines(rows: readonly ImportedSheet['rows'][number][]): string[] {
  const lines: string[] = []
  for (const row of rows) if (row.kind === 'footer') lines.push(row.cells.filter(Boolean).join(' '))
  return lines
}

/**
 * Reads a raw grid as a task table. `headerRows` overrides the detection (the clerk's
 * choice); without it, the row naming the most roles is the header, extended over the
 * rows its merged cells join (at most three).
 */
export function interpretSheet(raw: RawSheet, fileName: string, headerRows?: readonly number[]): ImportedSheet {
  const g = new Grid(raw)
  const chosen = headerRows ? [...new Set(headerRows)].filter((r) => r >= 0 && r < g.rows).sort((a, b) => a - b) : findHeaderRows(g)
  const top = chosen[0] ?? 0
  const bodyStart = chosen.length ? chosen[chosen.length - 1]! + 1 : 0
  const [c0, c1] = columnRange(g, chosen.length ? top : 0)
  const width = c1 - c0 + 1
  const { title, preamble } = chosen.length ? titleAndPreamble(g, top) : { title: null, preamble: [] }
  const columns = withoutDerivedRoles(Array.from({ length: width }, (_, i) => {
    if (!chosen.length) return { header: columnLetter(c0 + i), role: null }
    const header = headerParts(g, chosen, c0 + i).join('/')
    return { header, role: header ? detectRole(header) : null }
  }))
  const year = documentYear(title, fileName) ?? documentYear(raw.name, null)
  const rows = width > 0 ? bodyRows(g, bodyStart, c0, c1, chosen) : []
  // A period in the title wins (一季度 → 03-31); else a 填报日期/截至 line above the header, else
  // one in the footer below the table (where some counties put 填报日期).
  const fromTitle = suggestAsOf(title, year) ?? suggestAsOf(raw.name, year)
  const fromLines = fromTitle ? null : reportDateIn(preamble, year) ?? reportDateIn(footerLines(rows), year)
  const suggestedAsOf = fromTitle ?? fromLines?.date ?? null
  const suggestedAsOfFrom = fromTitle ? (suggestAsOf(title, year) ? title : raw.name) : fromLines?.words ?? null
  const sheet: ImportedSheet = {
    name: raw.name,
    title,
    headerRows: chosen,
    columns: proseStatusAsProgress(columns, rows),
    rows,
    year,
    suggestedAsOf,
    suggestedAsOfFrom,
    preamble,
    header: chosen.length ? headerGrid(g, chosen, c0, c1) : { rows: [], merges: [] },
    hasTaskTable: chosen.length > 0 && hasTaskColumns(columns.map((c) => c.role)),
  }
  if (!chosen.length) sheet.needsHeaderChoice = true
  rememberGrid(sheet, raw)
  return sheet
}

/**
 * The clerk picked the header row(s) by hand: read the same grid again with them. The page asks
 * the worker, which keeps the grids (KeptRead.reinterpret); exported for tests and outside checks.
 */
export function reinterpretSheet(raw: RawSheet, headerRows: readonly number[], fileName = ''): ImportedSheet {
  return interpretSheet(raw, fileName, headerRows)
}

/** True when the grid has any text at all. */
export function hasContent(raw: RawSheet): boolean {
  return raw.cells.some((row) => row.some(Boolean))
}
