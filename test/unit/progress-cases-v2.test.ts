// The engine against 155 progress cases labelled from rules §5 before it was run on them
// (test/fixtures/progress-cases-v2.json): never a false done, never a false overdue, and at
// least 98% of milestone states right. Each case is also its own test, so a miss names itself.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { assessTask, type MilestoneState, type TaskFields, type TaskState } from '../../src/core'

interface LabelledCase { id: number; class: string; fields: TaskFields; milestones: MilestoneState[]; task?: TaskState; note?: string }
const set = JSON.parse(readFileSync(new URL('../fixtures/progress-cases-v2.json', import.meta.url), 'utf8')) as { asOf: string; year: number; cases: LabelledCase[] }

function assess(c: LabelledCase) {
  return assessTask(c.fields, { year: set.year, asOf: set.asOf })
}

describe('labelled progress cases (rules §5)', () => {
  it('has at least 150 cases across every class the rules name', () => {
    expect(set.cases.length).toBeGreaterThanOrEqual(150)
    expect(new Set(set.cases.map((c) => c.class))).toEqual(new Set([
      'numbered-quantity', 'task-target', 'status', 'sentences', 'units', 'traditional', 'percent-ongoing', 'numbered', 'quantity-misc',
    ]))
  })

  it('scores 0 false done, 0 false overdue and at least 98% of milestone states right', () => {
    let total = 0
    let right = 0
    const falseDone: string[] = []
    const falseOverdue: string[] = []
    for (const c of set.cases) {
      const got = assess(c).milestones.map((m) => m.state)
      c.milestones.forEach((want, i) => {
        total++
        const state = got[i]
        if (state === want) right++
        if (state === 'done' && want !== 'done') falseDone.push(`#${c.id} ①${i + 1}`)
        if (state === 'overdue' && want === 'done') falseOverdue.push(`#${c.id} ①${i + 1}`)
      })
    }
    console.info(`progress cases: ${right}/${total} milestone states right (${((right / total) * 100).toFixed(1)}%), ${falseDone.length} false done, ${falseOverdue.length} false overdue`)
    expect(falseDone).toEqual([])
    expect(falseOverdue).toEqual([])
    expect(right / total).toBeGreaterThanOrEqual(0.98)
  })

  it.each(set.cases.map((c) => [c.id, c.class, c] as const))('#%i %s', (_id, _cls, c) => {
    const result = assess(c)
    expect(result.milestones.map((m) => m.state)).toEqual(c.milestones)
    if (c.task) expect(result.state).toBe(c.task)
  })
})
