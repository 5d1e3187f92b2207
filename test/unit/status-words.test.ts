// More ways other counties fill the status column (完成情况, 是否完成), labelled before the engine ran on them.
import { describe, expect, it } from 'vitest'
import { assessTask } from '../../src/core'
import { readStatus } from '../../src/core/status'

describe('status words', () => {
  const cases: [string, ReturnType<typeof readStatus>][] = [
    ['慢于序时', 'behind'], ['未达到序时进度', 'behind'], ['进度较慢', 'behind'], ['推进缓慢', 'behind'], ['低于序时进度', 'behind'],
    ['未按计划推进', 'behind'], ['落后于序时进度', 'behind'],
    ['提前完成', 'done'], ['超额完成', 'done'], ['已按期完成', 'done'], ['如期完成', 'done'], ['已完结', 'done'], ['完结', 'done'],
    // A 是否完成 column.
    ['是', 'done'], ['√', 'done'], ['✓', 'done'], ['否', null],
    ['正常推进', 'on-track'], ['进度正常', 'on-track'], ['达到序时进度', 'on-track'], ['按计划推进', 'on-track'],
    // Never done: not over yet, or only partly.
    ['基本完成', null], ['已完成,待验收', null], ['未按期完成', 'behind'],
  ]
  for (const [words, reading] of cases) it(`${words} → ${reading}`, () => expect(readStatus(words)).toBe(reading))
})

describe('status words in traditional characters, through the whole assessment', () => {
  it('已完結 closes the task', () => {
    const a = assessTask({ schedule: '①6月底前完成改造', status: '已完結' }, { year: 2026, asOf: '2026-05-01' })
    expect(a.state).toBe('done')
  })
})
