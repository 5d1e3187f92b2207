// Task-level rules (§5–6): overrides, status column, deadline column, task-text times, reasons, as-of states.
import { describe, expect, it } from 'vitest'
import { assessTask } from '../../src/core/assess'

const schedule = '①3月底前完成方案。②6月底前完成建设。'

describe('states on the as-of date (rules §6)', () => {
  it('overdue after the due date, due-soon within the window (inclusive), pending beyond it', () => {
    const at = (asOf: string) => assessTask({ schedule }, { year: 2023, asOf }).milestones.map((m) => m.state)
    expect(at('2023-03-17')).toEqual(['due-soon', 'pending'])
    expect(at('2023-03-16')).toEqual(['pending', 'pending'])
    expect(at('2023-03-31')).toEqual(['due-soon', 'pending'])
    expect(at('2023-04-01')).toEqual(['overdue', 'pending'])
    expect(assessTask({ schedule }, { year: 2023, asOf: '2023-03-10', soonDays: 30 }).milestones[0]!.state).toBe('due-soon')
  })
  it('the task state is the worst milestone, and done only when all are done', () => {
    expect(assessTask({ schedule, progress: '①已完成。②正在建设。' }, { year: 2023, asOf: '2023-06-25' }).state).toBe('due-soon')
    expect(assessTask({ schedule, progress: '①已完成。②已完成。' }, { year: 2023, asOf: '2023-12-01' }).state).toBe('done')
    expect(assessTask({ schedule: '①每月巡查。②长期坚持。' }, { year: 2023, asOf: '2023-06-01' }).state).toBe('recurring')
  })
})

describe('the status column', () => {
  it('滞后 (and 滯後) make the task behind unless a milestone is overdue', () => {
    expect(assessTask({ schedule, status: '滯後' }, { year: 2023, asOf: '2023-03-01' }).state).toBe('behind')
    const got = assessTask({ schedule, status: '进度滞后' }, { year: 2023, asOf: '2023-05-01' })
    expect(got.state).toBe('overdue')
    expect(got.reasons?.zh).toContain('滞后')
  })
  it('已完成 makes every milestone done', () => {
    const got = assessTask({ schedule, progress: '正在推进', status: '已完成' }, { year: 2023, asOf: '2023-12-01' })
    expect(got.state).toBe('done')
    expect(got.milestones.every((m) => m.done)).toBe(true)
  })
})

describe('overrides by hand', () => {
  it('win over every rule and are marked', () => {
    const got = assessTask({ schedule, progress: '①已完成。②已完成。', status: '已完成' },
      { year: 2023, asOf: '2023-12-01', overrides: { 2: false } })
    expect(got.milestones[0]).toMatchObject({ done: true, state: 'done' })
    expect(got.milestones[1]).toMatchObject({ done: false, state: 'overdue', overridden: true })
    expect(got.milestones[1]!.reasons?.en).toContain('by hand')
    expect(got.state).toBe('overdue')
  })
})

describe('tasks without a schedule', () => {
  it('use the deadline column', () => {
    const got = assessTask({ task: '完成道路改造', deadline: '2023/9/30' }, { year: 2023, asOf: '2023-06-30' })
    expect(got.milestones).toHaveLength(1)
    expect(got.milestones[0]).toMatchObject({ text: '完成道路改造', due: '2023-09-30', kind: 'dated', state: 'pending' })
    expect(got.milestones[0]!.reason).toContain('完成时限')
  })
  it('else a time named in the task text, across joined task columns', () => {
    const got = assessTask({ task: '青山湖学校建设\n今年9月招生。' }, { year: 2023, asOf: '2023-06-30' })
    expect(got.milestones[0]).toMatchObject({ text: '青山湖学校建设', due: '2023-09-30', dueWords: '今年9月' })
  })
  it('else the year end, with targets from the task text', () => {
    const got = assessTask({ task: '新增床位370张以上。', progress: '新增床位380张。' }, { year: 2023, asOf: '2023-06-30' })
    expect(got.milestones[0]).toMatchObject({ due: '2023-12-31', done: true, state: 'done' })
    expect(got.milestones[0]!.reason).toContain('380/370 张，102%')
  })
})

describe('reasons', () => {
  it('say which words gave which date and why it is overdue, in both languages', () => {
    const [m] = assessTask({ schedule: '①3月底前完成方案。', progress: '①正在修改。' }, { year: 2023, asOf: '2023-04-10' }).milestones
    expect(m!.reason).toBe(m!.reasons!.zh)
    expect(m!.reasons!.zh).toContain('3月底前')
    expect(m!.reasons!.zh).toContain('2023-03-31')
    expect(m!.reasons!.zh).toContain('正在')
    expect(m!.reasons!.zh).toContain('已逾期 10 天')
    expect(m!.reasons!.en).toContain('10 days overdue on 2023-04-10')
  })
  it('name the reading of the ambiguous N月前 and follow the switch', () => {
    const byEnd = assessTask({ schedule: '6月前完成方案编制。' }, { year: 2023, asOf: '2023-06-20' })
    const before = assessTask({ schedule: '6月前完成方案编制。' }, { year: 2023, asOf: '2023-06-20', monthBefore: 'end-of-previous-month' })
    expect(byEnd.milestones[0]).toMatchObject({ due: '2023-06-30', state: 'due-soon', ambiguous: true })
    expect(before.milestones[0]).toMatchObject({ due: '2023-05-31', state: 'overdue' })
    expect(byEnd.milestones[0]!.reason).toContain('当月底')
    expect(before.milestones[0]!.reason).toContain('上月底')
  })
  it('explain an unreadable date', () => {
    const [m] = assessTask({ schedule: '2月30日前完成。' }, { year: 2023, asOf: '2023-06-30' }).milestones
    expect(m).toMatchObject({ state: 'undated', unreadable: true })
    expect(m!.reasons!.en).toContain('not a real date')
  })
  it('explain empty progress and a missing numbered item in each language, not Chinese in both', () => {
    const empty = assessTask({ schedule }, { year: 2023, asOf: '2023-06-30' }).milestones[0]!
    expect(empty.reasons!.zh).toContain('进展为空，未完成')
    expect(empty.reasons!.en).toContain('no progress is reported: not done')
    expect(empty.reasons!.en).not.toContain('进展')
    const missing = assessTask({ schedule, progress: '①已完成。' }, { year: 2023, asOf: '2023-06-30' }).milestones[1]!
    expect(missing.reasons!.zh).toContain('进展中没有第2项，未完成')
    expect(missing.reasons!.en).toContain('the progress has no item 2: not done')
  })
  it('count days in English as a clerk would read them: 1 day, 2 days', () => {
    const at = (asOf: string) => assessTask({ schedule: '3月底前完成方案。' }, { year: 2023, asOf }).milestones[0]!.reasons!.en
    expect(at('2023-04-01')).toContain('1 day overdue on 2023-04-01')
    expect(at('2023-04-02')).toContain('2 days overdue on 2023-04-02')
    expect(at('2023-03-30')).toContain('due in 1 day (within 14)')
    expect(at('2023-03-01')).toContain('30 days after 2023-03-01')
  })
})
