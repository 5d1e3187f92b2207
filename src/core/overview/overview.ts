// The overview a leader reads in ten seconds: totals by state, each unit's tasks by state (worst
// first), milestones by month, the overdue list and what falls due next — from the same
// assessment the grid colours, on the same as-of date.
import { emptyCounts, type DocumentAssessment, type StateCounts } from '../assessDocument'
import { addDays, daysBetween } from '../dates'
import type { TaskDocument } from '../document'
import type { TaskState } from '../types'
import { unitColumns, unitsOfRow } from '../units'
import { taskTextOf } from '../merge/matchRows'

export interface UnitOverview {
  unit: string
  /** The unit leads at least one task (else it only supports others' tasks). */
  leads: boolean
  total: number
  counts: StateCounts
  rowIds: Partial<Record<TaskState, string[]>>
}

export interface MonthOverview { month: string; due: number; done: number }

export interface OverdueItem {
  rowId: string
  task: string
  units: string[]
  milestone: number
  milestoneText: string
  due: string
  daysOverdue: number
  reason: string
}

export interface DueItem { rowId: string; task: string; units: string[]; milestone: number; milestoneText: string; due: string }

export interface Overview {
  asOf: string
  total: number
  counts: StateCounts
  units: UnitOverview[]
  months: MonthOverview[]
  overdue: OverdueItem[]
  dueNext: DueItem[]
}

const emptyStateCounts = emptyCounts

const firstLine = (text: string) => text.split('\n').find((l) => l.trim())?.trim() ?? ''

/** The overview of a list on its assessment's as-of date; `dueWithinDays` sets "what falls due next". */
export function overviewOf(doc: TaskDocument, assessment: DocumentAssessment, dueWithinDays = 30): Overview {
  const cols = unitColumns(doc)
  const units = new Map<string, UnitOverview>()
  const months = new Map<string, MonthOverview>()
  const counts = emptyStateCounts()
  const overdue: OverdueItem[] = []
  const dueNext: DueItem[] = []
  const asOf = assessment.asOf
  const horizon = addDays(asOf, dueWithinDays)
  let total = 0
  for (const row of doc.rows) {
    const task = assessment.byRow.get(row.id)
    if (!task || row.kind !== 'data') continue
    total++
    counts[task.state]++
    const own = unitsOfRow(row, cols, 'all')
    for (const { unit, lead } of own) {
      let u = units.get(unit)
      if (!u) units.set(unit, (u = { unit, leads: false, total: 0, counts: emptyStateCounts(), rowIds: {} }))
      u.leads ||= lead
      u.total++
      u.counts[task.state]++
      ;(u.rowIds[task.state] ??= []).push(row.id)
    }
    const text = firstLine(taskTextOf(doc, row))
    const unitNames = own.filter((u) => u.lead).map((u) => u.unit)
    for (const m of task.milestones) {
      if (m.due && m.kind === 'dated') {
        const month = m.due.slice(0, 7)
        const entry = months.get(month) ?? { month, due: 0, done: 0 }
        entry.due++
        if (m.done) entry.done++
        months.set(month, entry)
      }
      if (m.state === 'overdue' && m.due) {
        overdue.push({ rowId: row.id, task: text, units: unitNames, milestone: m.index, milestoneText: m.text, due: m.due, daysOverdue: -daysBetween(asOf, m.due), reason: m.reason })
      } else if (!m.done && m.due && m.due >= asOf && m.due <= horizon && m.kind === 'dated') {
        dueNext.push({ rowId: row.id, task: text, units: unitNames, milestone: m.index, milestoneText: m.text, due: m.due })
      }
    }
  }
  const rank = (u: UnitOverview) => [u.counts.overdue, u.counts.behind, u.counts['due-soon']]
  const sortedUnits = [...units.values()].sort((a, b) => {
    const [x, y] = [rank(a), rank(b)]
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return y[i]! - x[i]!
    return b.total - a.total
  })
  overdue.sort((a, b) => b.daysOverdue - a.daysOverdue)
  dueNext.sort((a, b) => a.due.localeCompare(b.due))
  return { asOf, total, counts, units: sortedUnits, months: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)), overdue, dueNext }
}

/** What changed since an earlier version (a named snapshot): rows matched by id. */
export interface VersionComparison { newlyDone: string[]; newlyOverdue: string[]; stillOverdue: string[] }

export function compareVersions(earlier: DocumentAssessment, now: DocumentAssessment): VersionComparison {
  const out: VersionComparison = { newlyDone: [], newlyOverdue: [], stillOverdue: [] }
  for (const [rowId, task] of now.byRow) {
    const before = earlier.byRow.get(rowId)?.state
    if (task.state === 'done' && before !== undefined && before !== 'done') out.newlyDone.push(rowId)
    if (task.state === 'overdue') (before === 'overdue' ? out.stillOverdue : out.newlyOverdue).push(rowId)
  }
  return out
}

