// Reasons are made when first read: they read the same whenever they are read, and survive JSON and the worker boundary.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { assessTask, forgetReadings } from '../../src/core/assess'
import { plainDocumentAssessment, assessDocument } from '../../src/core/assessDocument'
import { lazyMilestone, plainAssessment } from '../../src/core/lazyReasons'
import type { Milestone, Reason } from '../../src/core/types'
import { TEST_COLUMNS, testDocument, testRow } from './support/testDocuments'

const WORDS = Array.from('①②③⑴⒈1234567890１２.、;;,。 \n一二三四五六七八九十月日旬上中下底末初前季度半年今明全内每截至已完成未正在推进中滞后基本启动拟计划个座亿万%套亩长滯後')
const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 50 }).map((cs) => cs.join(''))
const fields = fc.record({
  task: fc.option(text, { nil: undefined }),
  schedule: fc.option(text, { nil: undefined }),
  deadline: fc.option(text, { nil: undefined }),
  progress: fc.option(text, { nil: undefined }),
  status: fc.option(fc.constantFrom('', '滞后', '已完成', '完成60%', '完成3个'), { nil: undefined }),
})
const context = fc.record({
  asOf: fc.constantFrom('2023-03-31', '2023-06-30', '2023-12-31'),
  soonDays: fc.constantFrom(undefined, 0, 14),
  monthBefore: fc.constantFrom(undefined, 'end-of-month' as const, 'end-of-previous-month' as const),
  keep: fc.boolean(),
})

describe('reasons made on demand', () => {
  it('read late (after other tasks, other dates, readings forgotten) they are the words an immediate read gives', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fields, context), { minLength: 2, maxLength: 6 }), (tasks) => {
      forgetReadings()
      const atOnce = tasks.map(([f, c]) => plainAssessment(assessTask(f, { year: 2023, ...c })))
      forgetReadings()
      const results = tasks.map(([f, c]) => assessTask(f, { year: 2023, ...c }))
      // Everything the reasons could depend on moves before they are read.
      forgetReadings()
      for (const [f] of tasks) assessTask(f, { year: 2024, asOf: '2024-05-01', keep: true })
      expect(results.map(plainAssessment)).toEqual(atOnce)
    }), { numRuns: 500 })
  })

  it('makes the words once, and only when they are read', () => {
    const m: Milestone = { index: 1, text: '完成设计', due: '2023-03-31', kind: 'dated', dueWords: '3月底前' }
    let made = 0
    const make = (source: { task: string }, i: number, detail: null, state: string): Reason => {
      made++
      return { zh: `${source.task}第${i + 1}项${state}`, en: 'why' }
    }
    const assessed = lazyMilestone(m, false, 'overdue', make, { task: '任务' }, 0, null)
    expect(assessed.state).toBe('overdue')
    expect(assessed.dueWords).toBe('3月底前')
    expect(made).toBe(0)
    expect(assessed.reason).toBe('任务第1项overdue')
    expect(assessed.reasons).toEqual({ zh: '任务第1项overdue', en: 'why' })
    expect(made).toBe(1)
  })

  it('reads and writes reason and reasons like fields', () => {
    const result = assessTask({ schedule: '①3月底前完成方案。②6月底前完成招标。', progress: '①已完成。②正在招标。' }, { year: 2023, asOf: '2023-07-10' })
    const second = result.milestones[1]!
    expect(second.reason).toContain('已逾期 10 天')
    second.reason = '改过的原因'
    expect(second.reason).toBe('改过的原因')
    expect(second.reasons?.zh).toBe('改过的原因')
    expect(second.reasons?.en).toContain('10 days overdue')
    result.reasons = { zh: '任务原因', en: 'task reason' }
    expect(result.reasons.zh).toBe('任务原因')
  })

  it('JSON holds every reason', () => {
    const result = assessTask({ schedule: '①3月底前完成方案。②6月底前完成招标。', progress: '①已完成。②正在招标。', status: '滞后' }, { year: 2023, asOf: '2023-07-10' })
    const json = JSON.parse(JSON.stringify(result))
    expect(json.state).toBe('overdue')
    expect(json.reasons.zh).toContain('第2项：')
    expect(json.milestones[1].reason).toContain('已逾期 10 天')
    expect(json.milestones[1].reasons.en).toContain('10 days overdue')
    expect(json).toEqual(plainAssessment(result))
  })

  it('a plain copy keeps the reasons through structuredClone (the export worker); the result itself would not', () => {
    const doc = testDocument({
      columns: [...TEST_COLUMNS, { id: 'prog', header: '进展情况', role: 'progress' }],
      rows: [testRow(1, { sched: '①3月底前完成方案。②6月底前完成招标。', prog: '①已完成。②正在招标。' })],
    })
    const assessment = assessDocument(doc, '2023-07-10')
    const [id, task] = [...assessment.byRow][0]!
    const cloned = structuredClone(plainDocumentAssessment(assessment))
    expect(cloned.byRow.get(id)!.milestones[1]!.reason).toBe(task.milestones[1]!.reason)
    expect(cloned.byRow.get(id)!.reasons).toEqual(task.reasons)
    expect(cloned.counts).toEqual(assessment.counts)
    // Why the client converts: a getter does not cross a structured clone.
    expect(structuredClone(task).milestones[1]!.reason).toBeUndefined()
  })
})
