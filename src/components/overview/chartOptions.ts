// The overview's two charts as plain ECharts options built from core's figures: no chart code
// here, so the panel and the 汇总 sheet's pictures share one description of each chart.
import { TASK_STATE_ORDER, type MonthOverview, type TaskState, type UnitOverview } from '../../core'

export type ChartOption = Record<string, unknown>

/** The app's own state colours (styles.css), so the charts read like the grid. */
export const STATE_COLORS: Record<TaskState, string> = {
  overdue: '#c62828', behind: '#d89b00', 'due-soon': '#1565c0', pending: '#78909c', recurring: '#9e9e9e', undated: '#bdbdbd', done: '#2e7d32',
}

/** The unit chart shows the worst units: what a leader reads (the table view and the 汇总 sheet have them all). */
export const MAX_UNITS = 30

/** Single quotes: ECharts writes the family into a double-quoted SVG attribute for the PNG. */
const FONT = "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"

export interface UnitChartText { state: (s: TaskState) => string; supportOnly: string }

/** A stacked bar per unit, worst first; units that only support are paler and say so. */
export function unitChartOption(units: readonly UnitOverview[], text: UnitChartText): ChartOption {
  const shown = units.slice(0, MAX_UNITS)
  return {
    animation: false,
    textStyle: { fontFamily: FONT },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: shown.map((u) => (u.leads ? u.unit : `${u.unit}${text.supportOnly}`)), inverse: true, axisLabel: { width: 160, overflow: 'truncate' } },
    series: TASK_STATE_ORDER.map((state) => ({
      name: text.state(state), type: 'bar', stack: 'tasks', itemStyle: { color: STATE_COLORS[state] }, emphasis: { focus: 'series' },
      data: shown.map((u) => (u.leads ? u.counts[state] : { value: u.counts[state], itemStyle: { opacity: 0.45 } })),
    })),
  }
}

/** The unit and state of a clicked segment. */
export function unitChartPick(units: readonly UnitOverview[], seriesIndex: number, dataIndex: number): { unit: string; state: TaskState } | null {
  const unit = units.slice(0, MAX_UNITS)[dataIndex]
  const state = TASK_STATE_ORDER[seriesIndex]
  return unit && state ? { unit: unit.unit, state } : null
}

export interface TimelineText { done: string; overdue: string; open: string; asOf: string }

export const TIMELINE_SERIES = ['done', 'overdue', 'open'] as const

/** Milestones by the month they fall due (done, overdue, not yet due), the as-of month marked. */
export function timelineOption(months: readonly MonthOverview[], asOf: string, text: TimelineText): ChartOption {
  const asOfMonth = asOf.slice(0, 7)
  const colors = { done: STATE_COLORS.done, overdue: STATE_COLORS.overdue, open: STATE_COLORS.pending }
  const marked = months.some((m) => m.month === asOfMonth)
  return {
    animation: false,
    textStyle: { fontFamily: FONT },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => m.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: TIMELINE_SERIES.map((key, i) => ({
      name: text[key], type: 'bar', stack: 'milestones', barMaxWidth: 36, itemStyle: { color: colors[key] },
      data: months.map((m) => m[key]),
      ...(i === 0 && marked
        ? { markLine: { symbol: 'none', silent: true, lineStyle: { color: '#1f2328', type: 'dashed', width: 2 }, label: { formatter: text.asOf, position: 'end' }, data: [{ xAxis: asOfMonth }] } }
        : {}),
    })),
  }
}
