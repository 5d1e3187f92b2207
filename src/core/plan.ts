// A task's plan: the milestones its schedule (or deadline, or task text) sets, read once and kept
// with the verdicts of rule 5 per progress text. assess.ts judges and states; this file reads.
import { readDue } from './dates'
import type { CellSplit } from './numbering'
import { NO_TARGETS, findTargets, type DoneVerdict } from './progress'
import { forgetStatusReadings } from './status'
import type { Quantity } from './quantities'
import type { DueSource } from './reasons'
import { readSchedule, type ScheduleContext } from './schedule'
import { foldText, isBlank } from './text'
import type { Milestone, MilestoneState, Reason, TaskFields } from './types'

export interface Planned {
  milestone: Milestone
  /**
   * The words the milestone is read from, folded: its cell part as split (a slice, no copy), or,
   * for an implicit milestone, the whole task it is read from (it is named by the first line).
   * Progress reads them for quantity targets and key words; folding them again per progress
   * text cost more on import than keeping them with the plan (plans are kept only when asked).
   */
  folded: string
  /**
   * The quantity targets the milestone's words set; unset until a progress part that can report
   * a quantity needs them (see targetsOf): most never do, and reading them is costly.
   */
  targets: readonly Quantity[] | undefined
  /** Why the due date is what it is: fixed for the plan, so kept with it. */
  dueReason: Reason | undefined
  /**
   * For the last milestone of a schedule, the task text: when its own words set no target, the
   * task's target is its target (rules §5: never a false done; `9月底前` under `改造老旧小区15个`
   * is not done by `已完成改造12个`). The last milestone finishes the task; earlier ones are steps.
   */
  taskText: string | undefined
}

/**
 * Made by newPlan only, every field set from the start: fields added later (the verdicts of the
 * first progress text) would give each plan a new hidden class and a property backing store.
 */
export interface Plan {
  source: DueSource
  /** How the schedule (or deadline) cell was split; progress is matched piece-wise only in kind. */
  by: 'number' | 'semicolon' | 'none'
  planned: Planned[]
  /**
   * Rule-5 verdicts kept per progress text, on the plan itself: the first progress text inline
   * (nearly every plan only ever sees one), further ones in a bounded map made when needed.
   */
  progress: string | undefined
  judged: Judged | undefined
  moreJudged: Map<string, Judged> | undefined
}

export function newPlan(source: DueSource, by: Plan['by'], planned: Planned[]): Plan {
  return { source, by, planned, progress: undefined, judged: undefined, moreJudged: undefined }
}

/** One planned milestone, every field set (see Plan). */
export function newPlanned(milestone: Milestone, targets: readonly Quantity[] | undefined, folded: string, taskText?: string): Planned {
  return { milestone, folded, targets, dueReason: undefined, taskText }
}

/** The targets of a planned milestone, read from its own words (else the task's, see taskText) on first need. */
export function targetsOf(p: Planned): readonly Quantity[] {
  if (p.targets !== undefined) return p.targets
  const own = findTargets(p.folded)
  return p.targets = own.length > 0 || p.taskText === undefined ? own : findTargets(foldText(p.taskText))
}

export function text(value: unknown): string {
  return typeof value === 'string' ? value : value == null ? '' : String(value)
}

/**
 * An implicit milestone is named by the task's first line: several task columns arrive
 * joined by line breaks (工作任务 / 年度目标 / 主要任务), and the first is the task's name.
 */
export function firstLine(task: string): string {
  return task.split('\n').find((line) => line.trim())?.trim() ?? ''
}

/**
 * Readings are pure functions of the cell texts, and a document is re-assessed on every
 * edit and every change of the as-of date while nearly all its cells stay the same: so the
 * plan of each schedule (or deadline + task) and the rule-5 verdicts of each progress text
 * are kept, keyed by the cell strings themselves. Bounded: cleared when it grows too big.
 */
const CACHE_LIMIT = 50_000
/**
 * Plans are kept only when the caller asks (AssessContext.keep): a re-assessment (another as-of
 * date, an edit of a row's other cell) reads the same cells again, an import reads each once.
 * Keeping on an import cost about a third of its speed (the collector moving kept plans out of
 * the young generation), and even a note of each first sighting cost it a tenth.
 */
type PlanCache = { bySchedule: Map<string, Plan>; byTask: Map<string, Map<string, Plan>>; size: number }
const planCaches = new Map<string, PlanCache>()
/** Every task of a document asks with the same year and reading: the last cache is kept at hand. */
let lastCache: { year: number; monthBefore: string; cache: PlanCache } | null = null

/** Drops every kept reading (first-read measurements; memory pressure). Results never depend on it. */
export function forgetReadings(): void {
  planCaches.clear()
  lastCache = null
  forgetStatusReadings()
}

function planCacheFor(year: number, monthBefore: string): PlanCache {
  if (lastCache && lastCache.year === year && lastCache.monthBefore === monthBefore && lastCache.cache.size <= CACHE_LIMIT) {
    return lastCache.cache
  }
  const key = `${year}|${monthBefore}`
  let cache = planCaches.get(key)
  if (!cache || cache.size > CACHE_LIMIT) {
    if (planCaches.size > 16) planCaches.clear()
    cache = { bySchedule: new Map(), byTask: new Map(), size: 0 }
    planCaches.set(key, cache)
  }
  lastCache = { year, monthBefore, cache }
  return cache
}

/** Any digit, half- or full-width: a text without one sets no quantity target. */
function holdsDigit(words: string): boolean {
  for (let i = 0; i < words.length; i++) {
    const c = words.charCodeAt(i)
    if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) return true
  }
  return false
}

export function cachedPlan(fields: TaskFields, ctx: ScheduleContext, keep: boolean): Plan {
  if (!keep) return planMilestones(fields, ctx)
  const cache = planCacheFor(ctx.year, ctx.monthBefore ?? 'end-of-month')
  const schedule = text(fields.schedule)
  if (!isBlank(schedule)) {
    // Only plans read from the schedule are kept under it, with the task text when that may set
    // the last milestone's target (see Planned.taskText): `9月底前` is not one plan for every task.
    const task = text(fields.task)
    const key = holdsDigit(task) ? `${schedule}\u0000${task}` : schedule
    const kept = cache.bySchedule.get(key)
    if (kept) return kept
    const plan = planMilestones(fields, ctx)
    if (plan.source === 'schedule') {
      cache.bySchedule.set(key, plan)
      cache.size++
      return plan
    }
  }
  const deadline = text(fields.deadline)
  const task = text(fields.task)
  let byDeadline = cache.byTask.get(deadline)
  if (!byDeadline) { byDeadline = new Map(); cache.byTask.set(deadline, byDeadline) }
  const kept = byDeadline.get(task)
  if (kept) return kept
  const plan = planMilestones(fields, ctx)
  byDeadline.set(task, plan)
  cache.size++
  return plan
}


/** The milestones of a task: its schedule, else its deadline, else a time in the task text, else the year end. */
export function planMilestones(fields: TaskFields, ctx: ScheduleContext): Plan {
  const schedule = text(fields.schedule)
  if (!isBlank(schedule)) {
    const { split, milestones } = readSchedule(schedule, ctx)
    if (milestones.length > 0) return newPlan('schedule', split.by, plannedOf(split, milestones, fields.task))
  }
  const task = text(fields.task).trim()
  const taskFolded = foldText(task)
  // An implicit milestone's targets come from the task text (fixtures reading 2).
  const taskTargets = task ? findTargets(taskFolded) : NO_TARGETS
  const deadline = text(fields.deadline).trim()
  if (deadline) {
    const { split, milestones } = readSchedule(deadline, ctx)
    if (milestones.length > 1) return newPlan('deadline', split.by, plannedOf(split, milestones, task))
    const only = milestones[0]
    if (only) {
      const milestone = { ...only, index: 1, text: firstLine(task) || only.text }
      return newPlan('deadline', 'none', [newPlanned(milestone, taskTargets, taskFolded || split.parts[0]!.folded)])
    }
  }
  if (task) {
    const reading = readDue(taskFolded, ctx)
    // Only a real date in the task prose counts; `每年` or an unreadable date there is no schedule.
    if (reading.kind === 'dated' && reading.due) {
      const milestone: Milestone = { index: 1, text: firstLine(task), due: reading.due, kind: 'dated' }
      if (reading.words !== undefined) milestone.dueWords = reading.words
      if (reading.ambiguous) milestone.ambiguous = true
      return newPlan('task', 'none', [newPlanned(milestone, taskTargets, taskFolded)])
    }
  }
  const milestone: Milestone = { index: 1, text: firstLine(task), due: `${ctx.year}-12-31`, kind: 'dated' }
  return newPlan('year-end', 'none', [newPlanned(milestone, taskTargets, taskFolded)])
}

/** Each milestone of a split cell; the quantity targets its own part sets are read when needed. */
export function plannedOf(split: CellSplit, milestones: readonly Milestone[], task?: unknown): Planned[] {
  const planned: Planned[] = []
  const last = milestones.length - 1
  const taskText = typeof task === 'string' && !isBlank(task) ? task : undefined
  for (let i = 0; i < milestones.length; i++) planned.push(newPlanned(milestones[i]!, undefined, split.parts[i]!.folded, i === last ? taskText : undefined))
  return planned
}

export /** Rule 5 for every milestone: the progress split like the schedule, each part for its own milestone. */
interface Judged {
  verdicts: DoneVerdict[]
  /**
   * How the progress parts are named in reasons: the whole progress, its numbered items or its
   * `;` segments. The done reasons themselves are built when a result needs them, not kept:
   * after the first reads the memo holds the finished sentences.
   */
  labels: 'whole' | 'number' | 'segment'
  /** The states and joined reasons last given on one as-of date (see ReasonMemo). */
  memo: ReasonMemo | undefined
  /**
   * The as-of date of the first assessment: the memo is made only when the same date comes
   * again, so a first read (an import) keeps no sentences it may never need twice.
   */
  seenOn: string | undefined
}

export /**
 * On one as-of date and window, a milestone judged from its progress alone always gets the same
 * state and the same sentence: re-assessing an unchanged row then builds no strings at all.
 */
interface ReasonMemo {
  asOf: string
  soonDays: number
  states: MilestoneState[]
  reasons: Reason[]
  /** The task-level reason when every milestone was judged from progress and the status says nothing. */
  summary?: Reason
}

/** The targets the task as a whole sets: its last milestone's, else the task text's. */
export function taskTargetsOf(plan: Plan, fields: TaskFields): readonly Quantity[] {
  const last = plan.planned[plan.planned.length - 1]
  const own = last ? targetsOf(last) : NO_TARGETS
  return own.length > 0 ? own : findTargets(foldText(text(fields.task)))
}
