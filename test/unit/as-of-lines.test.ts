// The as-of date offered from a title or a date line (rules §2), in forms other counties use;
// labelled before the importer ran on them.
import { expect, it } from 'vitest'
import { readWorkbook } from '../../src/io'
const enc = (rows: string[][]) => new TextEncoder().encode(rows.map((r) => r.join(',')).join('\r\n'))
const lines: [string, string, string | null][] = [
  ['2023年重点工作清单', '填报日期：2023.11.15', '2023-11-15'],
  ['2023年重点工作清单', '填报日期:2023-11-15', '2023-11-15'],
  ['2023年重点工作清单', '填報日期：2023/11/15', '2023-11-15'],
  ['2023年重点工作清单', '截至2023年11月15日', '2023-11-15'],
  ['2023年重点工作清单', '（截至11月15日）', '2023-11-15'],
  ['2023年重点工作清单', '填报单位：（盖章）  填报时间：2023年11月15日', '2023-11-15'],
  ['2023年重点工作半年度进展情况表', '填报日期：2023年11月15日', '2023-06-30'],
  ['2023年前三季度重点工作进展', '', '2023-09-30'],
  ['2023年1-10月重点工作进展', '', '2023-10-31'],
  ['2023年10月份重点工作进展', '', '2023-10-31'],
  ['2023年第三季度重点工作进展情况', '', '2023-09-30'],
  ['2023年度重点工作完成情况', '', '2023-12-31'],
  ['2023年重点工作清单', '', null],
  ['截至2023年10月底重点工作推进情况', '', '2023-10-31'],
  ['2023年重点工作清单', '（数据截至10月底）', '2023-10-31'],
  ['2023年重点工作清单', '截至2023年9月末', '2023-09-30'],
  ['截至2023年11月15日重点工作进展', '', '2023-11-15'],
  ['2023年10月底前完成事项清单', '', null],
  ['2023年重点工作清单', '截至13月底', null],
]
for (const [title, line, want] of lines) {
  it(`${title}${line ? ' / ' + line : ''} → ${want ?? 'nothing offered'}`, async () => {
    const rows = [[title, '', ''], ...(line ? [[line, '', '']] : []), ['序号', '工作任务', '进展情况'], ['1', '建设', '已完成']]
    const sheet = (await readWorkbook(enc(rows), 'a.csv')).sheets[0]!
    expect(sheet.suggestedAsOf).toBe(want)
  })
}
