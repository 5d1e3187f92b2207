// The document year and the suggested as-of date from a title or file name (rules §2).
import { describe, expect, it } from 'vitest'
import { documentYear, suggestAsOf } from '../../src/core/period'

describe('documentYear', () => {
  it('takes the first 20XX年 of the title', () => {
    expect(documentYear('开化县2023年度重点工作清单(一季度政府工作报告重点任务执行落实情况)', null)).toBe(2023)
    expect(documentYear('2020年区政府工作报告重点工作要点分解责任清单', '2021年.xlsx')).toBe(2020)
    expect(documentYear('二〇二四年重点工作清单', null)).toBe(2024)
    expect(documentYear('２０２２年重点工作', null)).toBe(2022)
  })

  it('falls back to the file name, where a bare year counts too', () => {
    expect(documentYear('重点工作清单', '2022年重点工作.xlsx')).toBe(2022)
    expect(documentYear(null, 'kaihua-2023-q1.xlsx')).toBe(2023)
    expect(documentYear(null, 'export_20230512.xlsx')).toBeNull()
  })

  it('does not read a publication date in the title as the year', () => {
    expect(documentYear('重点工作清单 发布于 2023-12-22', null)).toBeNull()
    expect(documentYear(null, null)).toBeNull()
  })
})

describe('suggestAsOf', () => {
  it.each([
    ['开化县2023年度重点工作清单(一季度政府工作报告重点任务执行落实情况)', 2023, '2023-03-31'],
    ['2023年《政府工作报告》重点工作半年度进展情况表', 2023, '2023-06-30'],
    ['2023年上半年重点工作推进情况', 2023, '2023-06-30'],
    ['2023年前三季度重点工作进展', 2023, '2023-09-30'],
    ['2023年第三季度重点工作完成情况', 2023, '2023-09-30'],
    ['2023年第二季度进展', 2023, '2023-06-30'],
    ['2023年四季度进展', 2023, '2023-12-31'],
    ['2023年度重点工作进展情况', 2023, '2023-12-31'],
    ['2023年全年重点工作完成情况', 2023, '2023-12-31'],
    ['2024年1-2月重点工作进展', 2024, '2024-02-29'],
    ['重点工作进展(截至5月底)', 2023, '2023-05-31'],
    ['一季度重点工作', 2021, '2021-03-31'],
  ] as const)('%s → %s', (title, year, asOf) => {
    expect(suggestAsOf(title, year)).toBe(asOf)
  })

  it('names no date for a plan that names no report period', () => {
    expect(suggestAsOf('2020年区政府工作报告重点工作要点分解责任清单', 2020)).toBeNull()
    expect(suggestAsOf('开化县2023年度重点工作清单', 2023)).toBeNull()
    expect(suggestAsOf(null, 2023)).toBeNull()
    expect(suggestAsOf('一季度进展', null)).toBeNull()
  })
})
