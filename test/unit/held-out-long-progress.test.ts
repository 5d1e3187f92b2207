// Unnumbered progress against several milestones, in the long sentences of real reports (session 8),
// labelled from docs/schedule-rules.md before the engine ran on them. One of the first 14 was wrong:
// `设计、招标工作均已完成，工程正在加紧施工` held 设计 and 招标 open with the 工程's 正在. A clause closing
// on a verdict for all it names (均已完成) now ends its sentence (progressSentences.ts VERDICT_END).
import { describe, expect, it } from 'vitest'
import { assessTask } from '../../src/core'
// [schedule, progress, as-of date, done per milestone]
const cases: [string, string, string, boolean[]][] = [
  ['①3月底前完成项目可研编制。②6月底前完成初步设计批复。③9月底前开工建设。', '项目可研已编制完成并通过评审；初步设计正在编制中，预计7月批复；开工时间相应顺延。', '2026-07-15', [true, false, false]],
  ['①一季度完成征地拆迁。②二季度完成施工招标。③三季度开工。④年底完成主体工程。', '征地拆迁已全部完成，施工招标于5月20日完成，项目于8月开工建设，目前主体工程完成40%。', '2026-11-15', [true, true, true, false]],
  ['①6月底前完成方案设计。②年底前建成投用。', '方案设计已通过专家评审。项目主体已完工，正在进行设备安装调试。', '2026-11-15', [true, false]],
  ['①3月底前出台实施方案。②全年培训200人次。', '实施方案已于3月印发实施；截至10月底，累计培训156人次。', '2026-11-15', [true, false]],
  ['①上半年完成选址。②年底前完成建设。', '选址工作已经完成，建设工作尚未开始。', '2026-11-15', [true, false]],
  ['①5月底前完成招标。②10月底前完工。', '已完成招标，目前正在施工，预计11月完工。', '2026-11-15', [true, false]],
  ['①4月底前完成清单梳理。②8月底前完成整改。', '问题清单已梳理完毕，共35条；已整改28条，剩余7条正在整改。', '2026-11-15', [true, false]],
  ['①6月底前完成可研。②12月底前开工。', '可研报告已编制完成，正在报批；开工前期准备工作有序推进。', '2026-11-15', [false, false]],
  ['①9月底前完成20个村改造。②年底前完成验收。', '已完成18个村改造，验收工作将于12月开展。', '2026-11-15', [false, false]],
  ['①3月底前召开动员会。②全年开展督查4次。', '3月15日召开全县动员大会；已开展督查3次。', '2026-11-15', [true, false]],
  ['①3月底前完成设计。②6月底前完成招标。③年底前完工。', '设计、招标工作均已完成，工程正在加紧施工。', '2026-11-15', [true, true, false]],
  ['①3月底前完成设计。②6月底前完成招标。③年底前完工。', '完成设计和招标，工程已完工。', '2026-12-20', [true, true, true]],
  ['①一季度完成规划编制。②二季度报批。', '规划已编制完成，已报市政府待批。', '2026-11-15', [true, false]],
  ['①6月底前完成土地收储。②9月底前完成挂牌出让。', '土地收储已完成；地块已于9月挂牌，尚未成交。', '2026-11-15', [true, false]],
  // Added with the fix: a verdict clause ends its sentence only when it closes on 均已/已全部.
  ['①3月底前完成设计。②年底前完工。', '设计已完成，正在施工。', '2026-11-15', [false, false]],
  ['①3月底前完成设计。②6月底前完成招标。③年底前完工。', '设计和招标均已完成，完工尚需时日。', '2026-11-15', [true, true, false]],
]
describe('long unnumbered progress', () => {
  for (const [s, p, asOf, want] of cases) it(`${s} | ${p}`, () => {
    expect(assessTask({ schedule: s, progress: p }, { year: 2026, asOf }).milestones.map((m) => m.done)).toEqual(want)
  })
})
