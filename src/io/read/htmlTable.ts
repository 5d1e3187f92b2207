// HTML tables (saved web pages, "xls" files that are really HTML, pasted clipboard HTML) to raw grids, without a DOM.
import { cleanCellText, type CellMerge, type RawSheet } from './rawSheet'

/*
 * A Web Worker has no DOMParser, so this is a small tokenizer: tags, comments and text.
 * It knows only what a table needs: tr/td/th with rowspan/colspan, <br> and block ends as
 * line breaks, entities, and skipping script/style. Nested tables are read as text of
 * the outer cell, which is how a clerk sees them when pasting into Excel.
 */

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’',
  middot: '·', mdash: '—', ndash: '–', hellip: '…', times: '×', divide: '÷', yen: '¥', deg: '°', plusmn: '±',
  le: '≤', ge: '≥', copy: '©', reg: '®', emsp: ' ', ensp: ' ', thinsp: ' ', bull: '•', permil: '‰',
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole
  })
}

function attribute(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs)
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : null
}

function span(attrs: string, name: 'rowspan' | 'colspan'): number {
  const n = parseInt(attribute(attrs, name) ?? '1', 10)
  // A huge span is a typo or an attack (a million cells from one tag): cap at what a task list needs.
  return Number.isFinite(n) && n >= 1 ? Math.min(n, name === 'rowspan' ? 1000 : 200) : 1
}

const BLOCK_TAGS = new Set(['p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table', 'ul', 'ol'])

interface TableBuild { rows: { cells: { text: string; rowspan: number; colspan: number }[] }[]; caption: string; before: string }

/** Collapses HTML white space inside text runs; explicit breaks (<br>, block ends) arrive as `\n`. */
function collapse(text: string): string {
  return text.split('\n').map((line) => line.replace(/[ \t\r\f\u00a0]+/g, ' ').trim()).join('\n').replace(/\n{2,}/g, '\n')
}

function placeTable(build: TableBuild, name: string): RawSheet {
  const cells: string[][] = []
  const merges: CellMerge[] = []
  const taken: boolean[][] = []
  const isTaken = (r: number, c: number): boolean => taken[r]?.[c] === true
  const prefix: string[] = []
  for (const t of [build.before, build.caption]) if (t.trim()) prefix.push(cleanCellText(collapse(t)))
  prefix.forEach((t) => { cells.push([t]); taken.push([true]) })
  const base = prefix.length
  build.rows.forEach((row, i) => {
    const r = base + i
    cells[r] ??= []
    let c = 0
    for (const cell of row.cells) {
      while (isTaken(r, c)) c++
      for (let dr = 0; dr < cell.rowspan; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) {
          (taken[r + dr] ??= [])[c + dc] = true
          ;(cells[r + dr] ??= [])[c + dc] ??= ''
        }
      }
      cells[r]![c] = cleanCellText(collapse(cell.text))
      if (cell.rowspan > 1 || cell.colspan > 1) merges.push({ r0: r, c0: c, r1: r + cell.rowspan - 1, c1: c + cell.colspan - 1 })
      c += cell.colspan
    }
  })
  // Rows spanned past the table's last <tr> were created by rowspan; sparse slots become ''.
  const filled = cells.map((row) => Array.from(row, (v) => v ?? ''))
  return { name, cells: filled, merges, source: { format: 'html' } }
}

/** Every table with at least two rows, as raw grids, each headed by the text just above it (a title). */
export function readHtmlTables(html: string, name = '表格'): RawSheet[] {
  const tables: TableBuild[] = []
  const stack: TableBuild[] = []
  let cell: { text: string; rowspan: number; colspan: number } | null = null
  let outside = '' // text since the last table, for the title line above a table
  let inCaption = false
  const token = /<!--[\s\S]*?-->|<(script|style|head|title)\b[^>]*>[\s\S]*?<\/\1\s*>|<(\/?)([a-zA-Z][a-zA-Z0-9:]*)([^>]*)>|([^<]+|<)/g
  const addText = (text: string): void => {
    if (inCaption && stack.length === 1) stack[0]!.caption += text
    else if (cell) cell.text += text
    else if (stack.length === 0) outside += text
  }
  for (let m = token.exec(html); m; m = token.exec(html)) {
    if (m[5] !== undefined) { addText(decodeEntities(m[5])); continue }
    const tag = m[3]?.toLowerCase()
    if (!tag) continue // comment or skipped element
    const closing = m[2] === '/'
    const attrs = m[4] ?? ''
    const top = stack[stack.length - 1]
    if (tag === 'br') { addText('\n'); continue }
    if (stack.length > 1 && tag !== 'table') {
      // Inside a nested table: its cells become lines of the outer cell's text.
      if (closing && (tag === 'td' || tag === 'th')) addText(' ')
      else if (closing && tag === 'tr') addText('\n')
      continue
    }
    if (tag === 'table') {
      if (!closing) {
        if (stack.length === 0) {
          const lines = collapse(outside).split('\n').filter((l) => l.trim())
          const before = lines[lines.length - 1] ?? ''
          stack.push({ rows: [], caption: '', before: before.length <= 80 ? before : '' })
          outside = ''
        } else {
          stack.push({ rows: [], caption: '', before: '' })
          addText('\n')
        }
      } else if (stack.length) {
        const done = stack.pop()!
        if (stack.length === 0) { if (cell) done.rows[done.rows.length - 1]?.cells.push(cell); cell = null; tables.push(done) }
      }
      continue
    }
    if (!top) { if (BLOCK_TAGS.has(tag)) outside += '\n'; continue }
    if (tag === 'caption') { inCaption = !closing; continue }
    if (tag === 'tr') {
      if (cell) { top.rows[top.rows.length - 1]?.cells.push(cell); cell = null }
      if (!closing) top.rows.push({ cells: [] })
      continue
    }
    if (tag === 'td' || tag === 'th') {
      if (cell) { top.rows[top.rows.length - 1]?.cells.push(cell); cell = null }
      if (!closing) {
        if (!top.rows.length) top.rows.push({ cells: [] })
        cell = { text: '', rowspan: span(attrs, 'rowspan'), colspan: span(attrs, 'colspan') }
      }
      continue
    }
    if (closing && BLOCK_TAGS.has(tag)) addText('\n')
  }
  // An unclosed table (a truncated page or a clipboard fragment) still counts.
  const open = stack[0]
  if (open) { if (cell) open.rows[open.rows.length - 1]?.cells.push(cell); tables.push(open) }
  const kept = tables.filter((t) => t.rows.length >= 2)
  return kept.map((t, i) => placeTable(t, kept.length > 1 ? `${name} ${i + 1}` : name))
}
