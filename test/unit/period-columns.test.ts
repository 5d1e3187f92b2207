// A column per period (一季度 | 二季度 | …): each is a milestone due with its period. Labelled before the engine ran on them.
import * as XLSX from '@e965/xlsx'
import { describe, expect, it } from 'vitest'
import { assessTask, detectRole, taskFieldsOf, type TaskColumn, type TaskRow } from '../../src/core'
import { headerPeriod } from '../../src/core/roles'
import { readWorkbook } from '../../src/io'

describe('period headers', () => {
  const schedule: [string, string][] = [
    ['一季度', '一季度'], ['第二季度', '第二季度'], ['三季度目标', '三季度'], ['四季度任务', '四季度'], ['2023年一季度', '2023年一季度'],
    ['Q2', '二季度'], ['上半年', '上半年'], ['下半年目标', '下半年'], ['3月', '3月'], ['12月份', '12月份'], ['1-3月', '1-3月'],
    ['十月', '十月'], ['分季度目标/二季度', '二季度'], ['一季度进度安排', '一季度'],
  ]
  for (const [header, period] of schedule) {
    it(`${header} is a schedule column due with ${period}`, () => {
      expect(detectRole(header)).toBe('schedule')
      expect(headerPeriod(header)).toBe(period)
    })
  }
  it('a period with another role’s word keeps that role; a target column is no period', () => {
    expect(detectRole('一季度进展情况')).toBe('progress')
    expect(detectRole('全年目标')).toBe('task')
    expect(detectRole('年度目标')).toBe('task')
    expect(detectRole('季度')).toBeNull()
    expect(headerPeriod('时间节点')).toBeNull()
  })
})

const columnsOf = (headers: string[]): TaskColumn[] => headers.map((header, i) => ({ id: `c${i}`, header, role: detectRole(header) }))
const rowOf = (cells: string[]): TaskRow => ({ id: 'r1', kind: 'data', cells: Object.fromEntries(cells.map((v, i) => [`c${i}`, v])) })

describe('a row of a per-period list', () => {
  const headers = ['序号', '工作任务', '责任单位', '一季度', '二季度', '三季度', '四季度', '进展情况']

  it('reads one milestone per period cell, the cell’s own date first', () => {
    const f = taskFieldsOf(columnsOf(headers), rowOf(['1', '建设城市书房4座', '县文旅局', '完成选址', '2月10日前完成设计', '', '建成投用', '']))
    const ms = assessTask(f, { year: 2023, asOf: '2023-01-15' }).milestones
    expect(ms.map((m) => m.due)).toEqual(['2023-03-31', '2023-02-10', '2023-12-31'])
  })

  it('judges each period by the progress sentences that speak of it', () => {
    const f = taskFieldsOf(columnsOf(headers), rowOf(['1', '建设城市书房4座', '县文旅局', '完成选址', '完成设计', '开工建设', '建成投用', '选址已确定。设计已完成。']))
    const r = assessTask(f, { year: 2023, asOf: '2023-10-10' })
    expect(r.milestones.map((m) => m.state)).toEqual(['done', 'done', 'overdue', 'pending'])
    expect(r.state).toBe('overdue')
  })

  it('comes after a plain schedule column’s milestones', () => {
    const f = taskFieldsOf(columnsOf(['工作任务', '时间节点', '上半年', '下半年']), rowOf(['完成改造', '3月底前完成摸底', '完成一半', '全部完成']))
    expect(assessTask(f, { year: 2023, asOf: '2023-01-15' }).milestones.map((m) => m.due)).toEqual(['2023-03-31', '2023-06-30', '2023-12-31'])
  })
})

describe('a progress column per period', () => {
  const headers = ['序号', '重点任务', '一季度进展', '二季度进展', '三季度进展', '责任单位']
  // Labelled from the rule: the latest filled period's progress is the work as it stands.
  it('reads the latest filled period, not the first (an earlier 完成设计 is no false done)', () => {
    const f = taskFieldsOf(columnsOf(headers), rowOf(['2', '9月底前完成老旧小区改造15个', '完成设计', '开工', '正在施工', '住建局']))
    expect(f.progress).toBe('正在施工')
    expect(assessTask(f, { year: 2026, asOf: '2026-11-30' }).milestones.map((m) => m.done)).toEqual([false])
  })
  it('skips a period left empty', () => {
    const f = taskFieldsOf(columnsOf(headers), rowOf(['1', '年底前建成公厕10座', '完成选址', '已建成10座', '', '城管局']))
    expect(f.progress).toBe('已建成10座')
  })
  it('a plain progress column, when there is one, is the progress', () => {
    const f = taskFieldsOf(columnsOf(['工作任务', '进展情况', '截至9月底进展']), rowOf(['完成改造', '已完成改造', '正在验收']))
    expect(f.progress).toBe('已完成改造')
  })
})

describe('imported from a workbook', () => {
  it('gives every period column the schedule role', async () => {
    const aoa = [
      ['2023年重点工作分季度推进计划表'],
      ['序号', '工作任务', '责任单位', '一季度', '二季度', '三季度', '四季度', '进展情况'],
      ['1', '建设城市书房4座', '县文旅局', '完成选址', '完成设计', '开工建设', '建成投用', '选址已确定'],
    ]
    const wb = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), 'Sheet1')
    const read = await readWorkbook(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' })), 'plan.xlsx')
    expect(read.sheets[0]!.columns.map((c) => c.role)).toEqual(['seq', 'task', 'owner', 'schedule', 'schedule', 'schedule', 'schedule', 'progress'])
  })
})
