// The state of one task on the as-of date (rules §5–6): milestones, done per milestone, and the worst state.
import { addDays } from './dates'
import { splitCell, type CellPart } from './numbering'
import { cachedPlan, taskTargetsOf, targetsOf, text, type Judged, type Plan, type ReasonMemo } from './plan'
import { judgePart, readWholeOpening, type DoneVerdict } from './progress'
import { readStatusCell, statusReason, type StatusReading, type StatusVerdict } from './status'
import { judgeBySentences, ownActionDoneIn } from './progressSentences'
import { lazyMilestone, lazyTask } from './lazyReasons'
import { explainDone, explainDue, explainState, joinReasons } from './reasons'
import { foldText, isBlank } from './text'
import {
  TASK_STATE_ORDER, type AssessContext, type AssessedMilestone, type Milestone, type MilestoneState,
  type MonthBeforeReading, type Reason, type TaskAssessment, type TaskFields, type TaskState,
} from './types'

/** Rank of each state, worst first (TASK_STATE_ORDER): a plain object reads faster than a Map in the hot loop. */
const STATE_RANK = Object.fromEntries(TASK_STATE_ORDER.map((s, i) => [s, i])) as Record<TaskState, number>

export { forgetReadings } from './plan'

/** The rule-5 verdicts of one progress text against a plan: kept on the plan (see Plan.judged). */
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

/** Empty progress: one shared verdict for every milestone (verdicts are never changed). */
const EMPTY_PROGRESS: DoneVerdict = Object.freeze({ done: false, step: 'empty', words: '' })

/** Made by judged only, every field set from the start (see Plan). */
function judged(verdicts: DoneVerdict[], labels: Judged['labels']): Judged {
  return { verdicts, labels, memo: undefined, seenOn: undefined }
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
    const verdict = withOwnAction(judgePart(part ? part.folded : folded, () => targetsOf(only)), part ? part.folded : folded, only)
    // Never a false done: with one milestone, every numbered part of the progress is about it
    // (`①已完成方案。②正在施工。` for `6月底前完成方案并开工`): another part that is not done by a
    // signal or a quantity leaves it open.
    if (verdict.done && part && progressSplit.parts.length > 1) {
      for (const other of progressSplit.parts) {
        if (other === part) continue
        const next = judgePart(other.folded, () => targetsOf(only))
        if (!next.done && (next.step === 'signal' || next.step === 'quantity' || next.step === 'verdict')) return judged([next], 'whole')
      }
    }
    return judged([verdict], 'whole')
  }
  const pieceWise = (plan.by === 'number' && numbered) || (plan.by === 'semicolon' && progressSplit.by === 'semicolon')
  if (pieceWise) {
    const verdicts: DoneVerdict[] = []
    for (let i = 0; i < n; i++) {
      const p = planned[i]!
      const part = numbered ? partNumbered(progressSplit.parts, p.milestone.index) : progressSplit.parts[i]
      verdicts.push(part ? withOwnAction(judgePart(part.folded, () => targetsOf(p)), part.folded, p) : { done: false, step: 'missing', words: String(p.milestone.index) })
    }
    return judged(verdicts, numbered ? 'number' : 'segment')
  }
  // Unnumbered progress against several milestones (fixtures reading 4).
  const opening = readWholeOpening(folded)
  if (opening?.done) return judged(planned.map(() => opening), 'whole')
  // Read sentence by sentence (rules §5): each milestone by the sentences that speak of it.
  return judged(judgeBySentences(folded, planned, targetsOf), 'whole')
}

/**
 * A part that rule 5 found nothing in, either way, may still report the milestone's own action
 * done (`项目已立项` for `6月底前完成项目立项`): read as the sentence path reads it.
 */
function withOwnAction(verdict: DoneVerdict, part: string, p: { folded: string }): DoneVerdict {
  if (verdict.done || verdict.step !== 'none') return verdict
  const words = ownActionDoneIn(part, p.folded)
  return words === null ? verdict : { done: true, step: 'phrase', words }
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
  let source: ReasonSource | undefined
  for (let i = 0; i < plan.planned.length; i++) {
    const p = plan.planned[i]!
    const m = p.milestone
    let verdict = verdicts[i]!
    // The status column's 已完成 speaks for the task, but never over a milestone whose own
    // progress reports a count short of its target (never a false done).
    if (status === 'done' && !verdict.done && verdict.step !== 'quantity') {
      verdict = { done: true, step: 'status', words: statusWords }
    }
    // Never a false done: a status short of the target leaves the task's last milestone open.
    if (status === 'short' && verdict.done && i === plan.planned.length - 1) {
      verdict = { done: false, step: 'status', words: statusWords }
    }
    const override = overrides?.[m.index]
    const overridden = typeof override === 'boolean'
    if (overridden) {
      verdict = { done: override, step: 'override', words: '' }
    }
    let state: MilestoneState
    if (verdict === verdicts[i] && memo) {
      // Judged from progress alone: the memo holds the state and sentence for this as-of date.
      state = memo.states[i] ??= stateOf(m, verdict.done, asOf, soonEnd)
    } else {
      if (verdict !== verdicts[i]) allFromProgress = false
      state = stateOf(m, verdict.done, asOf, soonEnd)
    }
    source ??= { plan, judged, memo, monthBefore, asOf, soonDays }
    const assessed = lazyMilestone(m, verdict.done, state, milestoneReason, source, i, verdict === verdicts[i] ? null : verdict)
    if (m.ambiguous) assessed.ambiguous = true
    if (m.unreadable) assessed.unreadable = true
    if (overridden) assessed.overridden = true
    milestones.push(assessed)
  }

  let state: TaskState = 'done'
  for (const m of milestones) if (STATE_RANK[m.state] < STATE_RANK[state]) state = m.state
  if (status === 'behind' && state !== 'overdue') state = 'behind'
  const fromMemo = allFromProgress ? memo : undefined
  return lazyTask(state, milestones, () => taskReason(state, milestones, status, statusVerdict, fromMemo))
}

/** The task-level sentence: the status column's words, the milestone that set the state, or both. */
function taskReason(state: TaskState, milestones: readonly AssessedMilestone[], status: StatusReading, statusVerdict: StatusVerdict, memo: ReasonMemo | undefined): Reason {
  const fromStatus = statusReason(statusVerdict)
  if (!fromStatus) {
    // Without a status reason the state comes from the milestones alone, so the memo can keep it.
    const summary = memo ? memo.summary ??= summarise(state, milestones) : summarise(state, milestones)
    return { zh: summary.zh, en: summary.en }
  }
  if (state === 'overdue' || (state !== 'behind' && status !== 'done')) {
    // The line that explains the badge comes first: which milestone is overdue, by how many days.
    const summary = summarise(state, milestones)
    return { zh: `${summary.zh}\n${fromStatus.zh}`, en: `${summary.en}\n${fromStatus.en}` }
  }
  return { zh: fromStatus.zh, en: fromStatus.en }
}

/** The last milestone left open by a status short of the target. */
function shortReason(statusWords: string): Reason {
  return { zh: `完成情况列写明「${statusWords}」，未达到目标`, en: `the status column says "${statusWords}": short of the target` }
}

/** What a task's milestone reasons are made from: one object per task, shared by its milestones. */
interface ReasonSource {
  plan: Plan
  judged: Judged
  /** Set when the memo is in use on this as-of date: a reason made is kept there. */
  memo: ReasonMemo | undefined
  monthBefore: MonthBeforeReading
  asOf: string
  soonDays: number
}

/**
 * The reason of milestone `i`: its due words, why it is (not) done, its state on the as-of date.
 * `decided` is the verdict of the status column or an override, null when its progress decided.
 */
function milestoneReason(s: ReasonSource, i: number, decided: DoneVerdict | null, state: MilestoneState): Reason {
  const p = s.plan.planned[i]!
  const kept = decided === null ? s.memo?.reasons[i] : undefined
  if (kept) return { zh: kept.zh, en: kept.en }
  const m = p.milestone
  const done = decided === null ? doneReasonOf(s.judged, s.plan, i)
    : decided.step === 'status' && !decided.done ? shortReason(decided.words) : explainDone(decided, '')
  const made = joinReasons(p.dueReason ??= explainDue(m, s.plan.source, s.monthBefore), done, explainState(state, m.due, s.asOf, s.soonDays))
  // Kept for the next assessment on this date (a copy goes out: callers may change what they get).
  if (decided === null && s.memo) s.memo.reasons[i] = made
  return decided === null && s.memo ? { zh: made.zh, en: made.en } : made
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
