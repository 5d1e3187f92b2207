// Which row of a returned copy is which row of the master list: by the row id the export wrote,
// else by 序号 and task text, else by task text alone — each match with a confidence, and a
// match that could be one of several rows left to the clerk.
import { normalizeForMatch } from '../text'
import type { TaskColumn, TaskDocument, TaskRow } from '../document'

/** The header of the narrow hidden column the export writes each row's id into. */
export const ROW_ID_HEADER = '行标识'
/** A row id as written in the export: `JD:` and the row's id. */
export const ROW_ID_PATTERN = /^JD:([A-Za-z0-9_-]{4,64})$/

/**
 * The document's id as the export writes it into the workbook's properties (keywords): a returned
 * copy names the list it was cut from, whatever a unit did to its cells.
 */
export const DOCUMENT_ID_PREFIX = 'jindu-document:'
export const DOCUMENT_ID_PATTERN = /jindu-document:([A-Za-z0-9_-]{4,64})/

export function rowIdCell(rowId: string): string {
  return `JD:${rowId}`
}

/** `clerk`: the clerk chose the row among close candidates. */
export type MatchBy = 'id' | 'clerk' | 'seq-text' | 'text'

export interface RowMatch {
  masterRowId: string
  returnedRowId: string
  by: MatchBy
  /** 1 for an id or identical task text; below it, how alike the task texts are (0–1). */
  confidence: number
}

/** A returned row that could be any of several master rows: the clerk chooses. */
export interface AmbiguousMatch {
  returnedRowId: string
  candidates: { masterRowId: string; confidence: number }[]
}

/** Task text for comparing: width, punctuation, script and white space do not count. */
export function comparableText(text: string): string {
  return normalizeForMatch(text).replace(/[,.;:!?()、。，；：！？（）“”"'《》【】\-—·…]/g, '').toLowerCase()
}

function bigrams(text: string): Map<string, number> {
  const out = new Map<string, number>()
  for (let i = 0; i + 1 < text.length; i++) {
    const b = text.slice(i, i + 2)
    out.set(b, (out.get(b) ?? 0) + 1)
  }
  return out
}

/** Dice similarity of two texts' character pairs (0–1). */
export function similarity(a: string, b: string): number {
  if (a === b) return a ? 1 : 0
  if (a.length < 2 || b.length < 2) return 0
  return dice(bigrams(a), a.length, bigrams(b), b.length)
}

function dice(x: Map<string, number>, xLength: number, y: Map<string, number>, yLength: number): number {
  if (xLength < 2 || yLength < 2) return 0
  let shared = 0
  for (const [k, n] of x) shared += Math.min(n, y.get(k) ?? 0)
  return (2 * shared) / (xLength - 1 + yLength - 1)
}

/** The columns of a document that hold a row's id (the export's 行标识), if any. */
export function rowIdColumn(doc: Pick<TaskDocument, 'columns' | 'rows'>): TaskColumn | null {
  const byHeader = doc.columns.find((c) => comparableText(c.header) === ROW_ID_HEADER)
  if (byHeader) return byHeader
  // A unit may have renamed the header: a column whose every filled cell is an id is one.
  for (const c of doc.columns) {
    let ids = 0
    let other = 0
    for (const row of doc.rows) {
      const v = (row.cells[c.id] ?? '').trim()
      if (!v) continue
      if (ROW_ID_PATTERN.test(v)) ids++
      else other++
    }
    if (ids > 0 && other === 0) return c
  }
  return null
}

/** The text that names a row's task: its task columns joined, else its first long text. */
export function taskTextOf(doc: Pick<TaskDocument, 'columns'>, row: TaskRow): string {
  const parts = doc.columns.filter((c) => c.role === 'task').map((c) => row.cells[c.id] ?? '').filter((t) => t.trim())
  return parts.join('\n')
}

function seqOf(doc: Pick<TaskDocument, 'columns'>, row: TaskRow): string {
  const col = doc.columns.find((c) => c.role === 'seq')
  return col ? (row.cells[col.id] ?? '').trim() : ''
}

/** How alike two rows' task texts must be to match without an id. */
const SEQ_TEXT_THRESHOLD = 0.55
const TEXT_THRESHOLD = 0.75
/** Two candidates this close in confidence are too close to choose between. */
const AMBIGUITY_MARGIN = 0.06

export interface RowMatching { matches: RowMatch[]; ambiguous: AmbiguousMatch[]; unmatched: string[] }

/**
 * The clerk's answers for rows that could be one of several: returned row id → master row id,
 * or null for "none of them" (the row is then new work the unit added).
 */
export type RowPairs = Readonly<Record<string, string | null>>

/**
 * What matching needs of the master, worked out once for all the copies of a merge: its data
 * rows, their comparable task texts and 序号, the rows under each text, and (as needed) each
 * text's character pairs.
 */
export interface PreparedMaster {
  rows: TaskRow[]
  ids: Set<string>
  texts: Map<string, string>
  seqs: Map<string, string>
  byText: Map<string, string[]>
  pairs: Map<string, Map<string, number>>
}

export function prepareMaster(master: TaskDocument): PreparedMaster {
  const rows = master.rows.filter((r) => r.kind === 'data')
  const texts = new Map(rows.map((r) => [r.id, comparableText(taskTextOf(master, r))]))
  const byText = new Map<string, string[]>()
  for (const r of rows) {
    const text = texts.get(r.id)!
    if (text) byText.set(text, [...(byText.get(text) ?? []), r.id])
  }
  return { rows, ids: new Set(rows.map((r) => r.id)), texts, seqs: new Map(rows.map((r) => [r.id, seqOf(master, r)])), byText, pairs: new Map() }
}

/** Matches the data rows of a returned copy to the master's data rows. */
export function matchRows(master: TaskDocument, returned: TaskDocument, pairs: RowPairs = {}, prepared: PreparedMaster = prepareMaster(master)): RowMatching {
  const { rows: masterRows, ids: masterIds, texts, seqs, byText, pairs: pairsOf } = prepared
  const idColumn = rowIdColumn(returned)
  const taken = new Set<string>()
  const matches: RowMatch[] = []
  const ambiguous: AmbiguousMatch[] = []
  const unmatched: string[] = []
  const pending: TaskRow[] = []

  // First every row whose id survived: those are certain, and take their master rows out.
  for (const row of returned.rows) {
    if (row.kind !== 'data') continue
    const id = idColumn ? ROW_ID_PATTERN.exec((row.cells[idColumn.id] ?? '').trim())?.[1] : undefined
    if (id && masterIds.has(id) && !taken.has(id)) {
      taken.add(id)
      matches.push({ masterRowId: id, returnedRowId: row.id, by: 'id', confidence: 1 })
    } else pending.push(row)
  }

  // Then the clerk's answers: a chosen row is certain; "none of them" leaves the row unmatched.
  const unanswered: TaskRow[] = []
  for (const row of pending) {
    if (!Object.hasOwn(pairs, row.id)) { unanswered.push(row); continue }
    const chosen = pairs[row.id]
    if (chosen && masterIds.has(chosen) && !taken.has(chosen)) {
      taken.add(chosen)
      matches.push({ masterRowId: chosen, returnedRowId: row.id, by: 'clerk', confidence: 1 })
    } else if (chosen === null) unmatched.push(row.id)
    else unanswered.push(row)
  }

  // Identical task texts next: the usual case, and cheap. One such master row is the row; several
  // are told apart by 序号, else the clerk chooses.
  const fuzzy: { row: TaskRow; text: string; seq: string }[] = []
  for (const row of unanswered) {
    const text = comparableText(taskTextOf(returned, row))
    if (!text) { unmatched.push(row.id); continue }
    const seq = seqOf(returned, row)
    const same = (byText.get(text) ?? []).filter((id) => !taken.has(id))
    if (!same.length) { fuzzy.push({ row, text, seq }); continue }
    const sameSeq = seq ? same.filter((id) => seqs.get(id) === seq) : []
    const chosen = same.length === 1 ? same[0]! : sameSeq.length === 1 ? sameSeq[0]! : null
    if (!chosen) {
      ambiguous.push({ returnedRowId: row.id, candidates: same.map((masterRowId) => ({ masterRowId, confidence: 1 })) })
      continue
    }
    taken.add(chosen)
    matches.push({ masterRowId: chosen, returnedRowId: row.id, by: seq && seqs.get(chosen) === seq ? 'seq-text' : 'text', confidence: 1 })
  }

  // Then reworded rows, by how alike their character pairs are (each master text's pairs counted once).
  for (const { row, text, seq } of fuzzy) {
    const mine = bigrams(text)
    const scored: { masterRowId: string; confidence: number; by: MatchBy }[] = []
    for (const m of masterRows) {
      if (taken.has(m.id)) continue
      const other = texts.get(m.id)!
      const sameSeq = seq !== '' && seq === seqs.get(m.id)
      const threshold = sameSeq ? SEQ_TEXT_THRESHOLD : TEXT_THRESHOLD
      // Texts of very different lengths cannot reach the threshold: skip them without counting.
      if ((2 * Math.min(text.length, other.length) - 2) / (text.length + other.length - 2) < threshold) continue
      let theirs = pairsOf.get(m.id)
      if (!theirs) pairsOf.set(m.id, theirs = bigrams(other))
      const s = dice(mine, text.length, theirs, other.length)
      if (s >= threshold) scored.push({ masterRowId: m.id, confidence: Math.min(1, s + (sameSeq ? 0.05 : 0)), by: sameSeq ? 'seq-text' : 'text' })
    }
    scored.sort((a, b) => b.confidence - a.confidence)
    const best = scored[0]
    if (!best) { unmatched.push(row.id); continue }
    const rivals = scored.filter((c) => best.confidence - c.confidence < AMBIGUITY_MARGIN)
    if (rivals.length > 1) {
      ambiguous.push({ returnedRowId: row.id, candidates: rivals.map((c) => ({ masterRowId: c.masterRowId, confidence: round(c.confidence) })) })
      continue
    }
    taken.add(best.masterRowId)
    matches.push({ masterRowId: best.masterRowId, returnedRowId: row.id, by: best.by, confidence: round(best.confidence) })
  }
  return { matches, ambiguous, unmatched }
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}
