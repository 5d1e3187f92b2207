// How a task state looks in an exported table: its label per locale and its 三色督办 fill colour.
import type { TaskState } from '../../core'
import type { ExportLocale } from './types'

const LABELS: Record<ExportLocale, Record<TaskState, string>> = {
  zh: {
    overdue: '逾期', behind: '滞后', 'due-soon': '临期', pending: '未到期',
    recurring: '常态化', undated: '无时限', done: '已完成',
  },
  en: {
    overdue: 'Overdue', behind: 'Behind', 'due-soon': 'Due soon', pending: 'Pending',
    recurring: 'Recurring', undated: 'Undated', done: 'Done',
  },
}

export function stateLabel(state: TaskState, locale: ExportLocale = 'zh'): string {
  return LABELS[locale][state]
}

/**
 * Fill colours as RGB hex without '#'. They are the light tints Excel itself uses for
 * "bad / neutral / good" cells, so black text stays readable on screen and on a
 * monochrome printer the rows still print as light greys. States not named by
 * 三色督办 (pending, recurring, undated) stay unfilled on purpose: colour means "look here".
 */
const FILLS: Partial<Record<TaskState, string>> = {
  overdue: 'FFC7CE',
  behind: 'FFEB9C',
  'due-soon': 'DDEBF7',
  done: 'C6EFCE',
}

export function stateFill(state: TaskState | undefined): string | null {
  return state ? FILLS[state] ?? null : null
}

export const ADDED_HEADERS: Record<ExportLocale, { state: string; reason: string }> = {
  zh: { state: '状态', reason: '逾期说明' },
  en: { state: 'State', reason: 'Overdue notes' },
}
