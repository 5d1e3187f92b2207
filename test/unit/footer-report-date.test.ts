// A 填报日期 line below the table (where some counties put it): a footer, and the as-of date offered. Labelled before the run.
import * as XLSX from '@e965/xlsx'
import { describe, expect, it } from 'vitest'
import { readWorkbook } from '../../src/io'

async function read(aoa: string[][], merges: XLSX.Range[] = []) {
  const ws = XLSX.utils.aoa_to_sheet(aoa)
  ws['!merges'] = merges
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, ws, 'Sheet1')
  return (await readWorkbook(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' })), 'list.xlsx')).sheets[0]!
}

const header = ['序号', '工作任务', '具体举措', '时间节点', '责任单位', '进展情况']
const body = [
  ['1', '推进城市更新', '改造老旧小区15个', '9月底前', '住建局', '已完成12个'],
  ['', '', '建设口袋公园5个', '6月底前', '城管局', '已完成5个'],
  ['2', '优化营商环境', '推进一网通办', '年底前', '数据局', '已上线'],
]

describe('a 填报日期 line below the table', () => {
  it('is a footer, and gives the as-of date when the title names no period', async () => {
    const s = await read([['2023年重点工作任务清单'], header, ...body, ['填报日期：2023年10月8日']])
    expect(s.rows.map((r) => r.kind)).toEqual(['data', 'data', 'data', 'footer'])
    expect(s.suggestedAsOf).toBe('2023-10-08')
  })

  it('填报单位 and 报送日期 lines are footers too', async () => {
    const s = await read([['2023年重点工作任务清单'], header, ...body, ['填报单位：县发改局'], ['报送日期：2023.10.9']])
    expect(s.rows.map((r) => r.kind)).toEqual(['data', 'data', 'data', 'footer', 'footer'])
    expect(s.suggestedAsOf).toBe('2023-10-09')
  })

  it('a line above the header wins over one below; a period in the title wins over both', async () => {
    const above = await read([['2023年重点工作任务清单'], ['填报日期：2023年9月30日'], header, ...body, ['填报日期：2023年10月8日']])
    expect(above.suggestedAsOf).toBe('2023-09-30')
    const titled = await read([['2023年三季度重点工作任务清单'], header, ...body, ['填报日期：2023年10月8日']])
    expect(titled.suggestedAsOf).toBe('2023-09-30')
  })

  it('a task merged down over its measures is every measure’s task', async () => {
    const s = await read([['2023年重点工作任务清单'], header, ...body], [{ s: { r: 2, c: 1 }, e: { r: 3, c: 1 } }, { s: { r: 2, c: 0 }, e: { r: 3, c: 0 } }])
    expect(s.rows.map((r) => r.cells.slice(0, 3))).toEqual([['1', '推进城市更新', '改造老旧小区15个'], ['1', '推进城市更新', '建设口袋公园5个'], ['2', '优化营商环境', '推进一网通办']])
  })
})
