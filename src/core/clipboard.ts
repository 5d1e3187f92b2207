// Clipboard formats as Excel and WPS write them (TSV and HTML tables), and turning a pasted block into a command.
import { newId, type TaskDocument, type TaskRow } from './document'
import type { CellChange, DocCommand } from './commands'

// --- TSV ---

/**
 * Reads Excel/WPS text/plain: tab-separated cells, rows ending in \r\n (or \n, \r); a cell that
 * starts with `"` is quoted and may hold tabs, line breaks and doubled quotes. The one line
 * break Excel puts after the last row is not a row.
 */
export function parseTsv(text: string): string[][] {
  if (text === '') return []
  const rows: string[][] = []
  let row: string[] = []
  let i = 0
  const n = text.length
  let atCellStart = true
  let cell = ''
  const endCell = () => { row.push(cell); cell = ''; atCellStart = true }
  const endRow = () => { endCell(); rows.push(row); row = [] }
  while (i < n) {
    const ch = text[i] as string
    if (atCellStart && ch === '"') {
      // Quoted cell: runs to the quote not doubled; what follows up to the separator is kept literally.
      const start = i
      i += 1
      let closed = false
      while (i < n) {
        const q = text[i] as string
        if (q === '"') {
          if (text[i + 1] === '"') { cell += '"'; i += 2; continue }
          i += 1
          closed = true
          break
        }
        cell += q
        i += 1
      }
      if (!closed) {
        // A quote never closed was a literal quote, not quoting (Excel reads `"abc` as it is).
        i = start + 1
        cell = '"'
      }
      atCellStart = false
      continue
    }
    atCellStart = false
    if (ch === '\t') { endCell(); i += 1; continue }
    if (ch === '\r' || ch === '\n') {
      endRow()
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1
      if (i >= n) break
      continue
    }
    cell += ch
    i += 1
  }
  // Text that does not end in a line break still ends its last row.
  if (!atCellStart || cell !== '' || row.length > 0 || !/[\r\n]$/.test(text)) endRow()
  return rows.map((r) => r.map((c) => c.replace(/\r\n?/g, '\n')))
}

/**
 * The cells of one `| a | b |` row as split at its bars: the outer bars open and close the row,
 * they are not empty cells. Null for a Markdown rule line (`|---|:--|`), which is no row.
 * The one reading of a bar row, for pasted text and for text files alike.
 */
export function barRowCells(row: string[]): string[] | null {
  if (row.length > 1 && row[row.length - 1]!.trim() === '') row = row.slice(0, -1)
  if (row.length > 1 && row[0]!.trim() === '') row = row.slice(1)
  if (row.length > 1 && row.every((c) => /^\s*:?-{2,}:?\s*$/.test(c))) return null
  return row
}

/**
 * A text table copied from a web page (`1 | 启动新安综合体建设。 | ①2月上旬前…`): every line holds
 * a `|`, cells are trimmed (see barRowCells for the outer bars and rule lines).
 * Null when the text is no such table (a single line is taken for one cell's text).
 */
export function parseBarTable(text: string): string[][] | null {
  if (text.includes('\t')) return null
  const lines = text.split(/\r\n?|\n/).filter((line) => line.trim())
  // One line with a bar is more likely a cell's own text (`A|B`) than a table.
  if (lines.length < 2 || !lines.every((line) => line.includes('|'))) return null
  const rows: string[][] = []
  for (const line of lines) {
    const cells = barRowCells(line.split('|'))
    if (cells) rows.push(cells.map((cell) => cell.trim()))
  }
  return rows.length > 0 && rows.some((row) => row.length > 1) ? rows : null
}

/** Plain text from the clipboard: a text table with bars, else Excel/WPS tab-separated text. */
export function parsePlainText(text: string): string[][] {
  return parseBarTable(text) ?? parseTsv(text)
}

function quoteTsvCell(cell: string): string {
  return /[\t\n\r"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell
}

/** Writes a block as Excel writes it: \r\n after every row, cells quoted when they need it. */
export function toTsv(grid: readonly (readonly string[])[]): string {
  return grid.map((row) => row.map(quoteTsvCell).join('\t') + '\r\n').join('')
}

// --- HTML ---

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

function htmlCell(tag: 'td' | 'th', text: string): string {
  // Excel splits a pasted cell at <br> into rows unless told the break stays in the cell.
  const body = text.split('\n').map(escapeHtml).join('<br style="mso-data-placement:same-cell">')
  return `<${tag}>${body}</${tag}>`
}

/**
 * A block as an HTML table for text/html. Cells are marked as text for Excel (mso-number-format
 * \@), so 001 or 2024-03-31 arrive as typed instead of becoming a number or a date.
 */
export function toHtmlTable(grid: readonly (readonly string[])[], headers?: readonly string[]): string {
  const style = '<style>td,th{mso-number-format:"\\@";white-space:pre-wrap;vertical-align:top}br{mso-data-placement:same-cell}</style>'
  const head = headers && headers.length ? `<thead><tr>${headers.map((h) => htmlCell('th', h)).join('')}</tr></thead>` : ''
  const body = `<tbody>${grid.map((row) => `<tr>${row.map((c) => htmlCell('td', c)).join('')}</tr>`).join('')}</tbody>`
  return `<meta charset="utf-8">${style}<table>${head}${body}</table>`
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003',
  thinsp: '\u2009', hellip: '…', mdash: '—', ndash: '–', ldquo: '“', rdquo: '”', lsquo: '‘',
  rsquo: '’', middot: '·', times: '×', divide: '÷', copy: '©', reg: '®', yen: '¥', deg: '°',
  plusmn: '±', permil: '‰', bull: '•', laquo: '«', raquo: '»', shy: '',
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    const named = NAMED_ENTITIES[name.toLowerCase()]
    // Without the semicolon only the common ones are entities (as browsers read `&nbsp` or `&amp`).
    return named !== undefined && (whole.endsWith(';') || ['amp', 'lt', 'gt', 'quot', 'nbsp'].includes(name.toLowerCase())) ? named : whole
  })
}

interface HtmlTag { name: string; closing: boolean; attrs: string }

type HtmlToken = { tag: HtmlTag } | { text: string }

/** Splits HTML into tags and text; comments, doctype and Office's `<![if …]>` vanish. */
function* tokenizeHtml(html: string): Generator<HtmlToken> {
  let i = 0
  const n = html.length
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
    const m = /^<(\/?)([a-zA-Z][\w:-]*)/.exec(html.slice(lt, lt + 64))
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
    if (!m[1] && (name === 'style' || name === 'script' || name === 'title')) {
      // Their content is not text a clerk sees.
      const close = html.toLowerCase().indexOf(`</${name}`, i)
      i = close === -1 ? n : close
    }
  }
}

function spanAttr(attrs: string, name: string): number {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*["']?\\s*(\\d+)`, 'i').exec(attrs)
  const value = m ? parseInt(m[1] ?? '1', 10) : 1
  // rowspan=0 ("to the end") and absurd spans are read as 1 and capped, so a bad page cannot blow up memory.
  return Math.max(1, Math.min(value || 1, 1000))
}

const BLOCK_TAGS = new Set(['p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'section', 'article'])

/** Collapses source whitespace as a browser shows it; keeps &nbsp; and intended line breaks. */
function finishCellText(raw: string): string {
  const text = raw
    .replace(/[ \t\r\n\f]+/g, ' ')
    .replace(/\u2028/g, '\n')
    .split('\n')
    .map((line) => line.replace(/^ +| +$/g, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '')
    .replace(/\u00a0/g, ' ')
  // Web pages fill empty cells with &nbsp;: a cell of nothing but spaces is empty.
  return text.trim() === '' ? '' : text
}

/**
 * Reads the first <table> of text/html from Excel, WPS or a web page into a rectangular grid,
 * without a DOM (runs in Node and workers). Like the importer, a rowspan copies the text into
 * every row it covers (a 牵头单位 merged over several tasks belongs to each), while a colspan
 * leaves the covered cells to its right empty (a label merged across belongs to its first column).
 */
export function parseHtmlTable(html: string): string[][] {
  const grid: string[][] = []
  const taken: boolean[][] = []
  let depth = 0
  let row = -1
  let col = 0
  let cell: { text: string; rowspan: number; colspan: number } | null = null
  let inCaption = false
  let hiddenRow = false
  // Line breaks inside a cell are carried as U+2028 until whitespace is collapsed.
  const BREAK = '\u2028'
  // A block boundary starts a new line unless one just started (source whitespace in between aside).
  const breakLine = () => {
    if (!cell) return
    const text = cell.text.replace(/[ \t\r\n\f]+$/, '')
    if (text && !text.endsWith(BREAK)) cell.text = text + BREAK
  }

  const place = (c: { text: string; rowspan: number; colspan: number }) => {
    const text = finishCellText(c.text)
    while (taken[row]?.[col]) col += 1
    for (let dr = 0; dr < c.rowspan; dr += 1) {
      const r = row + dr
      grid[r] ??= []
      taken[r] ??= []
      for (let dc = 0; dc < c.colspan; dc += 1) {
        ;(grid[r] as string[])[col + dc] = dc === 0 ? text : ''
        ;(taken[r] as boolean[])[col + dc] = true
      }
    }
    col += c.colspan
  }
  const closeCell = () => { if (cell) { place(cell); cell = null } }
  const openRow = () => { closeCell(); row += 1; col = 0; grid[row] ??= []; taken[row] ??= [] }

  for (const token of tokenizeHtml(html)) {
    if ('text' in token) {
      if (depth >= 1 && cell && !inCaption) cell.text += decodeEntities(token.text)
      continue
    }
    const { name, closing, attrs } = token.tag
    if (name === 'table') {
      if (!closing) {
        depth += 1
        // A table inside a cell is part of that cell's text.
        if (depth > 1) breakLine()
      } else if (depth > 0) {
        depth -= 1
        if (depth === 0) break
        breakLine()
      }
      continue
    }
    if (depth === 0) continue
    if (depth > 1) {
      if (name === 'br' || name === 'tr' || BLOCK_TAGS.has(name)) breakLine()
      else if ((name === 'td' || name === 'th') && !closing && cell) cell.text += ' '
      continue
    }
    if (name === 'tr') {
      closeCell()
      // Excel and WPS add a hidden `display:none` row to fix column widths; it is no row of data.
      hiddenRow = !closing && /display\s*:\s*none/i.test(attrs)
      if (!closing && !hiddenRow) openRow()
      continue
    }
    if (hiddenRow) continue
    switch (name) {
      case 'caption': inCaption = !closing; break
      case 'td': case 'th':
        if (closing) { closeCell(); break }
        if (row < 0) openRow()
        closeCell()
        cell = { text: '', rowspan: spanAttr(attrs, 'rowspan'), colspan: spanAttr(attrs, 'colspan') }
        break
      case 'br': if (cell) cell.text += BREAK; break
      default:
        if (BLOCK_TAGS.has(name)) breakLine()
    }
  }
  closeCell()
  const width = grid.reduce((w, r) => Math.max(w, r.length), 0)
  // As in a browser, a rowspan stops at the last row the table has; an empty <tr> is no row.
  return grid
    .slice(0, row + 1)
    .filter((r, i) => r.length > 0 || (taken[i]?.length ?? 0) > 0)
    .map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ''))
}

// --- Paste ---

/**
 * The command for pasting `grid` with its top-left at the focused cell: across the visible
 * columns (a block wider than the view is cut, as in Excel), down the visible rows, adding data
 * rows after the last visible row when the block runs past it. One command, so one undo step.
 */
export function pasteCommand(
  doc: TaskDocument,
  grid: readonly (readonly string[])[],
  at: { rowId: string; colId: string },
  visibleColumnIds: readonly string[],
  visibleRowIds: readonly string[],
): DocCommand {
  const label = { zh: '粘贴', en: 'Paste' }
  const c0 = visibleColumnIds.indexOf(at.colId)
  const r0 = visibleRowIds.indexOf(at.rowId)
  if (c0 < 0 || r0 < 0 || grid.length === 0) return { kind: 'group', commands: [], label }
  const targetRows = visibleRowIds.slice(r0, r0 + grid.length)
  const commands: DocCommand[] = []
  const missing = grid.length - targetRows.length
  if (missing > 0) {
    const lastVisible = visibleRowIds[visibleRowIds.length - 1]
    const after = doc.rows.findIndex((r) => r.id === lastVisible)
    const used = new Set(doc.rows.map((r) => r.id))
    const rows: TaskRow[] = []
    for (let k = 0; k < missing; k += 1) {
      let id = newId('r')
      while (used.has(id)) id = newId('r')
      used.add(id)
      rows.push({ id, kind: 'data', cells: {} })
      targetRows.push(id)
    }
    commands.push({ kind: 'insertRows', index: after < 0 ? doc.rows.length : after + 1, rows })
  }
  const cells: CellChange[] = []
  grid.forEach((line, dr) => {
    const rowId = targetRows[dr]
    if (rowId === undefined) return
    line.forEach((value, dc) => {
      const colId = visibleColumnIds[c0 + dc]
      if (colId !== undefined) cells.push({ rowId, colId, value: value.replace(/\r\n?/g, '\n') })
    })
  })
  commands.push({ kind: 'setCells', cells })
  return { kind: 'group', commands, label }
}
