// The five classes of layout that misread lists from other counties (issue: structure that
// generalises), each on its own: a section under the header, footers in traditional
// characters, the report date from a 填报日期 line, and Jindu's own export read back.
import * as XLSX from '@e965/xlsx'
import { describe, expect, it } from 'vitest'
import { readWorkbook } from '../../src/io'
import { encodeGbk } from './support/layouts'

function xlsx(aoa: (string | number | null)[][], merges: XLSX.Range[] = []): Uint8Array {
  const sheet = XLSX.utils.aoa_to_sheet(aoa)
  sheet['!merges'] = merges
  const book = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(book, sheet, 'Sheet1')
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer)
}

const TWO_ROW_HEADER = [
  ['序号', '重点任务', '工作进度安排', '推进情况', null, '责任单位', null, '责任领导'],
  [null, null, null, '进展情况', '推进状态', '牵头单位', '配合单位', null],
]
const HEADER_MERGES: XLSX.Range[] = [
  { s: { r: 1, c: 0 }, e: { r: 2, c: 0 } }, { s: { r: 1, c: 1 }, e: { r: 2, c: 1 } }, { s: { r: 1, c: 2 }, e: { r: 2, c: 2 } },
  { s: { r: 1, c: 3 }, e: { r: 1, c: 4 } }, { s: { r: 1, c: 5 }, e: { r: 1, c: 6 } }, { s: { r: 1, c: 7 }, e: { r: 2, c: 7 } },
]
const ROLES = ['seq', 'task', 'schedule', 'progress', 'status', 'owner', 'owner', 'lead']
const TASK = [1, '推进城市更新', '①3月底前完成设计招标。', '已完成。', '达序推进', '县住建局', '各乡镇', '张某']

describe('class 1: a section row right under a two-row header', () => {
  it.each([
    ['first cell only', false],
    ['merged across', true],
  ])('keeps the header at two rows and every role (%s)', async (_name, merged) => {
    const aoa = [['某县2023年重点工作推进情况表'], ...TWO_ROW_HEADER, ['一、坚持项目为王,稳住经济大盘'], TASK]
    const merges = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 7 } }, ...HEADER_MERGES, ...(merged ? [{ s: { r: 3, c: 0 }, e: { r: 3, c: 7 } }] : [])]
    const sheet = (await readWorkbook(xlsx(aoa, merges), 'list.xlsx')).sheets[0]!
    expect(sheet.headerRows).toEqual([1, 2])
    expect(sheet.columns.map((c) => c.role)).toEqual(ROLES)
    expect(sheet.rows.map((r) => r.kind)).toEqual(['section', 'data'])
    expect(sheet.rows[0]!.cells[0]).toBe('一、坚持项目为王,稳住经济大盘')
  })

  it('in a GB18030 CSV too, with the section in its first cell', async () => {
    const csv = ['序号,重点任务,工作进度安排,进展情况,推进状态,牵头单位,配合单位', '一、综合交通建设,,,,,,', '1,建设城乡公交,①6月底前开通,已开通。,达序推进,县交通局,各乡镇'].join('\r\n')
    const bytes = encodeGbk(csv)
    const sheet = (await readWorkbook(bytes, 'list.csv')).sheets[0]!
    expect(sheet.headerRows).toEqual([0])
    expect(sheet.columns.map((c) => c.role)).toEqual(['seq', 'task', 'schedule', 'progress', 'status', 'owner', 'owner'])
    expect(sheet.rows.map((r) => [r.kind, r.cells[0]])).toEqual([['section', '一、综合交通建设'], ['data', '1']])
  })

  it.each(['(一)巩固改革成果', '第一部分 经济发展', '一是稳增长', '综合交通建设'])('never takes %s for a header row', async (label) => {
    const aoa = [['序号', '重点任务', '进展情况', '牵头单位'], [label], [1, '任务', '已完成。', '县发改局']]
    const sheet = (await readWorkbook(xlsx(aoa), 'list.xlsx')).sheets[0]!
    expect(sheet.headerRows).toEqual([0])
    expect(sheet.rows[0]!.kind).toBe('section')
  })
})

describe('class 2: footers in simplified and traditional characters', () => {
  it.each(['填表人:王某  聯繫電話:0570-1234567', '註:各單位按時報送', '備註:本表由縣發改局匯總', '說明:完成情況填達序推進', '填報人:李某', '审核人:张某'])('%s is a footer', async (footer) => {
    const aoa = [['序号', '重点任务', '进展情况', '牵头单位'], [1, '任务', '已完成。', '县发改局'], [footer]]
    const sheet = (await readWorkbook(xlsx(aoa), 'list.xlsx')).sheets[0]!
    expect(sheet.rows.map((r) => r.kind)).toEqual(['data', 'footer'])
  })
})

describe('class 4: the as-of date from a 填报日期 or 截至 line when the title names no period', () => {
  it.each([
    ['填報日期:2022年12月20日', '2022-12-20'],
    ['填报日期：2022.12.20', '2022-12-20'],
    ['截至2022年12月20日', '2022-12-20'],
    ['填报单位:某县发改局    填报日期:2022-12-20', '2022-12-20'],
    ['填报日期:2022/9/30', '2022-09-30'],
  ])('%s → %s, and says where it came from', async (line, date) => {
    const aoa = [['某县2022年重点工作推进情况表'], [line], ['序号', '重点任务', '进展情况', '牵头单位'], [1, '任务', '已完成。', '县发改局']]
    const sheet = (await readWorkbook(xlsx(aoa), 'list.xlsx')).sheets[0]!
    expect(sheet.suggestedAsOf).toBe(date)
    expect(sheet.suggestedAsOfFrom).toContain(line.slice(0, 4))
  })

  it('lets a period in the title win over the date line, and ignores an impossible date', async () => {
    const titled = [['某县2022年一季度重点工作推进情况表'], ['填报日期:2022年4月8日'], ['序号', '重点任务', '进展情况'], [1, '任务', '已完成。']]
    expect((await readWorkbook(xlsx(titled), 'a.xlsx')).sheets[0]!.suggestedAsOf).toBe('2022-03-31')
    const impossible = [['某县2022年重点工作推进情况表'], ['填报日期:2022年2月30日'], ['序号', '重点任务', '进展情况'], [1, '任务', '已完成。']]
    expect((await readWorkbook(xlsx(impossible), 'b.xlsx')).sheets[0]!.suggestedAsOf).toBeNull()
  })
})

describe('class 5: Jindu’s own export read back', () => {
  it.each([
    [['状态', '逾期说明']], [['狀態', '逾期說明']], [['State', 'Overdue notes']], [['逾期说明']],
  ])('gives the derived columns %j no role', async (added) => {
    const aoa = [['序号', '工作事项', '进度安排', '进展情况', '完成情况', ...added], [1, '任务', '3月底前完成', '正在推进', '滞后', ...added.map(() => '逾期')]]
    const sheet = (await readWorkbook(xlsx(aoa), 'export.xlsx')).sheets[0]!
    expect(sheet.columns.map((c) => c.role)).toEqual(['seq', 'task', 'schedule', 'progress', 'status', ...added.map(() => null)])
  })

  it('still reads a county’s own 状态 column as the status when nothing else is', async () => {
    const aoa = [['序号', '工作事项', '进展情况', '状态'], [1, '任务', '正在推进', '滞后']]
    const sheet = (await readWorkbook(xlsx(aoa), 'list.xlsx')).sheets[0]!
    expect(sheet.columns.map((c) => c.role)).toEqual(['seq', 'task', 'progress', 'status'])
  })
})

describe('class 6: a 完成情况 column that holds the progress', () => {
  const header = ['序号', '工作任务', '时间节点', '完成情况', '责任单位']
  const prose = [
    [1, '推进城市更新', '①3月底前完成设计招标。②9月底前开工。', '①已完成设计招标。②项目已于8月开工建设,进展顺利。', '县住建局'],
    [2, '建设城市书房', '6月底前建成城市书房4座', '已建成城市书房3座,第4座正在装修,预计7月投用。', '县文旅局'],
    [3, '新增就业岗位', '全年新增就业岗位1000个', '截至9月底,新增就业岗位860个,完成年度目标的86%。', '县人社局'],
  ]

  it('reads it as the progress when the sheet has no progress column and its cells are prose', async () => {
    const sheet = (await readWorkbook(xlsx([header, ...prose]), 'list.xlsx')).sheets[0]!
    expect(sheet.columns.map((c) => c.role)).toEqual(['seq', 'task', 'schedule', 'progress', 'owner'])
  })

  it('keeps it as the status when its cells are status words', async () => {
    const words = prose.map((r, i) => [...r.slice(0, 3), ['已完成', '序时推进', '滞后'][i]!, r[4]!])
    const sheet = (await readWorkbook(xlsx([header, ...words]), 'list.xlsx')).sheets[0]!
    expect(sheet.columns.map((c) => c.role)).toEqual(['seq', 'task', 'schedule', 'status', 'owner'])
  })

  it('keeps it as the status beside a progress column, prose or not', async () => {
    const both = [['序号', '工作任务', '时间节点', '进展情况', '完成情况', '责任单位'], ...prose.map((r) => [...r.slice(0, 4), r[3]!, r[4]!])]
    const sheet = (await readWorkbook(xlsx(both), 'list.xlsx')).sheets[0]!
    expect(sheet.columns.map((c) => c.role)).toEqual(['seq', 'task', 'schedule', 'progress', 'status', 'owner'])
  })
})
