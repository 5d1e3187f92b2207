// The last milestone of a schedule that sets no target of its own takes the task's (rules §5: never a false done).
// Cases labelled before the engine ran on them.
import { describe, expect, it } from 'vitest'
import { assessTask, type TaskFields } from '../../src/core'

const states = (f: TaskFields, asOf: string, keep = false) => {
  const r = assessTask(f, { year: 2023, asOf, keep })
  return [r.state, ...r.milestones.map((m) => m.state)]
}

describe('the task’s target for a schedule milestone that sets none', () => {
  it('a count short of the task’s target is not done', () => {
    expect(states({ task: '改造老旧小区15个', schedule: '9月底前完成', progress: '已完成改造12个' }, '2023-10-10')).toEqual(['overdue', 'overdue'])
  })
  it('a count that reaches it is done', () => {
    expect(states({ task: '改造老旧小区15个', schedule: '9月底前完成', progress: '已完成改造15个' }, '2023-10-10')).toEqual(['done', 'done'])
  })
  it('the last milestone of several takes it', () => {
    const f = { task: '新建城市书房4座', schedule: '①3月底前完成选址；②6月底前完成设计；③年底前建成投用' }
    expect(states({ ...f, progress: '①已完成；②已完成；③已建成2座' }, '2023-11-01')).toEqual(['pending', 'done', 'done', 'pending'])
    expect(states({ ...f, progress: '①已完成；②已完成；③已建成4座' }, '2023-11-01')).toEqual(['done', 'done', 'done', 'done'])
  })
  it('an earlier step never does: it is a step, not the task', () => {
    const f = { task: '新建城市书房4座', schedule: '①3月底前完成选址；②年底前建成投用', progress: '①已完成选址2处；②正在施工' }
    expect(states(f, '2023-05-01')).toEqual(['pending', 'done', 'pending'])
  })
  it('a milestone with a target of its own keeps it', () => {
    expect(states({ task: '新增就业5000人', schedule: '年底前新增就业3000人', progress: '已新增就业3200人' }, '2023-10-10')).toEqual(['done', 'done'])
  })
  it('kept readings tell tasks with the same schedule apart', () => {
    const a = { task: '改造老旧小区15个', schedule: '9月底前', progress: '已完成改造12个' }
    const b = { task: '改造老旧小区10个', schedule: '9月底前', progress: '已完成改造12个' }
    for (let i = 0; i < 3; i++) {
      expect(states(a, '2023-10-10', true)).toEqual(['overdue', 'overdue'])
      expect(states(b, '2023-10-10', true)).toEqual(['done', 'done'])
    }
  })
})
