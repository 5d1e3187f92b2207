// More ways a clerk writes "done" and "partly done" (rules §5 step 3), labelled before the engine ran on them.
import { describe, expect, it } from 'vitest'
import { assessTask } from '../../src/core'

const judged = (schedule: string, progress: string) =>
  assessTask({ schedule, progress }, { year: 2023, asOf: '2023-07-15' }).milestones[0]!.done

describe('done phrases beyond the rules’ list', () => {
  const done: [string, string][] = [
    ['6月底前项目完工', '项目已全面完工并投入使用'],
    ['6月底前建成', '已全面建成'],
    ['4月底前完成选址', '选址已确定'],
    ['3月底前成立领导小组', '领导小组已成立'],
    ['6月底前完成规划编制', '规划已编制完成'],
    ['6月底前通车', '线路已通车'],
    ['6月底前开业', '商场已正式开业'],
    ['5月底前完成招商签约', '已与3家企业签订合作协议，已达成投资意向'],
    ['6月底前出台实施办法', '实施办法已制定并发布'],
    ['6月底前完成立项', '立项手续已办结'],
    ['9月底前完成产权登记', '产权登记已办理完毕'],
  ]
  for (const [schedule, progress] of done) it(`${progress} → done`, () => expect(judged(schedule, progress)).toBe(true))
})

describe('part done is not done (never a false done)', () => {
  const open: [string, string][] = [
    ['6月底前完成道路改造', '已完成部分路段改造'],
    ['6月底前完成设备安装', '大部分已完成'],
    ['6月底前完成征收', '已完成一半'],
    ['6月底前完成主体工程', '工程量已完成过半'],
    ['6月底前完成项目建设', '已全面启动'],
    ['6月底前完成施工单位招标', '已确定施工单位，正在进场'],
    ['6月底前完成年度任务', '已完成年度任务的80%'],
  ]
  for (const [schedule, progress] of open) it(`${progress} → not done`, () => expect(judged(schedule, progress)).toBe(false))
})

describe('numbered progress answered in a few words (labelled before the engine ran on them)', () => {
  const schedule = '①2月上旬前,完成设计招标。②3月底前,完成施工招标。'
  const parts = (progress: string) => assessTask({ schedule, progress }, { year: 2026, asOf: '2026-12-04' }).milestones.map((m) => m.done)
  const cases: [string, boolean[]][] = [
    // A time, then 完成 as a sentence of its own, reports the day it was done.
    ['①3月15日完成。②4月10日完成。', [true, true]],
    ['①2月完成设计招标。②3月份完成。', [true, true]],
    ['①2月底完成。②正在进行。', [true, false]],
    // With 前 it is the plan copied, not a report; with 计划 a plan.
    ['①2月上旬前完成。②3月底前完成。', [false, false]],
    ['①计划2月完成。②计划3月完成。', [false, false]],
    ['①按期完成。②延期至4月。', [true, false]],
    ['①提前完成。②确保按期完成。', [true, false]],
    ['①√②×', [true, false]],
    ['①已中标②已开标', [true, false]],
  ]
  for (const [progress, want] of cases) it(`${progress} → ${JSON.stringify(want)}`, () => expect(parts(progress)).toEqual(want))
})

describe('unnumbered progress that says all the work is done (labelled before the engine ran on them)', () => {
  const schedule = '①2月上旬前,完成设计招标。②3月底前,完成施工招标。'
  const parts = (progress: string) => assessTask({ schedule, progress }, { year: 2026, asOf: '2026-12-04' }).milestones.map((m) => m.done)
  const cases: [string, boolean[]][] = [
    ['均已完成。', [true, true]],
    ['以上工作已全部完成。', [true, true]],
    ['目前两项工作均已完成。', [true, true]],
    ['各项任务都已完成', [true, true]],
    // Not all the work: one milestone's words, a comma leading on, or no all-word.
    ['设计工作已完成。', [true, false]],
    ['均已完成，正在办理验收。', [false, false]],
    ['各项工作均按计划推进。', [false, false]],
  ]
  for (const [progress, want] of cases) it(`${progress} → ${JSON.stringify(want)}`, () => expect(parts(progress)).toEqual(want))
})
