// Held-out cases: 68 more progress cases written from rules §5 and labelled before the engine was
// run on them (test/fixtures/progress-cases-v3.json), in phrasings the earlier sets do not use.
// Shared words between milestones, one milestone against numbered progress, thousands commas,
// shares of a plan, a status that says 已完成 over a shortfall and done verbs after 已经/已按期…
// first failed here.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { assessTask, type MilestoneState, type TaskFields, type TaskState } from '../../src/core'

interface LabelledCase { id: number; class: string; fields: TaskFields; milestones: MilestoneState[]; task?: TaskState; note?: string }
const set = JSON.parse(readFileSync(new URL('../fixtures/progress-cases-v3.json', import.meta.url), 'utf8')) as { asOf: string; year: number; cases: LabelledCase[] }

describe('held-out progress cases (rules §5)', () => {
  for (const c of set.cases) {
    it(`#${c.id} ${c.class}: ${c.fields.schedule ?? c.fields.task ?? ''} / ${c.fields.progress ?? c.fields.status ?? ''}`, () => {
      const got = assessTask(c.fields, { year: set.year, asOf: set.asOf })
      expect(got.milestones.map((m) => m.state)).toEqual(c.milestones)
      if (c.task) expect(got.state).toBe(c.task)
    })
  }
})
