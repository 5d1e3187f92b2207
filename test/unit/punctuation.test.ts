// Chinese documents use full-width punctuation; so does every Chinese text Jindu shows or writes:
// the UI's messages, the engine's reasons, the export's added columns.
import { describe, expect, it } from 'vitest'
import { zh } from '../../src/i18n/messages'
import { assessTask } from '../../src/core'

const HALF_WIDTH_IN_CHINESE = /[\u4e00-\u9fff「」“”][,;:()]|[,;:()][\u4e00-\u9fff「」“”]/

describe('full-width punctuation in Chinese', () => {
  it('in every Chinese UI message', () => {
    const offenders = Object.entries(zh).filter(([, text]) => HALF_WIDTH_IN_CHINESE.test(text.replace(/\{[^}]*\}/g, 'x')))
    expect(offenders).toEqual([])
  })

  it('in the engine’s reasons', () => {
    const samples = [
      assessTask({ task: '某项工作', schedule: '①3月底前完成设计。②6月前开工', progress: '①正在设计', status: '滞后' }, { year: 2023, asOf: '2023-11-15' }),
      assessTask({ task: '新建城市书房4座', deadline: '2023年10月', progress: '完成选址2座。' }, { year: 2023, asOf: '2023-11-15' }),
      assessTask({ task: '项目', schedule: '一季度完成可研批复;二季度完成主体工程招标', progress: '可研已于2月批复,主体工程正在招标。' }, { year: 2023, asOf: '2023-11-15' }),
      assessTask({ task: '项目', schedule: '每月10日前报送;13月底前完成' }, { year: 2023, asOf: '2023-11-15' }),
      // Sentence-by-sentence reasons with a quantity each way (reached, short).
      assessTask({ task: '项目', schedule: '一季度改造小区10个;二季度新建公园2座', progress: '改造小区12个,公园已建成1座。' }, { year: 2023, asOf: '2023-11-15' }),
    ]
    for (const task of samples) {
      for (const m of task.milestones) expect(m.reason.replace(/「[^」]*」/g, '「」')).not.toMatch(HALF_WIDTH_IN_CHINESE)
      expect((task.reasons?.zh ?? '').replace(/「[^」]*」/g, '「」')).not.toMatch(HALF_WIDTH_IN_CHINESE)
    }
  })
})
