// The one-sided guarantee of rules §5, as a property: progress that reports a number below the
// target in the target's unit (or a percentage below 100%) never makes the milestone done,
// whatever done words surround it — in a numbered part, in unnumbered progress, against a
// task's own target, or in the status column.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { assessTask } from '../../src/core'

/** Things a task list counts, and the verbs it counts them with. */
const THINGS = ['老旧小区', '城市书房', '充电桩', '高标准农田', '养老床位', '普惠托位', '规上企业', '污水管网', '公共厕所', '市场主体', '技能人才', '造林面积', '村级公路', '文化礼堂']
const VERBS = ['改造', '新建', '建成', '新增', '完成', '培育', '实施', '提升']
/** Units with how a number may be written in them: plain, with 万, or as a larger unit. */
const UNITS = ['个', '座', '户', '人', '人次', '亩', '公里', '张', '家', '套', '所', '处', '条', '万元', '亿元', '平方米']
/** Done words as clerks write them: openings with a comma, phrases, dates. */
const DONE_BEFORE = ['', '已完成', '已全部完成,', '全面完成,', '已完成,', '已建成', '已于9月完成', '累计完成', '超额完成阶段任务,完成', '顺利完成', '目前已']
const DONE_AFTER = ['', '。', ',进展顺利。', ',已全部建成投用。', ',已完成年度任务。', ',已通过验收。', ',全面完成。']
const TIMES = ['3月底前', '6月底前', '9月底前', '年底前', '二季度', '10月底前']

const target = fc.record({
  thing: fc.constantFrom(...THINGS),
  verb: fc.constantFrom(...VERBS),
  unit: fc.constantFrom(...UNITS),
  value: fc.integer({ min: 2, max: 50_000 }),
  shortBy: fc.double({ min: 0.02, max: 0.98, noNaN: true }),
  before: fc.constantFrom(...DONE_BEFORE),
  after: fc.constantFrom(...DONE_AFTER),
  time: fc.constantFrom(...TIMES),
  namesThing: fc.boolean(),
})

/** A reported number strictly below the target, written as a clerk would (sometimes with 万). */
function below(value: number, shortBy: number): string {
  const reported = Math.max(0, Math.min(value - 1, Math.floor(value * (1 - shortBy))))
  return reported >= 10_000 && reported % 1000 === 0 && value % 2 === 0 ? `${reported / 10_000}万` : String(reported)
}

const AS_OF = { year: 2023, asOf: '2023-12-31' }

describe('never a false done (property)', () => {
  it('a numbered part reporting less than its milestone’s target is never done', () => {
    fc.assert(fc.property(target, (t) => {
      const schedule = `①${t.time}${t.verb}${t.thing}${t.value}${t.unit}`
      const progress = `①${t.before}${t.verb}${t.namesThing ? t.thing : ''}${below(t.value, t.shortBy)}${t.unit}${t.after}`
      const got = assessTask({ task: `${t.thing}工作`, schedule, progress }, AS_OF)
      expect(got.milestones[0]!.done, `${schedule} | ${progress}`).toBe(false)
    }), { numRuns: 1500 })
  })

  it('unnumbered progress reporting less than a task’s own target is never done', () => {
    fc.assert(fc.property(target, (t) => {
      const task = `${t.verb}${t.thing}${t.value}${t.unit}`
      const progress = `${t.before}${t.verb}${t.namesThing ? t.thing : '选址'}${below(t.value, t.shortBy)}${t.unit}${t.after}`
      const got = assessTask({ task, deadline: '2023年11月底', progress }, AS_OF)
      expect(got.milestones[0]!.done, `${task} | ${progress}`).toBe(false)
    }), { numRuns: 1500 })
  })

  it('a percentage below 100% is never done, in progress or in the status column', () => {
    fc.assert(fc.property(target, fc.double({ min: 0, max: 99.9, noNaN: true }), (t, pct) => {
      const shown = pct.toFixed(pct < 10 ? 2 : 1).replace(/\.?0+$/, '')
      const progress = `${t.before}完成年度任务${shown}%${t.after}`
      const byProgress = assessTask({ task: `${t.verb}${t.thing}`, deadline: '2023年11月底', progress }, AS_OF)
      expect(byProgress.milestones[0]!.done, progress).toBe(false)
      const byStatus = assessTask({ task: `${t.verb}${t.thing}`, deadline: '2023年11月底', status: `完成${shown}%` }, AS_OF)
      expect(byStatus.milestones[0]!.done, `status ${shown}%`).toBe(false)
    }), { numRuns: 1000 })
  })

  it('a status reporting less than the task’s target is never done', () => {
    fc.assert(fc.property(target, (t) => {
      const task = `${t.verb}${t.thing}${t.value}${t.unit}`
      const status = `完成${below(t.value, t.shortBy)}${t.unit}`
      const got = assessTask({ task, deadline: '2023年11月底', status }, AS_OF)
      expect(got.milestones[0]!.done, `${task} | ${status}`).toBe(false)
    }), { numRuns: 1000 })
  })

  it('and the same progress reaching the target is done (the guarantee is not a blanket "no")', () => {
    fc.assert(fc.property(target, (t) => {
      const schedule = `①${t.time}${t.verb}${t.thing}${t.value}${t.unit}`
      const progress = `①已${t.verb}${t.thing}${t.value + Math.ceil(t.value * t.shortBy)}${t.unit}。`
      const got = assessTask({ task: `${t.thing}工作`, schedule, progress }, AS_OF)
      expect(got.milestones[0]!.done, `${schedule} | ${progress}`).toBe(true)
    }), { numRuns: 500 })
  })
})
