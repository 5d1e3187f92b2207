// The state of one task on the as-of date (rules §5–6): milestones, done per milestone, and the worst state.
import { addDays, readDue } from './dates'
import { splitCell, type CellPart, type CellSplit } from './numbering'
import {
  NO_TARGETS, findTargets, judgePart, readOpening, type DoneVerdict,
} from './progress'
import { forgetStatusReadings, readStatusCell, statusReason } from './status'
import { judgeBySentences } from './progressSentences'
import type { Quantity } from './quantities'
import { explainDone, explainDue, explainState, joinReasons, type DueSource } from './reasons'
import { readSchedule, type ScheduleContext } from './schedule'
import { foldText, isBlank } from './text'
import {
  TASK_STATE_ORDER, type AssessContext, type AssessedMilestone, type Milestone, type MilestoneState,
  type Reason, type TaskAssessment, type TaskFields, type TaskState,
} from './types'

/** Rank of each state, worst first (TASK_STATE_ORDER): a plain object reads faster than a Map in the hot loop. */
const STATE_RANK = Object.fromEntries(TASK_STATE_ORDER.map((s, i) => [s, i])) as Record<TaskState, number>

interface Planned {
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
}

/**
 * Made by newPlan only, every field set from the start: fields added later (the verdicts of the
 * first progress text) would give each plan a new hidden class and a property backing store.
 */
interface Plan {
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

function newPlan(source: DueSource, by: Plan['by'], planned: Planned[]): Plan {
  return { source, by, planned, progress: undefined, judged: undefined, moreJudged: undefined }
}

/** One planned milestone, every field set (see Plan). */
function newPlanned(milestone: Milestone, targets: readonly Quantity[] | undefined, folded: string): Planned {
  return { milestone, folded, targets, dueReason: undefined }
}

/** The targets of a planned milestone, read from its own words on first need. */
function targetsOf(p: Planned): readonly Quantity[] {
  return p.targets ??= findTargets(p.folded)
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : value == null ? '' : String(value)
}

/**
 * An implicit milestone is named by the task's first line: several task columns arrive
 * joined by line breaks (工作任务 / 年度目标 / 主要任务), and the first is the task's name.
 */
function firstLine(task: string): string {
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

function cachedPlan(fields: TaskFields, ctx: ScheduleContext, keep: boolean): Plan {
  if (!keep) return planMilestones(fields, ctx)
  const cache = planCacheFor(ctx.year, ctx.monthBefore ?? 'end-of-month')
  const schedule = text(fields.schedule)
  if (!isBlank(schedule)) {
    // Only plans read from the schedule are kept under it.
    const kept = cache.bySchedule.get(schedule)
    if (kept) return kept
    const plan = planMilestones(fields, ctx)
    if (plan.source === 'schedule') {
      cache.bySchedule.set(schedule, plan)
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

function cachedVerdicts(plan: Plan, progress: string): Judged {
  if (plan.judged === undefined) {
    plan.progress = progress
    return plan.judged = judgeMilestones(plan, progress)
  }
  if (plan.progress === progress) return plan.judged
  const more = plan.moreJudged ??= new Map()
  let judged = more.get(progress)
  if (!judged) {
    judged = judgeMilestones(plan, progress)
    if (more.size < 1000) more.set(progress, judged)
  }
  return judged
}

/** The milestones of a task: its schedule, else its deadline, else a time in the task text, else the year end. */
function planMilestones(fields: TaskFields, ctx: ScheduleContext): Plan {
  const schedule = text(fields.schedule)
  if (!isBlank(schedule)) {
    const { split, milestones } = readSchedule(schedule, ctx)
    if (milestones.length > 0) return newPlan('schedule', split.by, plannedOf(split, milestones))
  }
  const task = text(fields.task).trim()
  const taskFolded = foldText(task)
  // An implicit milestone's targets come from the task text (fixtures reading 2).
  const taskTargets = task ? findTargets(taskFolded) : NO_TARGETS
  const deadline = text(fields.deadline).trim()
  if (deadline) {
    const { split, milestones } = readSchedule(deadline, ctx)
    if (milestones.length > 1) return newPlan('deadline', split.by, plannedOf(split, milestones))
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
function plannedOf(split: CellSplit, milestones: readonly Milestone[]): Planned[] {
  const planned: Planned[] = []
  for (let i = 0; i < milestones.length; i++) planned.push(newPlanned(milestones[i]!, undefined, split.parts[i]!.folded))
  return planned
}

/** Empty progress: one shared verdict for every milestone (verdicts are never changed). */
const EMPTY_PROGRESS: DoneVerdict = Object.freeze({ done: false, step: 'empty', words: '' })

/** Rule 5 for every milestone: the progress split like the schedule, each part for its own milestone. */
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

/** Made by judged only, every field set from the start (see Plan). */
function judged(verdicts: DoneVerdict[], labels: Judged['labels']): Judged {
  return { verdicts, labels, memo: undefined, seenOn: undefined }
}

/**
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

/** Why milestone `i` is (not) done by its progress, in the words of judgeMilestones' verdict. */
function doneReasonOf(judged: Judged, plan: Plan, i: number): Reason {
  const label = judged.labels === 'number' ? numbered(ITEM_LABEL, plan.planned[i]!.milestone.index)
    : judged.labels === 'segment' ? numbered(SEGMENT_LABEL, i + 1) : '进展'
  return explainDone(judged.verdicts[i]!, label)
}

/**
 * Words that differ only by a milestone's number (`进展第2项`, `第2项:`), each made once: every
 * result names a few of them, and a kept string costs less than a new one per milestone.
 */
interface Numbered { make: (n: number) => string; kept: string[] }
const ITEM_LABEL: Numbered = { make: (n) => `进展第${n}项`, kept: [] }
const SEGMENT_LABEL: Numbered = { make: (n) => `进展第${n}段`, kept: [] }
const SUMMARY_ZH: Numbered = { make: (n) => `第${n}项：`, kept: [] }
const SUMMARY_EN: Numbered = { make: (n) => `milestone ${n}: `, kept: [] }

function numbered(words: Numbered, n: number): string {
  // Numbers as written can be large (`(99)`): only the small ones are worth keeping.
  if (n < 0 || n > 100 || !Number.isInteger(n)) return words.make(n)
  return words.kept[n] ??= words.make(n)
}

function judgeMilestones(plan: Plan, progress: string): Judged {
  const planned = plan.planned
  const n = planned.length
  const folded = foldText(progress)
  if (isBlank(folded)) return judged(planned.map(() => EMPTY_PROGRESS), 'whole')
  // Only the folded words of progress parts are read: split the folded text alone.
  const progressSplit = splitCell(folded, folded)
  const numbered = progressSplit.by === 'number'
  if (n === 1) {
    const only = planned[0]!
    const part = numbered ? partNumbered(progressSplit.parts, only.milestone.index) : undefined
    return judged([judgePart(part ? part.folded : folded, () => targetsOf(only))], 'whole')
  }
  const pieceWise = (plan.by === 'number' && numbered) || (plan.by === 'semicolon' && progressSplit.by === 'semicolon')
  if (pieceWise) {
    const verdicts: DoneVerdict[] = []
    for (let i = 0; i < n; i++) {
      const p = planned[i]!
      const part = numbered ? partNumbered(progressSplit.parts, p.milestone.index) : progressSplit.parts[i]
      verdicts.push(part ? judgePart(part.folded, () => targetsOf(p)) : { done: false, step: 'missing', words: String(p.milestone.index) })
    }
    return judged(verdicts, numbered ? 'number' : 'segment')
  }
  // Unnumbered progress against several milestones (fixtures reading 4).
  const opening = readOpening(folded)
  if (opening?.done) return judged(planned.map(() => opening), 'whole')
  // Read sentence by sentence (rules §5): each milestone by the sentences that speak of it.
  return judged(judgeBySentences(folded, planned.map((p) => ({ folded: p.folded, targets: () => targetsOf(p) }))), 'whole')
}

/** The progress part numbered like milestone `index`, if the progress has one. */
function partNumbered(parts: readonly CellPart[], index: number): CellPart | undefined {
  for (const part of parts) if (part.index === index) return part
  return undefined
}

function stateOf(m: Milestone, done: boolean, asOf: string, soonEnd: string): MilestoneState {
  if (done) return 'done'
  if (m.kind === 'recurring') return 'recurring'
  if (m.kind === 'undated' || !m.due) return 'undated'
  if (m.due < asOf) return 'overdue'
  if (m.due <= soonEnd) return 'due-soon'
  return 'pending'
}

function assessUnsafe(fields: TaskFields, ctx: AssessContext): TaskAssessment {
  const soonDays = Number.isFinite(ctx.soonDays) && (ctx.soonDays as number) >= 0 ? Math.floor(ctx.soonDays as number) : 14
  const monthBefore = ctx.monthBefore ?? 'end-of-month'
  const asOf = ctx.asOf
  const soonEnd = addDays(asOf, soonDays)
  // The schedule readings see only the year and the `N月前` reading (one small object, no spread).
  const plan = cachedPlan(fields, { year: ctx.year, monthBefore }, ctx.keep === true)
  const judged = cachedVerdicts(plan, text(fields.progress))
  const { verdicts } = judged
  let memo = judged.memo
  if (!memo || memo.asOf !== asOf || memo.soonDays !== soonDays) {
    memo = judged.seenOn === asOf ? judged.memo = { asOf, soonDays, states: [], reasons: [] } : undefined
    judged.seenOn = asOf
  }
  const statusWords = text(fields.status).trim()
  // An amount in the status is measured against the task's target: the last milestone's, which
  // for a task without a schedule is the task text's.
  const statusVerdict = readStatusCell(statusWords, () => taskTargetsOf(plan, fields))
  const status = statusVerdict.reading
  const overrides = ctx.overrides

  const milestones: AssessedMilestone[] = []
  let allFromProgress = true
  for (let i = 0; i < plan.planned.length; i++) {
    const p = plan.planned[i]!
    const m = p.milestone
    let verdict = verdicts[i]!
    let doneReason: Reason | null = null
    if (status === 'done' && !verdict.done) {
      verdict = { done: true, step: 'status', words: statusWords }
      doneReason = explainDone(verdict, '')
    }
    // Never a false done: a status short of the target leaves the task's last milestone open.
    if (status === 'short' && verdict.done && i === plan.planned.length - 1) {
      verdict = { done: false, step: 'status', words: statusWords }
      doneReason = { zh: `完成情况列写明「${statusWords}」，未达到目标`, en: `the status column says "${statusWords}": short of the target` }
    }
    const override = overrides?.[m.index]
    const overridden = typeof override === 'boolean'
    if (overridden) {
      verdict = { done: override, step: 'override', words: '' }
      doneReason = explainDone(verdict, '')
    }
    let state: MilestoneState
    let joined: Reason
    if (verdict === verdicts[i] && memo) {
      // Judged from progress alone: the memo holds the state and sentence for this as-of date.
      const kept = memo.reasons[i]
      if (kept) {
        state = memo.states[i]!
        joined = kept
      } else {
        state = memo.states[i] = stateOf(m, verdict.done, asOf, soonEnd)
        joined = memo.reasons[i] = joinReasons(p.dueReason ??= explainDue(m, plan.source, monthBefore), doneReasonOf(judged, plan, i), explainState(state, m.due, asOf, soonDays))
      }
    } else {
      if (verdict !== verdicts[i]) allFromProgress = false
      state = stateOf(m, verdict.done, asOf, soonEnd)
      joined = joinReasons(p.dueReason ?? explainDue(m, plan.source, monthBefore), doneReason ?? doneReasonOf(judged, plan, i), explainState(state, m.due, asOf, soonDays))
    }
    // A fresh object per result (the strings are shared): callers may keep or change what they get.
    const reasons: Reason = { zh: joined.zh, en: joined.en }
    // Built field by field (not spread): one object shape for every milestone keeps this hot loop fast.
    // Due words are nearly always there: made with them (not added after), no property backing store.
    const assessed: AssessedMilestone = m.dueWords !== undefined
      ? { index: m.index, text: m.text, due: m.due, kind: m.kind, done: verdict.done, state, reason: reasons.zh, reasons, dueWords: m.dueWords }
      : { index: m.index, text: m.text, due: m.due, kind: m.kind, done: verdict.done, state, reason: reasons.zh, reasons }
    if (m.ambiguous) assessed.ambiguous = true
    if (m.unreadable) assessed.unreadable = true
    if (overridden) assessed.overridden = true
    milestones.push(assessed)
  }

  let state: TaskState = 'done'
  for (const m of milestones) if (STATE_RANK[m.state] < STATE_RANK[state]) state = m.state
  if (status === 'behind' && state !== 'overdue') state = 'behind'
  const fromStatus = statusReason(statusVerdict)
  let taskReason: Reason
  if (!fromStatus) {
    // Without a status reason the state comes from the milestones alone, so the memo can keep it.
    const summary = allFromProgress && memo ? memo.summary ??= summarise(state, milestones) : summarise(state, milestones)
    taskReason = { zh: summary.zh, en: summary.en }
  } else if (state === 'overdue' || (state !== 'behind' && status !== 'done')) {
    // The line that explains the badge comes first: which milestone is overdue, by how many days.
    const summary = summarise(state, milestones)
    taskReason = { zh: `${summary.zh}\n${fromStatus.zh}`, en: `${summary.en}\n${fromStatus.en}` }
  } else {
    taskReason = fromStatus
  }
  return { state, milestones, reasons: taskReason }
}

/** The task-level reason when the status column says nothing: which milestone set the state. */
function summarise(state: TaskState, milestones: readonly AssessedMilestone[]): Reason {
  if (state === 'done') return { zh: '全部节点已完成', en: 'every milestone is done' }
  const m = milestones.find((x) => x.state === state)
  if (!m) return { zh: '', en: '' }
  return {
    zh: numbered(SUMMARY_ZH, m.index) + (m.reasons?.zh ?? m.reason),
    en: numbered(SUMMARY_EN, m.index) + (m.reasons?.en ?? m.reason),
  }
}

/** The targets the task as a whole sets: its last milestone's, else the task text's. */
function taskTargetsOf(plan: Plan, fields: TaskFields): readonly Quantity[] {
  const last = plan.planned[plan.planned.length - 1]
  const own = last ? targetsOf(last) : NO_TARGETS
  return own.length > 0 ? own : findTargets(foldText(text(fields.task)))
}

/** The state of one task on the as-of date. Never throws. */
export function assessTask(fields: TaskFields, ctx: AssessContext): TaskAssessment {
  try {
    return assessUnsafe(fields ?? {}, ctx)
  } catch {
    // Malformed input (a bad as-of date, a non-object) reads as one undated milestone, never a crash.
    const reasons = { zh: '无法读取此任务的时间与进展', en: 'this task could not be read' }
    return {
      state: 'undated',
      milestones: [{ index: 1, text: text(fields?.task), due: null, kind: 'undated', done: false, state: 'undated', reason: reasons.zh, reasons }],
      reasons,
    }
  }
}
