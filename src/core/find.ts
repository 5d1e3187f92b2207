// Find and replace over a document's cells, in document order; a bad pattern is a result, not a throw.
import type { TaskDocument } from './document'
import type { CellChange, DocCommand, Label } from './commands'

export interface FindOptions {
  matchCase?: boolean
  /** The whole cell must match, not a part of it. */
  wholeCell?: boolean
  /** The query is a JavaScript regular expression. */
  regex?: boolean
  /** Search only these columns (e.g. the visible ones); all columns when left out. */
  columnIds?: readonly string[]
}

export interface FindMatch {
  rowId: string
  colId: string
  /** Offset in the cell text, in UTF-16 code units (as JavaScript strings and the grid count). */
  start: number
  length: number
  /** The matched text: replace skips a match whose cell has changed since. */
  text?: string
  /** Regex capture groups ($1, $2, …), for the replacement. */
  groups?: (string | undefined)[]
}

export type FindResult =
  | { ok: true; matches: FindMatch[] }
  | { ok: false; matches: []; error: Label }

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function compile(query: string, options: FindOptions): RegExp | Label {
  const source = options.regex ? query : escapeRegex(query)
  const anchored = options.wholeCell ? `^(?:${source})$` : source
  const flags = options.matchCase ? 'g' : 'gi'
  try {
    // Unicode mode reads CJK extension characters whole; a pattern only valid without it still works.
    return new RegExp(anchored, flags + 'u')
  } catch {
    try {
      return new RegExp(anchored, flags)
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e)
      return { zh: `正则表达式有误：${detail}`, en: `Invalid regular expression: ${detail}` }
    }
  }
}

/** Every match, rows in document order, then columns in document order, then by offset. */
export function findMatches(doc: TaskDocument, query: string, options: FindOptions = {}): FindResult {
  if (query === '') return { ok: true, matches: [] }
  const pattern = compile(query, options)
  if (!(pattern instanceof RegExp)) return { ok: false, matches: [], error: pattern }
  const only = options.columnIds ? new Set(options.columnIds) : null
  const columns = doc.columns.filter((c) => !only || only.has(c.id))
  const matches: FindMatch[] = []
  for (const row of doc.rows) {
    for (const column of columns) {
      const text = row.cells[column.id]
      if (!text) continue
      for (const m of text.matchAll(pattern)) {
        // An empty match (`a*` on "b") finds nothing a clerk could see or replace.
        if (m[0].length === 0) continue
        const match: FindMatch = { rowId: row.id, colId: column.id, start: m.index, length: m[0].length, text: m[0] }
        if (options.regex) match.groups = m.slice(1)
        matches.push(match)
      }
    }
  }
  return { ok: true, matches }
}

/** `$1`…`$99`, `$&` and `$$` in a regex replacement, as String.prototype.replace reads them. */
function expand(replacement: string, match: FindMatch): string {
  if (!match.groups) return replacement
  const groups = match.groups
  return replacement.replace(/\$(\$|&|\d{1,2})/g, (whole, token: string) => {
    if (token === '$') return '$'
    if (token === '&') return match.text ?? whole
    const n = Number(token)
    if (n >= 1 && n <= groups.length) return groups[n - 1] ?? ''
    // `$12` with one group is `$1` then `2`, as in String.prototype.replace.
    const first = Number(token[0])
    if (token.length === 2 && first >= 1 && first <= groups.length) return (groups[first - 1] ?? '') + token[1]
    return whole
  })
}

/**
 * One replaceAll command for the given matches (one replace = one match). Matches whose cell no
 * longer holds the matched text there, or that overlap an earlier one, are skipped.
 */
export function replaceCommand(doc: TaskDocument, matches: readonly FindMatch[], replacement: string): DocCommand {
  const byCell = new Map<string, FindMatch[]>()
  for (const m of matches) {
    const key = `${m.rowId}\u0000${m.colId}`
    const list = byCell.get(key)
    if (list) list.push(m)
    else byCell.set(key, [m])
  }
  const rows = new Map(doc.rows.map((r) => [r.id, r]))
  const cells: CellChange[] = []
  for (const list of byCell.values()) {
    const first = list[0]
    if (!first) continue
    const original = rows.get(first.rowId)?.cells[first.colId]
    if (original === undefined) continue
    let text = original
    let end = Infinity
    // Right to left, so earlier offsets stay valid while later parts change.
    for (const m of [...list].sort((a, b) => b.start - a.start)) {
      const current = original.slice(m.start, m.start + m.length)
      if (m.start + m.length > end || m.start < 0 || (m.text !== undefined && current !== m.text)) continue
      text = text.slice(0, m.start) + expand(replacement, m) + text.slice(m.start + m.length)
      end = m.start
    }
    if (text !== original) cells.push({ rowId: first.rowId, colId: first.colId, value: text })
  }
  return { kind: 'replaceAll', cells }
}
