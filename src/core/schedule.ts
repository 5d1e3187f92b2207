// Reading a schedule cell (rules §3–4): its milestones and the due date each one names.
import { readDue } from './dates'
import { splitCell, type CellPart, type CellSplit } from './numbering'
import { foldText } from './text'
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

/** The split of a schedule cell together with its milestones; assess reuses the split for progress. */
export function readSchedule(text: string, ctx: ScheduleContext): { split: CellSplit; milestones: Milestone[] } {
  const split = splitCell(text, foldText(text))
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
