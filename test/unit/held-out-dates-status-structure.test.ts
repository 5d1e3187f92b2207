// Held-out due dates, status words and table structures (session 8), labelled from docs/schedule-rules.md
// before the code ran on them. Wrong on the first run: `年度内` (now a year's end, as 年内), a
// number-and-label row over sub-numbered tasks (now a section), and two labels of mine that the
// rules settle otherwise (`截至12月底` is a report date, no due date; `时间节点` is a schedule).
import { describe, expect, it } from 'vitest'
import { assessTask, parseSchedule } from '../../src/core'
import { readWorkbook } from '../../src/io'

const dueDates: [string, string | null][] = [
  ['6月30日前完成', '2026-06-30'], ['6月末前完成', '2026-06-30'], ['年内完成', '2026-12-31'], ['2026年内完成', '2026-12-31'],
  ['年度内完成', '2026-12-31'], ['本年度内完成', '2026-12-31'], ['年度目标', null], ['三季度末完成', '2026-09-30'], ['9月份前完成', '2026-09-30'], ['10月上旬完成', '2026-10-10'],
  ['11月下旬前完成', '2026-11-30'], ['6月中旬完成', '2026-06-20'], ['12月20日前完成', '2026-12-20'], ['2026年9月完成', '2026-09-30'],
  ['2026年9月30日完成', '2026-09-30'], ['9月30号前完成', '2026-09-30'], ['年底完成', '2026-12-31'], ['12月31日完成', '2026-12-31'],
  ['汛期前完成', null], ['2026年6月至9月', '2026-09-30'], ['6—9月', '2026-09-30'], ['6~9月', '2026-09-30'], ['6月-9月', '2026-09-30'],
  ['第四季度完成', '2026-12-31'], ['四季度末完成', '2026-12-31'], ['下半年完成', '2026-12-31'], ['11月底', '2026-11-30'],
  ['2026年11月底前', '2026-11-30'], ['11月30日', '2026-11-30'], ['2026-11-30', '2026-11-30'], ['2026/11/30', '2026-11-30'],
  ['2026年12月', '2026-12-31'], ['力争10月底前', '2026-10-31'], ['确保年底前', '2026-12-31'],
  ['6月底前（已完成）', '2026-06-30'], ['2026年6月30日之前', '2026-06-30'], ['6月30日以前', '2026-06-30'],
]
describe('due dates', () => {
  for (const [t, want] of dueDates) it(`${t} → ${want}`, () => expect(parseSchedule(t, { year: 2026 }).map((m) => m.due)).toEqual([want]))
})

// The task is due at the year's end and its progress says nothing either way: the status decides.
const statusWords: [string, string][] = [
  ['已完成', 'done'], ['完成', 'done'], ['已全部完成', 'done'], ['全面完成', 'done'], ['已完成。', 'done'], ['完成。', 'done'],
  ['滞后', 'behind'], ['进度滞后', 'behind'], ['滞后于序时进度', 'behind'], ['落后序时', 'behind'], ['未达序时进度', 'behind'],
  ['序时推进', 'pending'], ['正常推进', 'pending'], ['有序推进', 'pending'], ['推进中', 'pending'], ['进行中', 'pending'], ['正在推进', 'pending'],
  ['超序时', 'pending'], ['快于序时', 'pending'], ['已完成80%', 'pending'], ['基本完成', 'pending'], ['部分完成', 'pending'],
  ['', 'pending'], ['完成年度任务', 'done'], ['☑', 'done'], ['已完成（提前）', 'done'],
]
describe('status words', () => {
  for (const [status, want] of statusWords) it(`${status || '(empty)'} → ${want}`, () => {
    expect(assessTask({ schedule: '年底前完成', progress: '按计划推进。', status }, { year: 2026, asOf: '2026-07-15' }).state).toBe(want)
  })
})

const csv = (rows: string[][]) =>
  new TextEncoder().encode(rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n'))
const firstSheet = async (rows: string[][]) => (await readWorkbook(csv(rows), 'list.csv')).sheets[0]!

describe('table structures', () => {
  it('headers with line breaks, spaces and brackets', async () => {
    const s = await firstSheet([
      ['序  号', '工作\n任务', '进度\n安排', '进 展 情 况', '完成时限（节点）', '责任\n单位'],
      ['1', '建设产业园', '①3月底前完成规划；②10月底前开工', '①已完成；②已开工', '10月底', '发改局'],
    ])
    expect(s.columns.map((c) => c.role)).toEqual(['seq', 'task', 'schedule', 'progress', 'deadline', 'owner'])
  })
  it('sub-numbered tasks are tasks; a 合计 row and a note line are footers', async () => {
    const s = await firstSheet([
      ['序号', '工作任务', '进度安排', '进展情况', '责任单位'],
      ['1', '产业发展', '', '', ''],
      ['1.1', '建设产业园', '10月底前开工', '已开工', '发改局'],
      ['1.2', '招商引资', '年底前引进项目5个', '已引进3个', '商务局'],
      ['2', '建设城市书房4座', '年底前建成', '已建成2座', '文广旅局'],
      ['备注：本表由县府办汇总。', '', '', '', ''],
    ])
    expect(s.rows.map((r) => r.kind)).toEqual(['section', 'data', 'data', 'data', 'footer'])
    expect(s.rows[0]!.cells[0]).toBe('1 产业发展')
  })
  it('a numbered row stays a task when the next row is not numbered under it, or when it has a unit', async () => {
    const s = await firstSheet([
      ['序号', '工作任务', '进度安排', '进展情况', '责任单位'],
      ['1', '优化营商环境', '', '', ''],
      ['2', '建设产业园', '', '', '发改局'],
      ['2.1', '完成规划', '3月底前完成', '已完成', '发改局'],
    ])
    expect(s.rows.map((r) => r.kind)).toEqual(['data', 'data', 'data'])
  })
  it('a title row, a unit line, then a header whose first column is blank', async () => {
    const s = await firstSheet([
      ['某县2026年度重点工作任务清单', '', '', ''],
      ['单位：县政府办公室', '', '', ''],
      ['', '重点任务', '时间节点', '推进情况'],
      ['一', '优化营商环境', '6月底前出台方案', '已出台'],
    ])
    expect(s.title).toBe('某县2026年度重点工作任务清单')
    // 时间节点 is a schedule (rules, roles table); a blank header gets no role, even over 一, 二.
    expect(s.columns.map((c) => c.role)).toEqual([null, 'task', 'schedule', 'progress'])
    expect(s.rows.map((r) => r.kind)).toEqual(['data'])
  })
})
