// Counts written in Chinese numerals (rules §5, never a false done): labelled from the rule before
// the engine ran on them. A Chinese count only ever keeps done words from closing a milestone whose
// digit target it falls short of; it never makes a milestone done.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { assessTask } from '../../src/core'
import { findChineseCounts } from '../../src/core/chineseCounts'
import { readChineseNumber as chineseNumberValue } from '../../src/core/text'

const judged = (schedule: string, progress: string, task = '') =>
  assessTask({ task, schedule, progress }, { year: 2026, asOf: '2026-07-15' }).milestones.map((m) => m.done)

describe('the value of Chinese numerals', () => {
  const values: [string, number][] = [
    ['一', 1], ['两', 2], ['十', 10], ['十二', 12], ['二十', 20], ['二十三', 23], ['一百', 100], ['一百二十', 120],
    ['二百零五', 205], ['三千', 3000], ['两万', 20000], ['一万二千', 12000], ['〇', 0],
  ]
  for (const [run, value] of values) it(`${run} = ${value}`, () => expect(chineseNumberValue(run)).toBe(value))
})

describe('which Chinese numerals are counts', () => {
  it('reads a count with a countable unit', () => {
    expect(findChineseCounts('已建成两座,正在建设一座')).toMatchObject([{ value: 2, unit: '座' }, { value: 1, unit: '座' }])
    expect(findChineseCounts('已培训一百二十人次')).toMatchObject([{ value: 120, unit: '人次' }])
  })
  const words = ['进一步推进', '第一个完成', '每一个村', '一个月内完成', '一次性补助', '两个多月', '一户一档', '其中一个村', '剩余两个', '万人', '唯一', '十四五规划']
  for (const text of words) it(`「${text}」 holds no count of done work`, () => expect(findChineseCounts(text)).toEqual([]))
})

describe('a Chinese count short of a digit target is not done', () => {
  const cases: [string, string, boolean, string?][] = [
    ['①年底前建成城市书房3座', '①已建成两座。', false],
    ['①年底前建成城市书房3座', '①已建成三座。', true],
    ['①年底前建成城市书房3座', '①已建成四座,超额完成。', true],
    ['①6月底前完成12个村污水治理', '①已完成十个村污水治理。', false],
    ['①6月底前完成12个村污水治理', '①已完成十二个村污水治理。', true],
    ['①9月底前培训农民500人次', '①已完成培训三百人次。', false],
    ['①9月底前培训农民500人次', '①已完成培训五百二十人次。', true],
    ['①6月底前完成5户危房改造', '①已完成改造,落实一户一档。', true],
    ['①6月底前完成5个村改造', '①5个村已完成改造,其中一个村为示范村。', true],
    ['①6月底前完成5个村改造', '①已完成,用时一个月。', true],
    // A unit with no digit target: the Chinese count proves nothing either way.
    ['①6月底前完成方案编制', '①已完成方案编制,召开两次论证会。', true],
    // Unnumbered progress against several milestones: the sentence naming the count decides.
    ['①3月底前完成选址;②10月底前建成公厕6座', '选址已完成。公厕已建成两座。', false],
  ]
  for (const [schedule, progress, done] of cases) {
    it(`${schedule} | ${progress} → ${done ? 'done' : 'not done'}`, () => expect(judged(schedule, progress).at(-1)).toBe(done))
  }

  it('a task target in digits with a deadline only: 新建城市书房4座 | 已建成两座 → not done', () => {
    expect(judged('2026年6月底前完成', '已建成两座。', '新建城市书房4座')).toEqual([false])
  })

  it('says which count fell short', () => {
    const a = assessTask({ schedule: '①年底前建成城市书房3座', progress: '①已建成两座。' }, { year: 2026, asOf: '2026-07-15' })
    expect(a.milestones[0]!.reason).toContain('数量未达到目标')
    expect(a.milestones[0]!.reason).toContain('2/3')
  })
})

const DIGITS = '〇一二三四五六七八九'
/** n (1–9999) in Chinese numerals, as clerks write them (十二, not 一十二). */
function inChinese(n: number): string {
  const parts: string[] = []
  const units = [[1000, '千'], [100, '百'], [10, '十']] as const
  let rest = n
  let zero = false
  for (const [size, word] of units) {
    const d = Math.floor(rest / size)
    rest %= size
    if (d > 0) {
      if (zero) parts.push('零')
      zero = false
      parts.push(size === 10 && d === 1 && parts.length === 0 ? word : DIGITS[d]! + word)
    } else if (parts.length > 0) zero = true
  }
  if (rest > 0) parts.push((zero ? '零' : '') + DIGITS[rest]!)
  return parts.join('')
}

describe('property: done words never close a milestone over a smaller Chinese count', () => {
  it('inChinese writes numbers as clerks do', () => {
    for (const [n, s] of [[12, '十二'], [20, '二十'], [205, '二百零五'], [1010, '一千零一十'], [3000, '三千']] as const) expect(inChinese(n)).toBe(s)
  })
  it('holds for generated targets, counts and done phrases', () => {
    const units = ['个', '座', '户', '家', '处', '项', '所', '人次', '公里']
    const phrases = ['已建成', '已完成', '已全部完成', '已顺利完成', '已于5月完成']
    fc.assert(fc.property(
      fc.integer({ min: 2, max: 9999 }), fc.constantFrom(...units), fc.constantFrom(...phrases), fc.double({ min: 0, max: 0.999, noNaN: true }),
      (target, unit, phrase, share) => {
        const count = Math.max(1, Math.floor(target * share))
        fc.pre(count < target)
        expect(chineseNumberValue(inChinese(count))).toBe(count)
        const verdict = judged(`①年底前建设示范点${target}${unit}`, `①${phrase}示范点${inChinese(count)}${unit}。`)
        expect(verdict).toEqual([false])
      },
    ), { numRuns: 300 })
  })
})
