// Assessing a whole document on its as-of date: the one place that turns settings + rows into states.
import { assessTask } from './assess'
import { taskFieldsOf, type TaskDocument, type TaskRow } from './document'
import { plainAssessment } from './lazyReasons'
import { TASK_STATE_ORDER, type Role, type TaskAssessment, type TaskFields, type TaskState } from './types'

export type StateCounts = Record<TaskState, number>

export interface DocumentAssessment {
  asOf: string
  year: number
  /** Row id → assessment, for data rows only. */
  byRow: Map<string, TaskAssessment>
  counts: StateCounts
}

/**
 * The assessment as plain objects, every reason made: what survives `postMessage` (the export
 * worker). A result's reasons are getters on its prototype (see lazyReasons.ts), which a
 * structured clone leaves behind.
 */
export function plainDocumentAssessment(a: DocumentAssessment): DocumentAssessment {
  const byRow = new Map<string, TaskAssessment>()
  for (const [id, task] of a.byRow) byRow.set(id, plainAssessment(task))
  return { asOf: a.asOf, year: a.year, byRow, counts: { ...a.counts } }
}

export function emptyCounts(): StateCounts {
  return Object.fromEntries(TASK_STATE_ORDER.map((s) => [s, 0])) as StateCounts
}

/** Today in the clerk's local time zone, as an ISO date. */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear()
  const m = String(now.getMonth() + 1).padStart(2, '0')
  const d = String(now.getDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}

/** The as-of date in force: the clerk's choice, else today (rules §2). */
export function effectiveAsOf(doc: Pick<TaskDocument, 'settings'>, today: string = todayIso()): string {
  return doc.settings.asOf ?? today
}

/** The year in force: the document's year, else the as-of date's year (rules §2). */
export function effectiveYear(doc: Pick<TaskDocument, 'settings'>, asOf: string): number {
  return doc.settings.year ?? Number(asOf.slice(0, 4))
}

/** The roles whose text makes a data row a task: a row with none of them is no task (see assessRow). */
export const TASK_TEXT_ROLES = ['task', 'schedule', 'progress'] as const satisfies readonly (Role & keyof TaskFields)[]

/**
 * One row on the as-of date, or null when it is no task: a section or footer row, or a data row
 * with no task, schedule or progress text (an empty row the clerk inserted). `keep`: the row will
 * be assessed again (an edit, another as-of date), so its readings are worth keeping.
 */
export function assessRow(doc: Pick<TaskDocument, 'columns' | 'settings'>, row: TaskRow, asOf: string, year: number, keep = false): TaskAssessment | null {
  if (row.kind !== 'data') return null
  const fields = taskFieldsOf(doc.columns, row)
  if (!TASK_TEXT_ROLES.some((role) => fields[role])) return null
  return assessTask(fields, { year, asOf, soonDays: doc.settings.soonDays, monthBefore: doc.settings.monthBefore, overrides: row.overrides, keep })
}

export function assessDocument(doc: TaskDocument, today: string = todayIso()): DocumentAssessment {
  const asOf = effectiveAsOf(doc, today)
  const year = effectiveYear(doc, asOf)
  const byRow = new Map<string, TaskAssessment>()
  const counts = emptyCounts()
  for (const row of doc.rows) {
    const assessment = assessRow(doc, row, asOf, year)
    if (!assessment) continue
    byRow.set(row.id, assessment)
    counts[assessment.state]++
  }
  return { asOf, year, byRow, counts }
}
