// Reading a schedule cell (rules §3–4): its milestones and the due date each one names.
import { readDue } from './dates'
import { splitCell, type CellPart, type CellSplit } from './numbering'
import { SPACE, charTable, foldText } from './text'
import type { Milestone, MonthBeforeReading } from './types'

export interface ScheduleContext {
  year: number
  /** How `N月前` is read (rules §4); by the end of month N unless the clerk switched it. */
  monthBefore?: MonthBeforeReading
}

/** One milestone read from a cell part. */
export function readMilestone(p: CellPart, ctx: ScheduleContext): Milestone {
  const reading = readDue(p.folded, ctx)
  // Nearly every milestone has due words: made with them (not added after) it needs no property backing store.
  const milestone: Milestone = reading.words !== undefined
    ? { index: p.index, text: p.text, due: reading.due, kind: reading.kind, dueWords: reading.words }
    : { index: p.index, text: p.text, due: reading.due, kind: reading.kind }
  if (reading.ambiguous) milestone.ambiguous = true
  if (reading.unreadable) milestone.unreadable = true
  return milestone
}

/**
 * Where an unnumbered cell's sentences end: a milestone's words run to one of these. The comma
 * and full stop are folded (`，` → `,`); `、` joins a list (`3月、6月底前分别…`), never splits it.
 */
const SENTENCE_END = charTable('。,!?\n')

/**
 * An unnumbered cell that names several due dates, one per sentence (`一季度完成立项。二季度完成
 *征收。`, `6月底前完成封顶,年底前竣工验收`), is one milestone per date (rules §3: a milestone
 * has at most one due date). It splits at the last sentence end before each later date; a date
 * with no sentence end before it (`3月、6月底前`) stays with the words before it (a `、` ends a step
 * only after the step's own words), and a cell with
 * a recurring time (`每月`) is left whole. Null when the cell names fewer than two dates.
 */
export function splitAtDates(part: CellPart, ctx: ScheduleContext): CellPart[] | null {
  const folded = part.folded
  if (folded.indexOf('每') >= 0) return null
  const first = readDue(folded, ctx)
  if (first.kind !== 'dated' || first.at === undefined || first.words === undefined) return null
  const cuts: number[] = []
  let from = first.at + first.words.length
  for (;;) {
    const next = readDue(folded.slice(from), ctx)
    if (next.kind !== 'dated' || next.at === undefined || next.words === undefined) break
    const at = from + next.at
    // A `、` ends the step only after the step's own words (`设计、6月…`, not `3月、6月…`).
    const words = firstWordAt(folded, from, at)
    let cut = at - 1
    while (cut >= from && SENTENCE_END[folded.charCodeAt(cut)] === 0 && !(folded.charCodeAt(cut) === 0x3001 /* 、 */ && words < cut)) cut--
    if (cut >= from) cuts.push(cut)
    from = at + next.words.length
  }
  if (cuts.length === 0) return null
  const parts: CellPart[] = []
  let start = 0
  for (const end of [...cuts, folded.length]) {
    const piece = trimmedPart(part, start, end, parts.length + 1)
    if (piece) parts.push(piece)
    start = end + 1
  }
  return parts.length > 1 ? parts : null
}

/** The first character from `from` (before `to`) that is not white space, else `to`. */
function firstWordAt(folded: string, from: number, to: number): number {
  let i = from
  while (i < to && SPACE[folded.charCodeAt(i)] === 1) i++
  return i
}

function trimmedPart(part: CellPart, from: number, to: number, index: number): CellPart | null {
  let start = from
  let end = to
  while (start < end && SENTENCE_END[part.folded.charCodeAt(start)] === 1) start++
  while (start < end && (SPACE[part.folded.charCodeAt(start)] === 1)) start++
  while (end > start && (SENTENCE_END[part.folded.charCodeAt(end - 1)] === 1 || SPACE[part.folded.charCodeAt(end - 1)] === 1)) end--
  if (start === end) return null
  return { index, text: part.text.slice(start, end), folded: part.folded.slice(start, end) }
}

/**
 * How a schedule cell splits into milestones (rules §3): its numbering, else its `;` segments,
 * each unnumbered piece cut once more where it names one due date per sentence. Where dates lie
 * does not depend on the year or the `N月前` reading, so any context finds the same pieces.
 */
export function splitSchedule(text: string, ctx: ScheduleContext = { year: 2000 }): CellSplit {
  const split = splitCell(text, foldText(text))
  // Numbered parts are the clerk's own milestones (progress answers them by number): only
  // unnumbered ones are split further.
  if (split.by === 'number') return split
  let parts: CellPart[] | null = null
  for (let i = 0; i < split.parts.length; i++) {
    const pieces = splitAtDates(split.parts[i]!, ctx)
    if (pieces && !parts) parts = split.parts.slice(0, i)
    if (parts) parts.push(...(pieces ?? [split.parts[i]!]))
  }
  // Pieces of one cell, like `;` segments: progress split the same way is read piece by piece.
  return parts ? { by: 'semicolon', parts: parts.map((p, i) => ({ ...p, index: i + 1 })) } : split
}

/** The split of a schedule cell together with its milestones; assess reuses the split for progress. */
export function readSchedule(text: string, ctx: ScheduleContext): { split: CellSplit; milestones: Milestone[] } {
  const split = splitSchedule(text, ctx)
  return { split, milestones: split.parts.map((p) => readMilestone(p, ctx)) }
}

/** Splits one schedule cell into milestones and reads their due dates. Never throws. */
export function parseSchedule(text: string, ctx: ScheduleContext): Milestone[] {
  if (typeof text !== 'string' || !text.trim()) return []
  try {
    return readSchedule(text, ctx).milestones
  } catch {
    // Never throw on clerk text: a cell we cannot read is one undated, unreadable milestone.
    return [{ index: 1, text: text.trim(), due: null, kind: 'undated', unreadable: true }]
  }
}
