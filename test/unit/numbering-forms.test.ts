// Numbering and separators other counties use in a schedule cell (rules §3), labelled before the
// engine ran on them: ❶ ➀ ➊ ⓫ read as ①…⑳, `1)` / `1）` as a list mark, `、` between two dated steps.
import { describe, expect, it } from 'vitest'
import { assessTask, parseSchedule } from '../../src/core'

const dues = (text: string) => parseSchedule(text, { year: 2026 }).map((m) => m.due)

describe('numbering forms', () => {
  const cases: [string, (string | null)[]][] = [
    ['1、3月底前完成设计；2、6月底前开工', ['2026-03-31', '2026-06-30']],
    ['（一）3月底前完成设计；（二）6月底前开工', ['2026-03-31', '2026-06-30']],
    ['第一阶段：3月底前完成设计。第二阶段：6月底前开工。', ['2026-03-31', '2026-06-30']],
    ['⑴3月底前完成设计⑵6月底前开工', ['2026-03-31', '2026-06-30']],
    ['1.3月底前完成设计\n2.6月底前开工', ['2026-03-31', '2026-06-30']],
    ['❶3月底前完成设计❷6月底前开工', ['2026-03-31', '2026-06-30']],
    ['➀3月底前完成设计➁6月底前开工', ['2026-03-31', '2026-06-30']],
    ['➊3月底前完成设计➋6月底前开工', ['2026-03-31', '2026-06-30']],
    ['1）3月底前完成设计 2）6月底前开工', ['2026-03-31', '2026-06-30']],
    ['1)完成设计(3月底前) 2)开工(6月底前)', ['2026-03-31', '2026-06-30']],
    ['⑪3月底前完成设计', ['2026-03-31']],
  ]
  for (const [text, want] of cases) it(`${JSON.stringify(text)} → ${want.join(', ')}`, () => expect(dues(text)).toEqual(want))

  it('a lone 3) inside running text is no numbering', () => {
    expect(dues('6月底前完成项目(含二期3)建设')).toEqual(['2026-06-30'])
    expect(dues('年底前完成投资(不少于3)亿元')).toEqual(['2026-12-31'])
  })

  it('progress numbered ❶❷ answers the schedule’s ①②', () => {
    const a = assessTask({ schedule: '①3月底前完成设计②6月底前开工', progress: '❶已完成。❷正在办理施工许可。' }, { year: 2026, asOf: '2026-05-01' })
    expect(a.milestones.map((m) => m.done)).toEqual([true, false])
  })

  it('progress that names its items 第一项… answers them in order', () => {
    const a = assessTask({ schedule: '①3月底前完成设计②6月底前开工', progress: '第一项已完成，第二项正在推进。' }, { year: 2026, asOf: '2026-05-01' })
    expect(a.milestones.map((m) => m.done)).toEqual([true, false])
  })

  it('a 第二项 with no 第一项 before it is no numbering', () => {
    const a = assessTask({ schedule: '①3月底前完成设计②6月底前开工', progress: '设计已完成。第二项工作正在推进。' }, { year: 2026, asOf: '2026-05-01' })
    expect(a.milestones.map((m) => m.done)).toEqual([true, false])
  })

  it('progress numbered 1) 2) answers the schedule’s 1. 2.', () => {
    const a = assessTask({ schedule: '1.3月底前完成设计；2.6月底前开工', progress: '1)已完成；2)尚未开工' }, { year: 2026, asOf: '2026-05-01' })
    expect(a.milestones.map((m) => m.done)).toEqual([true, false])
  })
})

describe('、 between two dated steps', () => {
  it('ends the first step when it has words of its own', () => {
    expect(dues('3月底前完成设计、6月底前开工')).toEqual(['2026-03-31', '2026-06-30'])
  })
  it('joins dates that share their words (3月、6月底前分别…)', () => {
    expect(dues('3月、6月底前分别完成一次检查')).toHaveLength(1)
  })
  it('joins objects with no date of their own', () => {
    expect(dues('6月底前完成设计、施工招标')).toEqual(['2026-06-30'])
  })
})

describe('a hostile schedule cell', () => {
  it('a long run of blanks and 、 between two dates is read, in bounded time', () => {
    const cell = `3月底前${' 、'.repeat(30_000)}6月底前开工`
    const started = Date.now()
    expect(dues(cell)).toEqual(['2026-03-31', '2026-06-30'])
    // Generous, so it stays green on a slow machine: the reading is one pass over the cell.
    expect(Date.now() - started).toBeLessThan(5_000)
  })
})

// Session 8: progress numbered in other forms, labelled before the run; all ten read right at once.
const numberedProgress: [string, string, boolean[]][] = [
  ['①3月底前完成设计。②6月底前完成招标。', '（一）设计已完成。（二）招标正在进行。', [true, false]],
  ['①3月底前完成设计。②6月底前完成招标。', '1.设计已完成。2.招标正在进行。', [true, false]],
  ['①3月底前完成设计。②6月底前完成招标。', '1、已完成；2、正在推进。', [true, false]],
  ['①3月底前完成设计。②6月底前完成招标。', '一是设计已完成；二是招标正在进行。', [true, false]],
  ['1.3月底前完成设计；2.6月底前完成招标', '1.已完成；2.未完成', [true, false]],
  ['（1）3月底前完成设计；（2）6月底前完成招标', '（1）已完成（2）正在招标', [true, false]],
  ['3月底前完成设计；6月底前完成招标', '已完成；正在招标', [true, false]],
  ['①3月底前完成设计。②6月底前完成招标。', '①已完成\n②已完成', [true, true]],
  ['①3月底前完成设计。\n②6月底前完成招标。', '①设计已完成。\n②招标已完成。', [true, true]],
  ['①3月底前完成设计。②6月底前完成招标。', '②已完成。①正在设计。', [false, true]],
]
describe('progress numbered in other forms', () => {
  for (const [s, p, want] of numberedProgress) it(`${s} | ${p}`, () => {
    expect(assessTask({ schedule: s, progress: p }, { year: 2026, asOf: '2026-11-15' }).milestones.map((m) => m.done)).toEqual(want)
  })
})
