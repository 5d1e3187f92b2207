// Assessment results whose reasons are made when first read (issue 13's whole-row figure).
import type { AssessedMilestone, Milestone, MilestoneState, Reason, TaskAssessment, TaskState } from './types'

/**
 * An import assesses every row, but a row's sentences are read only when shown: a tooltip, a
 * flagged line in the export, the overview's overdue list. Made on demand, they no longer cost
 * a first read about a seventh of its time.
 *
 * `reason` and `reasons` are getters (and setters) on the results' prototype: read and set them
 * as fields. `JSON.stringify` includes them (toJSON). What a getter cannot survive is a copy of
 * own fields only: `structuredClone` / `postMessage` and a spread. Send `plainAssessment(…)`
 * across a worker boundary instead. Getters made per object (own accessors, an object literal's
 * `get reason()`) would survive those too, but V8 then gives each result a hidden class of its
 * own, which cost more than the words saved (measured: 0.4–0.86× the eager engine).
 */
/**
 * Makes the reason of milestone `i` of a task from what the task's assessment kept: `source`
 * is shared by the task's milestones, `detail` is the milestone's own (a status or an override
 * that decided it). One function and one shared object per task, not a closure per milestone.
 */
export type MilestoneReasonMaker<S, D> = (source: S, i: number, detail: D, state: MilestoneState) => Reason

class LazyMilestone implements AssessedMilestone {
  declare dueWords?: string
  declare ambiguous?: true
  declare unreadable?: true
  declare overridden?: true
  #make: MilestoneReasonMaker<unknown, unknown> | null
  #source: unknown
  #i: number
  #detail: unknown
  #made: Reason | null = null
  constructor(
    public index: number, public text: string, public due: string | null, public kind: Milestone['kind'],
    public done: boolean, public state: MilestoneState,
    make: MilestoneReasonMaker<unknown, unknown>, source: unknown, i: number, detail: unknown,
  ) {
    this.#make = make
    this.#source = source
    this.#i = i
    this.#detail = detail
  }
  get reasons(): Reason {
    if (this.#made === null) {
      this.#made = this.#make!(this.#source, this.#i, this.#detail, this.state)
      this.#make = this.#source = this.#detail = null
    }
    return this.#made
  }
  set reasons(value: Reason) {
    this.#made = value
    this.#make = this.#source = this.#detail = null
  }
  get reason(): string { return this.reasons.zh }
  /** The zh words alone replaced: the English ones stay as made. */
  set reason(zh: string) { this.reasons = { zh, en: this.reasons.en } }
  toJSON(): AssessedMilestone { return plainMilestone(this) }
}

class LazyTask implements TaskAssessment {
  #make: (() => Reason) | null
  #made: Reason | null = null
  constructor(public state: TaskState, public milestones: AssessedMilestone[], make: () => Reason) { this.#make = make }
  get reasons(): Reason {
    if (this.#made === null) {
      this.#made = this.#make!()
      this.#make = null
    }
    return this.#made
  }
  set reasons(value: Reason) {
    this.#made = value
    this.#make = null
  }
  toJSON(): TaskAssessment { return plainAssessment(this) }
}

/** One assessed milestone, the `i`th of its task; `make` runs at most once, when its reason is first read. */
export function lazyMilestone<S, D>(
  m: Milestone, done: boolean, state: MilestoneState, make: MilestoneReasonMaker<S, D>, source: S, i: number, detail: D,
): AssessedMilestone {
  const out = new LazyMilestone(m.index, m.text, m.due, m.kind, done, state, make as MilestoneReasonMaker<unknown, unknown>, source, i, detail)
  if (m.dueWords !== undefined) out.dueWords = m.dueWords
  return out
}

/** One task's assessment; `make` runs at most once, when its reason is first read. */
export function lazyTask(state: TaskState, milestones: AssessedMilestone[], make: () => Reason): TaskAssessment {
  return new LazyTask(state, milestones, make)
}

/** A milestone as a plain object, its reasons made: what a structured clone keeps whole. */
export function plainMilestone(m: AssessedMilestone): AssessedMilestone {
  const out: AssessedMilestone = { index: m.index, text: m.text, due: m.due, kind: m.kind, done: m.done, state: m.state, reason: m.reason }
  if (m.reasons) out.reasons = { zh: m.reasons.zh, en: m.reasons.en }
  if (m.dueWords !== undefined) out.dueWords = m.dueWords
  if (m.ambiguous) out.ambiguous = true
  if (m.unreadable) out.unreadable = true
  if (m.overridden) out.overridden = true
  return out
}

/** A task's assessment as plain objects (for `postMessage`, `structuredClone`, a spread). */
export function plainAssessment(a: TaskAssessment): TaskAssessment {
  const out: TaskAssessment = { state: a.state, milestones: a.milestones.map(plainMilestone) }
  if (a.reasons) out.reasons = { zh: a.reasons.zh, en: a.reasons.en }
  return out
}
