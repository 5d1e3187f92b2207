// The one reader of HTML tables (pasted clipboard HTML, saved web pages, "xls" files that are really HTML):
// pure TS, no DOM (runs in Node, the worker and the page), linear in the input and bounded in what it builds.

/** Caps on the grid a table may produce; a span or a cell past them is refused (or cut, for a paste). */
export interface TableLimits { maxRows: number; maxColumns: number; maxCells: number; maxRowspan: number; maxColspan: number }

export const DEFAULT_TABLE_LIMITS: TableLimits = { maxRows: 200_000, maxColumns: 1024, maxCells: 2_000_000, maxRowspan: 1000, maxColspan: 200 }

/** A table that would be larger than the limits: what overflowed and by how much. */
export class TableTooLarge extends Error {
  constructor(readonly what: 'columns' | 'rows' | 'cells', readonly found: number, readonly rows: number, readonly columns: number) {
    super(`html table: ${found} ${what}`)
    this.name = 'TableTooLarge'
  }
}

/** A merged range, 0-based and inclusive. */
export interface TableMerge { r0: number; c0: number; r1: number; c1: number }

export interface HtmlTable {
  /** Cell texts; a merged range's text sits in its top-left cell, the rest are ''. Rectangular. */
  cells: string[][]
  merges: TableMerge[]
  /** The last short line of text just above the table (a page's title for it), or ''. */
  before: string
  caption: string
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003',
  thinsp: '\u2009', hellip: '…', mdash: '—', ndash: '–', ldquo: '“', rdquo: '”', lsquo: '‘',
  rsquo: '’', middot: '·', times: '×', divide: '÷', copy: '©', reg: '®', yen: '¥', deg: '°',
  plusmn: '±', permil: '‰', bull: '•', laquo: '«', raquo: '»', shy: '', le: '≤', ge: '≥',
}
/** Without the semicolon only these are entities, as browsers read `&nbsp` or `&amp`. */
const BARE_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp'])

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(/&(#x[0-9a-f]{1,8}|#[0-9]{1,8}|[a-z]{1,10});?/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    const named = NAMED_ENTITIES[name.toLowerCase()]
    return named !== undefined && (whole.endsWith(';') || BARE_ENTITIES.has(name.toLowerCase())) ? named : whole
  })
}

interface HtmlTag { name: string; closing: boolean; attrs: string }
type HtmlToken = { tag: HtmlTag } | { text: string }

/** Elements whose content is no text a clerk sees. */
const SKIPPED = new Set(['script', 'style', 'title', 'template', 'noscript'])

/**
 * Splits HTML into tags and text; comments, doctype and Office's `<![if …]>` vanish. Every
 * search moves forward from where the last one stopped, so an unclosed `<!--` or `<script>`
 * (repeated 100,000 times) costs one pass, not one pass each.
 */
function* tokenizeHtml(html: string): Generator<HtmlToken> {
  let i = 0
  const n = html.length
  const closers = new Map<string, RegExp>()
  while (i < n) {
    const lt = html.indexOf('<', i)
    if (lt === -1) { yield { text: html.slice(i) }; return }
    if (lt > i) yield { text: html.slice(i, lt) }
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4)
      i = end === -1 ? n : end + 3
      continue
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      const end = html.indexOf('>', lt)
      i = end === -1 ? n : end + 1
      continue
    }
    const m = /^<(\/?)([a-zA-Z][\w:-]{0,40})/.exec(html.slice(lt, lt + 48))
    if (!m) { yield { text: '<' }; i = lt + 1; continue }
    // The tag ends at the first `>` outside a quoted attribute value.
    let j = lt + m[0].length
    let quote = ''
    while (j < n) {
      const ch = html[j]
      if (quote) { if (ch === quote) quote = '' } else if (ch === '"' || ch === "'") quote = ch
      else if (ch === '>') break
      j += 1
    }
    const name = (m[2] ?? '').toLowerCase()
    yield { tag: { name, closing: m[1] === '/', attrs: html.slice(lt + m[0].length, j) } }
    i = j + 1
    if (!m[1] && SKIPPED.has(name)) {
      let closer = closers.get(name)
      if (!closer) { closer = new RegExp(`</${name}`, 'gi'); closers.set(name, closer) }
      closer.lastIndex = i
      const close = closer.exec(html)
      i = close ? close.index : n
    }
  }
}

function spanAttr(attrs: string, name: string, max: number): number {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*["']?\\s*(\\d{1,9})`, 'i').exec(attrs)
  const value = m ? parseInt(m[1] ?? '1', 10) : 1
  // rowspan=0 ("to the end") and absurd spans are read as 1 and capped, so one tag cannot claim millions of cells.
  return Math.max(1, Math.min(value || 1, max))
}

const BLOCK_TAGS = new Set(['p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'section', 'article'])
/** Line breaks inside a cell are carried as U+2028 until white space is collapsed. */
const BREAK = '\u2028'

/**
 * A cell's source text as a browser shows it: runs of source white space become one space,
 * explicit breaks (<br>, block ends) become `\n`, each line is trimmed, &nbsp; is a space,
 * and a cell of nothing but spaces (web pages fill empty cells with &nbsp;) is empty.
 */
export function collapseHtmlWhitespace(raw: string): string {
  const text = raw
    .replace(/[ \t\r\n\f]+/g, ' ')
    .replace(/\u2028/g, '\n')
    .split('\n')
    .map((line) => line.replace(/^ +| +$/g, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '')
    .replace(/\n{2,}/g, '\n')
    .replace(/\u00a0/g, ' ')
  return text.trim() === '' ? '' : text
}

interface SourceCell { text: string; rowspan: number; colspan: number }
interface SourceTable { rows: SourceCell[][]; before: string; caption: string }

/** Places the cells on a grid (spans skip taken slots), checking the size before each cell is laid. */
function placeTable(source: SourceTable, limits: TableLimits, clip: boolean): HtmlTable {
  let rowCount = Math.min(source.rows.length, limits.maxRows)
  const grid: (string | undefined)[][] = Array.from({ length: rowCount }, () => [])
  const merges: TableMerge[] = []
  let width = 0
  for (let r = 0; r < rowCount; r++) {
    const row = grid[r]!
    let c = 0
    for (const cell of source.rows[r]!) {
      while (row[c] !== undefined) c++
      // As in a browser, a rowspan stops at the table's last row.
      const rowspan = Math.min(cell.rowspan, rowCount - r)
      let colspan = cell.colspan
      const right = c + colspan
      if (right > limits.maxColumns || rowCount * Math.max(width, right) > limits.maxCells) {
        if (!clip) {
          const columns = Math.max(width, right)
          throw right > limits.maxColumns ? new TableTooLarge('columns', right, rowCount, columns) : new TableTooLarge('cells', rowCount * columns, rowCount, columns)
        }
        const room = Math.min(limits.maxColumns, Math.floor(limits.maxCells / rowCount))
        if (c >= room) break
        colspan = room - c
      }
      for (let dr = 0; dr < rowspan; dr++) {
        const target = grid[r + dr]!
        for (let dc = 0; dc < colspan; dc++) if (target[c + dc] === undefined) target[c + dc] = ''
      }
      row[c] = collapseHtmlWhitespace(cell.text)
      if (rowspan > 1 || colspan > 1) merges.push({ r0: r, c0: c, r1: r + rowspan - 1, c1: c + colspan - 1 })
      c += colspan
      width = Math.max(width, c)
    }
  }
  // An empty <tr> at the end is no row.
  while (rowCount > 0 && grid[rowCount - 1]!.length === 0) rowCount--
  const cells = grid.slice(0, rowCount).map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''))
  return { cells, merges, before: source.before, caption: collapseHtmlWhitespace(source.caption) }
}

/**
 * Every top-level <table> in the HTML, in order. A table inside a cell is part of that cell's
 * text (its cells separated by spaces, its rows by line breaks), as a clerk sees it pasted in
 * Excel; Excel's and WPS's hidden `display:none` width row is no row. `clip` cuts a table at
 * the limits (a paste, which is cut to the view anyway) instead of throwing TableTooLarge.
 */
export function readHtmlTables(html: string, limits: TableLimits = DEFAULT_TABLE_LIMITS, clip = false): HtmlTable[] {
  const tables: HtmlTable[] = []
  let source: SourceTable | null = null
  let depth = 0
  let cell: SourceCell | null = null
  let inCaption = false
  let hiddenRow = false
  let outside = '' // text since the last table, for the title line above a table
  const breakLine = (): void => {
    if (!cell) return
    // Trailing white space is found by walking back, not by a regex anchored at the end (which
    // rescans the whole text each time: quadratic for 20,000 nested tables); the trimmed text is
    // kept, so the next walk back is short.
    let end = cell.text.length
    while (end > 0 && ' \t\r\n\f'.includes(cell.text[end - 1]!)) end--
    cell.text = cell.text.slice(0, end) + (end > 0 && cell.text[end - 1] !== BREAK ? BREAK : '')
  }
  const closeCell = (): void => {
    if (cell && source) source.rows[source.rows.length - 1]!.push(cell)
    cell = null
  }
  const finishTable = (): void => {
    closeCell()
    if (source) tables.push(placeTable(source, limits, clip))
    source = null
  }
  for (const token of tokenizeHtml(html)) {
    if ('text' in token) {
      if (depth === 0) outside += token.text
      else if (inCaption && depth === 1 && source) source.caption += decodeEntities(token.text)
      else if (cell) cell.text += decodeEntities(token.text)
      continue
    }
    const { name, closing, attrs } = token.tag
    if (name === 'table') {
      if (!closing) {
        depth += 1
        if (depth === 1) {
          const lines = collapseHtmlWhitespace(decodeEntities(outside)).split('\n').filter((l) => l.trim())
          const before = lines[lines.length - 1] ?? ''
          source = { rows: [], before: before.length <= 80 ? before : '', caption: '' }
          outside = ''
        } else breakLine()
      } else if (depth > 0) {
        depth -= 1
        if (depth === 0) finishTable()
        else breakLine()
      }
      continue
    }
    if (depth === 0) {
      if (name === 'br' || BLOCK_TAGS.has(name) || name === 'tr') outside += '\n'
      continue
    }
    if (depth > 1) {
      if (name === 'br' || name === 'tr' || BLOCK_TAGS.has(name)) breakLine()
      else if ((name === 'td' || name === 'th') && !closing && cell && !/[\s\u2028]$/.test((cell as SourceCell).text)) (cell as SourceCell).text += ' '
      continue
    }
    const table = source as SourceTable | null
    if (!table) continue
    if (name === 'tr') {
      closeCell()
      hiddenRow = !closing && /display\s*:\s*none/i.test(attrs)
      if (!closing && !hiddenRow) {
        // Rows past the limit are never collected: a paste is cut there, an import refused.
        if (table.rows.length >= limits.maxRows) {
          if (!clip) throw new TableTooLarge('rows', table.rows.length + 1, table.rows.length + 1, 0)
          hiddenRow = true
        } else table.rows.push([])
      }
      continue
    }
    if (hiddenRow) continue
    switch (name) {
      case 'caption': inCaption = !closing; break
      case 'td': case 'th':
        closeCell()
        if (closing) break
        if (!table.rows.length) table.rows.push([])
        // A row of more cells than columns allowed is refused (or cut) before they are collected.
        if (table.rows[table.rows.length - 1]!.length >= limits.maxColumns) {
          if (!clip) throw new TableTooLarge('columns', limits.maxColumns + 1, table.rows.length, limits.maxColumns + 1)
          break
        }
        cell = { text: '', rowspan: spanAttr(attrs, 'rowspan', limits.maxRowspan), colspan: spanAttr(attrs, 'colspan', limits.maxColspan) }
        break
      case 'br': if (cell) (cell as SourceCell).text += BREAK; break
      default: if (BLOCK_TAGS.has(name)) breakLine()
    }
  }
  // An unclosed table (a truncated page or a clipboard fragment) still counts.
  finishTable()
  return tables
}
