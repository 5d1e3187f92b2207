// The 汇总 table: per lead unit, 单位 | 任务数 | 已完成 | 序时推进 | (滞后) | 临期 | 逾期 | 完成率, then the
// tasks without a lead unit and the total. A joint task counts once under each of its lead units;
// the total counts every task once. 滞后 is a column only when some task is behind, so that
// each line adds up to its 任务数 without a column of zeros the form does not have.
import type { StateCounts } from '../assessDocument'
import type { Overview } from './overview'

export interface SummaryLine {
  unit: string
  tasks: number
  done: number
  /** Not yet due, recurring or undated: on schedule. */
  onTrack: number
  behind: number
  dueSoon: number
  overdue: number
  /** done / tasks, 0 to 1. */
  doneRate: number
  kind: 'unit' | 'unassigned' | 'total'
}

export interface SummaryTable { lines: SummaryLine[]; hasBehind: boolean }

function line(unit: string, c: StateCounts, kind: SummaryLine['kind']): SummaryLine {
  const tasks = Object.values(c).reduce((a, b) => a + b, 0)
  return {
    unit, tasks, done: c.done, onTrack: c.pending + c.recurring + c.undated, behind: c.behind, dueSoon: c['due-soon'], overdue: c.overdue,
    doneRate: tasks ? c.done / tasks : 0, kind,
  }
}

/** Lead units worst first (most overdue, then behind, then due soon), as the overview orders them. */
export function summaryTable(o: Overview, labels: { unassigned: string; total: string }): SummaryTable {
  const lines = o.units.filter((u) => u.led > 0).map((u) => line(u.unit, u.ledCounts, 'unit'))
  const rest = line(labels.unassigned, o.unassigned, 'unassigned')
  if (rest.tasks) lines.push(rest)
  lines.push(line(labels.total, o.counts, 'total'))
  return { lines, hasBehind: o.counts.behind > 0 }
}
