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
  /** The tasks this unit leads (the 汇总 sheet counts a joint task once, under its lead units). */
  led: number
  ledCounts: StateCounts
}

/**
 * The milestones due in one month (`YYYY-MM`): of them done, overdue (past due on the as-of date,
 * not done) and open (not yet due); `rowIds` the tasks they belong to.
 */
export interface MonthOverview { month: string; due: number; done: number; overdue: number; open: number; rowIds: string[] }

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
  /** Tasks with no lead unit named. */
  unassigned: StateCounts
  /** Every month from the first due milestone (or the as-of month) to the last, gaps included (the axis is time). */
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
  const unassigned = emptyStateCounts()
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
      if (!u) units.set(unit, (u = { unit, leads: false, total: 0, counts: emptyStateCounts(), rowIds: {}, led: 0, ledCounts: emptyStateCounts() }))
      u.leads ||= lead
      u.total++
      u.counts[task.state]++
      ;(u.rowIds[task.state] ??= []).push(row.id)
      if (lead) { u.led++; u.ledCounts[task.state]++ }
    }
    if (!own.some((u) => u.lead)) unassigned[task.state]++
    const text = firstLine(taskTextOf(doc, row))
    const unitNames = own.filter((u) => u.lead).map((u) => u.unit)
    for (const m of task.milestones) {
      if (m.due && m.kind === 'dated') {
        const month = m.due.slice(0, 7)
        let entry = months.get(month)
        if (!entry) months.set(month, (entry = { month, due: 0, done: 0, overdue: 0, open: 0, rowIds: [] }))
        entry.due++
        if (m.done) entry.done++
        else if (m.state === 'overdue') entry.overdue++
        else entry.open++
        if (entry.rowIds[entry.rowIds.length - 1] !== row.id) entry.rowIds.push(row.id)
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
  return { asOf, total, counts, units: sortedUnits, unassigned, months: monthAxis(months, asOf.slice(0, 7)), overdue, dueNext }
}

/**
 * The months in order with the empty ones between them filled in (at most 20 years: a list spans
 * one or two), reaching the as-of month so the timeline can always mark it.
 */
function monthAxis(months: Map<string, MonthOverview>, asOfMonth: string): MonthOverview[] {
  if (!months.size) return []
  const keys = [...months.keys(), ...(months.has(asOfMonth) ? [] : [asOfMonth])].sort()
  const last = keys[keys.length - 1]!
  const out: MonthOverview[] = []
  let [y, m] = keys[0]!.split('-').map(Number) as [number, number]
  for (let guard = 0; guard < 240; guard++) {
    const key = `${y}-${String(m).padStart(2, '0')}`
    out.push(months.get(key) ?? { month: key, due: 0, done: 0, overdue: 0, open: 0, rowIds: [] })
    if (key >= last) break
    if (++m > 12) { m = 1; y++ }
  }
  // Months beyond the cap (a stray far-off year) still count: they follow in order.
  for (const key of keys) if (key > out[out.length - 1]!.month) out.push(months.get(key) ?? { month: key, due: 0, done: 0, overdue: 0, open: 0, rowIds: [] })
  return out
}
