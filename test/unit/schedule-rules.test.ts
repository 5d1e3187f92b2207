// Explicit schedule cases the rules single out: invalid months and days, leap years, dueWords, traditional text.
import { describe, expect, it } from 'vitest'
import { parseSchedule } from '../../src/core/schedule'

const y2023 = { year: 2023 }

describe('dates that are not dates (rules §4)', () => {
  it('13月底前 is undated and unreadable', () => {
    expect(parseSchedule('13月底前完成验收。', y2023)).toEqual([
      { index: 1, text: '13月底前完成验收。', due: null, kind: 'undated', unreadable: true, dueWords: '13月底前' },
    ])
  })
  it('2月30日 is undated and unreadable in any year', () => {
    expect(parseSchedule('2月30日前完成方案编制。', y2023)[0]).toMatchObject({ due: null, kind: 'undated', unreadable: true })
    expect(parseSchedule('2月30日前完成方案编制。', { year: 2024 })[0]).toMatchObject({ due: null, unreadable: true })
  })
  it('2024年2月29日 is a real day; 2023年2月29日 is not', () => {
    expect(parseSchedule('2024年2月29日前完成决算审计。', y2023)[0]).toMatchObject({ due: '2024-02-29', kind: 'dated' })
    expect(parseSchedule('2023年2月29日前完成清算。', { year: 2024 })[0]).toMatchObject({ due: null, kind: 'undated', unreadable: true })
  })
  it('century years follow the Gregorian rule', () => {
    expect(parseSchedule('2100年2月底前完成。', y2023)[0]!.due).toBe('2100-02-28')
    expect(parseSchedule('2000年2月底前完成。', y2023)[0]!.due).toBe('2000-02-29')
  })
})

describe('the words that gave the date', () => {
  it('fills dueWords and keeps the milestone text without its number', () => {
    const [m1, m2] = parseSchedule('①2月上旬前,完成设计招标。②每月10日前报送进展。', y2023)
    expect(m1).toMatchObject({ index: 1, text: '2月上旬前,完成设计招标。', due: '2023-02-10', dueWords: '2月上旬前' })
    expect(m2).toMatchObject({ index: 2, kind: 'recurring', due: null, dueWords: '每月' })
  })
  it('marks N月前 ambiguous and N月份前 not', () => {
    expect(parseSchedule('6月前完成。', y2023)[0]).toMatchObject({ due: '2023-06-30', ambiguous: true })
    expect(parseSchedule('1月前完成。', { year: 2023, monthBefore: 'end-of-previous-month' })[0]!.due).toBe('2022-12-31')
    expect(parseSchedule('6月份前完成。', y2023)[0]!.ambiguous).toBeUndefined()
  })
  it('skips a report date and reads the due date after it', () => {
    expect(parseSchedule('截至6月30日已完成50%,9月底前全部完成。', y2023)[0]).toMatchObject({ due: '2023-09-30', dueWords: '9月底前' })
  })
})

describe('other spellings', () => {
  it('reads traditional characters and full-width digits', () => {
    expect(parseSchedule('①３月底前完成設計。②每週開展巡查。③長期堅持。', y2023).map((m) => m.kind)).toEqual(['dated', 'recurring', 'undated'])
  })
  it('reads ISO-like dates of a deadline column', () => {
    for (const t of ['2024/3/31', '2024-03-31', '2024.3.31']) expect(parseSchedule(t, y2023)[0]!.due).toBe('2024-03-31')
  })
  it('reads 明年 and 前三季度', () => {
    expect(parseSchedule('明年6月底前建成。', y2023)[0]!.due).toBe('2024-06-30')
    expect(parseSchedule('前三季度完成投资。', y2023)[0]!.due).toBe('2023-09-30')
  })
  it('does not read durations, counts or rates as dates', () => {
    expect(parseSchedule('6个月内完成整改。', y2023)[0]!.kind).toBe('undated')
    expect(parseSchedule('三年内完成改造。', y2023)[0]!.kind).toBe('undated')
    expect(parseSchedule('一月一通报,持续推进。', y2023)[0]!.kind).toBe('undated')
  })
  it('an empty cell has no milestones', () => {
    expect(parseSchedule('', y2023)).toEqual([])
    expect(parseSchedule('  \n ', y2023)).toEqual([])
  })
})
