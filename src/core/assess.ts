// The state of one task on the as-of date (rules §5–6): milestones, done per milestone, and the worst state.
import { addDays, readDue } from './dates'
import { splitCell } from './numbering'
import {
  actionWords, findTargets, judgeBySentences, judgePart, readOpening, readSentences, readStatus, type DoneVerdict, type StatusReading,
} from './progress'
import type { Quantity } from './quantities'
import { explainDone, explainDue, explainState, joinReasons, type DueSource } from './reasons'
import { readSchedule } from './schedule'
import { foldText } from './text'
import {
  TASK_STATE_ORDER, type AssessContext, type AssessedMilestone, type Milestone, type MilestoneState,
  type Reason, type TaskAssessment, type TaskFields, type TaskState,
} from './types'

const STATE_RANK = new Map<TaskState, number>(TASK_STATE_ORDER.map((s, i) => [s, i]))

interface Planned {
  milestone: Milestone
  /** The milestone's words, folded, for targets and key words. */
  folded: string
  targets: Quantity[]
  /** Why the due date is what it is: fixed for the plan, so kept with it. */
  dueReason?: Reason
  /** The milestone's action words, read the first time unnumbered progress needs them. */
  keys?: string[]
}

interface Plan {
  source: DueSource
  /** How the schedule (or deadline) cell was split; progress is matched piece-wise only in kind. */
  by: 'number' | 'semicolon' | 'none'
  planned: Planned[]
  /** Rule-5 verdicts kept per progress text (bounded), on the plan itself: no side table. */
  judged?: Map<string, Judged>
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
type PlanCache = { bySchedule: Map<string, Plan>; byTask: Map<string, Map<string, Plan>>; size: number }
const planCaches = new Map<string, PlanCache>()
/** Every task of a document asks with the same year and reading: the last cache is kept at hand. */
let lastCache: { year: number; monthBefore: string; cache: PlanCache } | null = null

/** Drops every kept reading (first-read measurements; memory pressure). Results never depend on it. */
export function forgetReadings(): void {
  planCaches.clear()
  lastCache = null
  STATUS_OF.clear()
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

function cachedPlan(fields: TaskFields, ctx: AssessContext): Plan {
  const cache = planCacheFor(ctx.year, ctx.monthBefore ?? 'end-of-month')
  const schedule = text(fields.schedule)
  if (schedule.trim()) {
    let plan = cache.bySchedule.get(schedule)
    if (!plan) {
      plan = planMilestones(fields, ctx)
      if (plan.source === 'schedule') { cache.bySchedule.set(schedule, plan); cache.size++ }
    }
    if (plan.source === 'schedule') return plan
  }
  const deadline = text(fields.deadline)
  const task = text(fields.task)
  let byDeadline = cache.byTask.get(deadline)
  if (!byDeadline) { byDeadline = new Map(); cache.byTask.set(deadline, byDeadline) }
  let plan = byDeadline.get(task)
  if (!plan) { plan = planMilestones(fields, ctx); byDeadline.set(task, plan); cache.size++ }
  return plan
}

function cachedVerdicts(plan: Plan, progress: string): Judged {
  const byProgress = plan.judged ??= new Map()
  let judged = byProgress.get(progress)
  if (!judged) {
    judged = judgeMilestones(plan, progress)
    if (byProgress.size < 1000) byProgress.set(progress, judged)
  }
  return judged
}

/** The milestones of a task: its schedule, else its deadline, else a time in the task text, else the year end. */
function planMilestones(fields: TaskFields, ctx: AssessContext): Plan {
  const scheduleCtx = { year: ctx.year, monthBefore: ctx.monthBefore }
  const schedule = text(fields.schedule)
  if (schedule.trim()) {
    const { split, milestones } = readSchedule(schedule, scheduleCtx)
    if (milestones.length > 0) {
      return {
        source: 'schedule', by: split.by,
        planned: milestones.map((m, i) => {
          const folded = split.parts[i]!.folded
          return { milestone: m, folded, targets: findTargets(folded) }
        }),
      }
    }
  }
  const task = text(fields.task).trim()
  const taskFolded = foldText(task)
  // An implicit milestone's targets come from the task text (fixtures reading 2).
  const taskTargets = task ? findTargets(taskFolded) : []
  const deadline = text(fields.deadline).trim()
  if (deadline) {
    const { split, milestones } = readSchedule(deadline, scheduleCtx)
    if (milestones.length > 1) {
      return {
        source: 'deadline', by: split.by,
        planned: milestones.map((m, i) => ({ milestone: m, folded: split.parts[i]!.folded, targets: findTargets(split.parts[i]!.folded) })),
      }
    }
    const only = milestones[0]
    if (only) {
      return {
        source: 'deadline', by: 'none',
        planned: [{ milestone: { ...only, index: 1, text: firstLine(task) || only.text }, folded: taskFolded || split.parts[0]!.folded, targets: taskTargets }],
      }
    }
  }
  if (task) {
    const reading = readDue(taskFolded, { year: ctx.year, monthBefore: ctx.monthBefore })
    // Only a real date in the task prose counts; `每年` or an unreadable date there is no schedule.
    if (reading.kind === 'dated' && reading.due) {
      const milestone: Milestone = { index: 1, text: firstLine(task), due: reading.due, kind: 'dated' }
      if (reading.words !== undefined) milestone.dueWords = reading.words
      if (reading.ambiguous) milestone.ambiguous = true
      return { source: 'task', by: 'none', planned: [{ milestone, folded: taskFolded, targets: taskTargets }] }
    }
  }
  const milestone: Milestone = { index: 1, text: firstLine(task), due: `${ctx.year}-12-31`, kind: 'dated' }
  return { source: 'year-end', by: 'none', planned: [{ milestone, folded: taskFolded, targets: taskTargets }] }
}

const NO_PART: DoneVerdict = { done: false, step: 'none', words: '' }

/** Rule 5 for every milestone: the progress split like the schedule, each part for its own milestone. */
interface Judged { verdicts: DoneVerdict[]; doneReasons: Reason[] }

function judgeMilestones(plan: Plan, progress: string): Judged {
  const { verdicts, labels } = judgeParts(plan, progress)
  return { verdicts, doneReasons: verdicts.map((v, i) => explainDone(v, labels[i]!)) }
}

function judgeParts(plan: Plan, progress: string): { verdicts: DoneVerdict[]; labels: string[] } {
  const n = plan.planned.length
  const labels = new Array<string>(n).fill('进展')
  const folded = foldText(progress)
  if (!folded.trim()) {
    return { verdicts: plan.planned.map(() => ({ ...NO_PART, words: '进展为空,未完成' })), labels }
  }
  const progressSplit = splitCell(progress, folded)
  const scheduleBy = plan.by
  if (n === 1) {
    const only = plan.planned[0]!
    const part = progressSplit.by === 'number' ? progressSplit.parts.find((p) => p.index === only.milestone.index) ?? null : null
    return { verdicts: [judgePart(part ? part.folded : folded, only.targets)], labels }
  }
  const pieceWise = (scheduleBy === 'number' && progressSplit.by === 'number') ||
    (scheduleBy === 'semicolon' && progressSplit.by === 'semicolon')
  if (pieceWise) {
    const verdicts = plan.planned.map((p, i) => {
      const part = progressSplit.by === 'number'
        ? progressSplit.parts.find((q) => q.index === p.milestone.index)
        : progressSplit.parts[i]
      labels[i] = progressSplit.by === 'number' ? `进展第${p.milestone.index}项` : `进展第${i + 1}段`
      return part ? judgePart(part.folded, p.targets) : { ...NO_PART, words: `进展中没有第${p.milestone.index}项,未完成` }
    })
    return { verdicts, labels }
  }
  // Unnumbered progress against several milestones (fixtures reading 4).
  const opening = readOpening(folded)
  if (opening?.done) return { verdicts: plan.planned.map(() => opening), labels }
  // The progress is split into sentences once; each milestone only looks for its words there.
  const sentences = readSentences(folded)
  return { verdicts: plan.planned.map((p) => judgeBySentences(sentences, p.keys ??= actionWords(p.folded), p.targets)), labels }
}

function stateOf(m: Milestone, done: boolean, asOf: string, soonEnd: string): MilestoneState {
  if (done) return 'done'
  if (m.kind === 'recurring') return 'recurring'
  if (m.kind === 'undated' || !m.due) return 'undated'
  if (m.due < asOf) return 'overdue'
  if (m.due <= soonEnd) return 'due-soon'
  return 'pending'
}

function statusReason(status: StatusReading, words: string): Reason | null {
  if (status === 'behind') return { zh: `完成情况列写明「${words}」,任务滞后`, en: `the status column says "${words}": behind` }
  if (status === 'done') return { zh: `完成情况列写明「${words}」,任务已完成`, en: `the status column says "${words}": done` }
  return null
}

/** Status cells repeat a handful of words (达序推进, 滞后…): each is read once. */
const STATUS_OF = new Map<string, StatusReading>()

function statusOf(words: string): StatusReading {
  let status = STATUS_OF.get(words)
  if (status === undefined) {
    status = readStatus(foldText(words))
    if (STATUS_OF.size > 5_000) STATUS_OF.clear()
    STATUS_OF.set(words, status)
  }
  return status
}

function assessUnsafe(fields: TaskFields, ctx: AssessContext): TaskAssessment {
  const soonDays = Number.isFinite(ctx.soonDays) && (ctx.soonDays as number) >= 0 ? Math.floor(ctx.soonDays as number) : 14
  const monthBefore = ctx.monthBefore ?? 'end-of-month'
  const asOf = ctx.asOf
  const soonEnd = addDays(asOf, soonDays)
  const plan = cachedPlan(fields, ctx.monthBefore === monthBefore ? ctx : { ...ctx, monthBefore })
  const { verdicts, doneReasons } = cachedVerdicts(plan, text(fields.progress))
  const statusWords = text(fields.status).trim()
  const status = statusOf(statusWords)
  const overrides = ctx.overrides ?? {}

  const milestones: AssessedMilestone[] = []
  for (let i = 0; i < plan.planned.length; i++) {
    const p = plan.planned[i]!
    const m = p.milestone
    let verdict = verdicts[i]!
    let doneReason = doneReasons[i]!
    if (status === 'done' && !verdict.done) {
      verdict = { done: true, step: 'status', words: statusWords }
      doneReason = explainDone(verdict, '')
    }
    const override = overrides[m.index]
    const overridden = typeof override === 'boolean'
    if (overridden) {
      verdict = { done: override, step: 'override', words: '' }
      doneReason = explainDone(verdict, '')
    }
    const state = stateOf(m, verdict.done, asOf, soonEnd)
    const dueReason = p.dueReason ??= explainDue(m, plan.source, monthBefore)
    const reasons = joinReasons(dueReason, doneReason, explainState(state, m.due, asOf, soonDays))
    // Built field by field (not spread): one object shape for every milestone keeps this hot loop fast.
    const assessed: AssessedMilestone = {
      index: m.index, text: m.text, due: m.due, kind: m.kind,
      done: verdict.done, state, reason: reasons.zh, reasons,
    }
    if (m.dueWords !== undefined) assessed.dueWords = m.dueWords
    if (m.ambiguous) assessed.ambiguous = true
    if (m.unreadable) assessed.unreadable = true
    if (overridden) assessed.overridden = true
    milestones.push(assessed)
  }

  let state: TaskState = 'done'
  for (const m of milestones) if (STATE_RANK.get(m.state)! < STATE_RANK.get(state)!) state = m.state
  if (status === 'behind' && state !== 'overdue') state = 'behind'
  const taskReason = statusReason(status, statusWords) ?? summarise(state, milestones)
  return { state, milestones, reasons: taskReason }
}

/** The task-level reason when the status column says nothing: which milestone set the state. */
function summarise(state: TaskState, milestones: readonly AssessedMilestone[]): Reason {
  if (state === 'done') return { zh: '全部节点已完成', en: 'every milestone is done' }
  const m = milestones.find((x) => x.state === state)
  if (!m) return { zh: '', en: '' }
  return {
    zh: `第${m.index}项:${m.reasons?.zh ?? m.reason}`,
    en: `milestone ${m.index}: ${m.reasons?.en ?? m.reason}`,
  }
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
