// An unnumbered schedule that names several due dates is one milestone per date (rules §3: a milestone has at most one).
// Cases labelled from the rules before the engine ran on them.
import { describe, expect, it } from 'vitest'
import { assessTask, parseSchedule } from '../../src/core'
import { keyWords } from '../../src/core/milestoneKeys'

const ctx = { year: 2023 }
const dues = (text: string) => parseSchedule(text, ctx).map((m) => m.due ?? m.kind)

describe('schedule cells split at the sentence before each later date', () => {
  const cases: [string, (string)[]][] = [
    ['一季度完成项目立项。二季度完成土地征收。三季度开工建设。', ['2023-03-31', '2023-06-30', '2023-09-30']],
    ['6月底前完成主体结构封顶，年底前竣工验收', ['2023-06-30', '2023-12-31']],
    ['上半年完成方案编制,下半年启动实施', ['2023-06-30', '2023-12-31']],
    ['4月完成招标\n8月完成主体施工\n12月竣工', ['2023-04-30', '2023-08-31', '2023-12-31']],
    ['2023年6月底前完成可研批复，2023年12月底前开工建设', ['2023-06-30', '2023-12-31']],
    ['3月至6月完成调研，10月底前形成报告', ['2023-06-30', '2023-10-31']],
    ['2023.6.30前完成验收，2023.12.31前完成审计', ['2023-06-30', '2023-12-31']],
    ['1.5亿元项目6月底前开工，年底前投产', ['2023-06-30', '2023-12-31']],
    // A `;` segment with two dates splits too; the segments are numbered in order.
    ['6月底前完成设计；9月底前完成招标，12月底前开工', ['2023-06-30', '2023-09-30', '2023-12-31']],
    // One date: nothing to split. `截至` names a report date, not a due date.
    ['力争6月底前开工', ['2023-06-30']],
    ['截至6月底完成50%，年底前全部完成', ['2023-12-31']],
    // Dates in one list (`、`), not one per sentence: one milestone, as before.
    ['3月、6月、9月底前分别召开推进会', ['2023-03-31']],
    // Recurring work stays whole.
    ['每月10日前报送进度，年底前完成评估', ['recurring']],
    // Numbering wins: a numbered part with two dates stays one milestone.
    ['①6月底前完成设计，9月底前完成招标。②年底前开工。', ['2023-06-30', '2023-12-31']],
  ]
  for (const [text, expected] of cases) {
    it(text.replace(/\n/g, '⏎'), () => expect(dues(text)).toEqual(expected))
  }

  it('each piece keeps its own words and is numbered in order', () => {
    const ms = parseSchedule('一季度完成项目立项。二季度完成土地征收。三季度开工建设。', ctx)
    expect(ms.map((m) => [m.index, m.text])).toEqual([[1, '一季度完成项目立项'], [2, '二季度完成土地征收'], [3, '三季度开工建设']])
  })
})

describe('progress against the pieces (rules §5: never a false done, never a false overdue)', () => {
  const states = (fields: Record<string, string>, asOf: string) => {
    const r = assessTask(fields, { year: 2023, asOf })
    return [r.state, ...r.milestones.map((m) => m.state)]
  }

  it('the finished first step is done; the later one is not overdue before its date', () => {
    // Before: one milestone due 6月底, overdue, though 封顶 was done and 竣工验收 is due at the year end.
    expect(states({ schedule: '6月底前完成主体结构封顶，年底前竣工验收', progress: '主体结构已于5月封顶，目前正在进行内部装修。' }, '2023-07-15'))
      .toEqual(['pending', 'done', 'pending'])
  })

  it('a later step with no progress is never done by the first step’s done', () => {
    // Before: `设计已完成` closed the whole cell, 建成投用 included (a false done).
    expect(states({ schedule: '6月底前完成设计，年底前建成投用', progress: '设计已完成。' }, '2023-07-01'))
      .toEqual(['pending', 'done', 'pending'])
  })

  it('each sentence speaks for its own step', () => {
    expect(states({ schedule: '一季度完成项目立项。二季度完成土地征收。三季度开工建设。', progress: '已完成项目立项，土地征收完成80%。' }, '2023-07-15'))
      .toEqual(['overdue', 'done', 'overdue', 'pending'])
  })

  it('progress split by `;` answers the pieces in order', () => {
    expect(states({ schedule: '6月底前完成设计，9月底前完成招标', progress: '设计已完成；招标正在进行。' }, '2023-10-10'))
      .toEqual(['overdue', 'done', 'overdue'])
  })

  it('no progress: the past step is overdue, the later one pending', () => {
    expect(states({ schedule: '3月底前完成选址，6月底前开工建设', progress: '' }, '2023-04-10'))
      .toEqual(['overdue', 'overdue', 'pending'])
  })
})

describe('the key words an unmentioned milestone is named by', () => {
  const pair = (w: string) => w.charCodeAt(0) * 0x10000 + w.charCodeAt(1)
  it('overlapping pairs read as the clerk’s word, others are listed', () => {
    expect(keyWords(['开工', '工建', '建设'].map(pair))).toBe('开工建设')
    expect(keyWords(['竣工', '验收'].map(pair))).toBe('竣工、验收')
    expect(keyWords(['土地', '地征', '征收', '收储'].map(pair))).toBe('土地征收')
  })

  it('the reason quotes them so', () => {
    const r = assessTask({ schedule: '一季度完成立项。三季度开工建设。', progress: '立项已完成。' }, { year: 2023, asOf: '2023-07-15' })
    expect(r.milestones[1]!.reason).toContain('（「开工建设」）')
  })
})
