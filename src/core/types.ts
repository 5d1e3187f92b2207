// The core's public vocabulary, fixed by docs/core-api.md: tests and outside checks rely on these names.

export type Role =
  | 'seq' | 'task' | 'schedule' | 'deadline' | 'progress'
  | 'status' | 'owner' | 'lead' | 'note'

export const ROLES: readonly Role[] = [
  'seq', 'task', 'schedule', 'deadline', 'progress', 'status', 'owner', 'lead', 'note',
]

export interface Milestone {
  index: number                 // 1-based position inside the cell
  text: string                  // the milestone's own words
  due: string | null            // inclusive due date, null when none
  kind: 'dated' | 'recurring' | 'undated'
  /** Optional detail: a month/day in the text was not a real date (rules §4). */
  unreadable?: boolean
  /** Optional detail: the words that gave the due date, e.g. `3月底前`. */
  dueWords?: string
  /** Optional detail: the due date came from the ambiguous `N月前`. */
  ambiguous?: boolean
}

export type MilestoneState = 'done' | 'overdue' | 'due-soon' | 'pending' | 'recurring' | 'undated'
export type TaskState = MilestoneState | 'behind'

/** Task states, worst first (rules §6). */
export const TASK_STATE_ORDER: readonly TaskState[] = [
  'overdue', 'behind', 'due-soon', 'pending', 'recurring', 'undated', 'done',
]

export interface TaskFields {
  task?: string; schedule?: string; deadline?: string; progress?: string; status?: string
}

/** A reason in both UI languages: the core never knows which one the clerk reads. */
export interface Reason { zh: string; en: string }

export interface AssessedMilestone extends Milestone {
  done: boolean
  state: MilestoneState
  reason: string                // why, in zh-CN: which words gave the date, why it is overdue
  /** The same reason in both languages. */
  reasons?: Reason
  /** True when a clerk's override, not rule 5, decided `done`. */
  overridden?: boolean
}

/** How the ambiguous `N月前` is read for a whole document (rules §4). */
export type MonthBeforeReading = 'end-of-previous-month' | 'end-of-month'

export interface AssessContext {
  year: number
  asOf: string
  soonDays?: number              // defaults to 14
  monthBefore?: MonthBeforeReading
  /** Clerk overrides: milestone index → done. They win over every rule. */
  overrides?: Record<number, boolean>
  /**
   * Keep this task's readings for the next assessment of the same cells (another as-of date, an
   * edit of the row's other cell), which then skips reading them. Off by default: an import reads
   * every cell once, and keeping what is never asked again only slows it down.
   */
  keep?: boolean
}

export interface TaskAssessment {
  state: TaskState
  milestones: AssessedMilestone[]
  /** Optional: the task-level reason (status column, behind, …) in both languages. */
  reasons?: Reason
}
