// Clipboard formats as Excel and WPS write them (TSV and HTML tables), and turning a pasted block into a command.
import { newId, type TaskDocument, type TaskRow } from './document'
import type { CellChange, DocCommand } from './commands'
import { DEFAULT_TABLE_LIMITS, readHtmlTables } from './htmlTable'

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

/**
 * Reads the first <table> of text/html from Excel, WPS or a web page into a rectangular grid,
 * with the importer's reader (core/htmlTable). A rowspan copies the text into every row it
 * covers (a 牵头单位 merged over several tasks belongs to each), while a colspan leaves the
 * covered cells to its right empty (a label merged across belongs to its first column). A table
 * past the limits is cut, as a paste wider than the view is.
 */
export function parseHtmlTable(html: string): string[][] {
  const table = readHtmlTables(html, DEFAULT_TABLE_LIMITS, true)[0]
  if (!table) return []
  const grid = table.cells
  for (const m of table.merges) {
    const text = grid[m.r0]![m.c0]!
    for (let r = m.r0 + 1; r <= m.r1; r++) grid[r]![m.c0] = text
  }
  return grid
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
