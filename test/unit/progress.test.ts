// Rule 5 (what counts as done) against every case of progress-expressions.json.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { assessTask } from '../../src/core/assess'

interface Case {
  schedule: string; progress: string; status_text?: string; task?: string
  milestones: { index: number; done: boolean; done_evidence: string }[]
  task_done: boolean; behind?: boolean; rule_sensitive?: boolean; note?: string
}
const gold = JSON.parse(readFileSync('test/fixtures/progress-expressions.json', 'utf8')) as { cases: Case[] }

// An as-of date before every due date, so that the task state shows done / behind / not done plainly.
const ctx = { year: 2023, asOf: '2023-01-01' }

describe('rule 5: progress-expressions.json', () => {
  it.each(gold.cases.map((c, i) => [i, c.progress.slice(0, 30), c] as const))('#%i %s', (_i, _p, c) => {
    const fields = { schedule: c.schedule, progress: c.progress, status: c.status_text, task: c.task }
    const got = assessTask(fields, ctx)
    expect(got.milestones.map((m) => ({ index: m.index, done: m.done })))
      .toEqual(c.milestones.map((m) => ({ index: m.index, done: m.done })))
    expect(got.state === 'done').toBe(c.task_done)
    if (c.behind !== undefined) expect(got.state === 'behind').toBe(c.behind)
    for (const m of got.milestones) expect(m.reasons?.zh.length).toBeGreaterThan(0)
  })
})
