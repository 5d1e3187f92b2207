// Table structures met in other counties' lists (session 7), labelled before the importer ran on them.
import { describe, expect, it } from 'vitest'
import { readWorkbook, toDocument } from '../../src/io'

const csv = (rows: string[][]) =>
  new TextEncoder().encode(rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n'))
const firstSheet = async (rows: string[][]) => (await readWorkbook(csv(rows), 'list.csv')).sheets[0]!

describe('a second header row with no merges (csv, text)', () => {
  const rows = [
    ['2026年重点工作任务推进情况表', '', '', '', '', ''],
    ['填报单位：县发改局', '', '', '填报日期：2026年11月30日', '', ''],
    ['序号', '重点工作', '推进计划', '进展情况', '', '责任单位'],
    ['', '', '', '截至10月底进展', '存在问题', ''],
    ['一、产业发展', '', '', '', '', ''],
    ['1', '建设产业园', '①3月底前完成规划；②10月底前开工', '①已完成；②已开工', '无', '发改局'],
    ['2', '招商引资', '年底前引进项目5个', '已引进3个', '项目落地慢', '商务局'],
  ]
  it('joins the sub-headers to their group, and a problems column is remarks', async () => {
    const sheet = await firstSheet(rows)
    expect(sheet.headerRows).toEqual([2, 3])
    expect(sheet.columns.map((c) => c.role)).toEqual(['seq', 'task', 'schedule', 'progress', 'note', 'owner'])
    expect(sheet.columns[3]!.header).toBe('进展情况/截至10月底进展')
  })
  it('reads no sub-header as a task, and keeps the section right under the header', async () => {
    const sheet = await firstSheet(rows)
    expect(sheet.rows.map((r) => r.kind)).toEqual(['section', 'data', 'data'])
    const doc = toDocument(sheet, 'list.csv')
    const task = doc.columns.find((c) => c.role === 'task')!
    expect(doc.rows.map((r) => r.cells[task.id] ?? '').filter(Boolean)).toEqual(['建设产业园', '招商引资'])
  })
  it('offers the 填报日期 as the as-of date', async () => {
    expect((await firstSheet(rows)).suggestedAsOf).toBe('2026-11-30')
  })
})

describe('a project list whose progress column is 形象进度', () => {
  it('finds the header, the task and the progress', async () => {
    const sheet = await firstSheet([
      ['2026年1-11月重点项目进展情况', '', '', ''],
      ['项目名称', '年度计划投资（万元）', '1-11月完成投资（万元）', '形象进度'],
      ['县医院迁建', '20000', '18500', '主体完工，正在装修'],
      ['污水处理厂', '8000', '8200', '已投运'],
    ])
    expect(sheet.headerRows).toEqual([1])
    expect(sheet.columns.map((c) => c.role)).toEqual(['task', null, null, 'progress'])
    expect(sheet.rows).toHaveLength(2)
    expect(sheet.suggestedAsOf).toBe('2026-11-30')
  })
})

describe('the header printed again over a later page', () => {
  it('is left out, not read as a task', async () => {
    const header = ['序号', '工作任务', '具体措施', '完成时限', '责任单位']
    const sheet = await firstSheet([
      ['县政府工作报告重点任务分解表', '', '', '', ''],
      header,
      ['1', '推进乡村振兴', '①建设高标准农田1万亩', '2026年10月底', '农业农村局'],
      ['2', '优化营商环境', '出台优化营商环境措施', '2026年6月底', '发改局'],
      header.map((h) => h.split('').join(' ')),
      ['3', '提升教育质量', '新建幼儿园3所', '2026年9月', '教育局'],
    ])
    expect(sheet.rows.map((r) => r.cells[0])).toEqual(['1', '2', '3'])
  })
  it('a data row that only shares one word with the header stays', async () => {
    const sheet = await firstSheet([
      ['序号', '工作任务', '完成时限', '责任单位'],
      ['1', '工作任务', '2026年6月底', '发改局'],
    ])
    expect(sheet.rows).toHaveLength(1)
  })
})
