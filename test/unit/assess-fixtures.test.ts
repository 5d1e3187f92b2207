// Per-task and per-milestone states of the labelled task lists, from each task's `fields`.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { assessTask } from '../../src/core/assess'
import type { TaskFields } from '../../src/core/types'

interface Expected {
  document_year: number
  as_of_dates: string[]
  tasks: {
    seq: string; fields: TaskFields; state: Record<string, string>
    milestones: { index: number; text: string; due: string | null; kind: string; done: boolean; state: Record<string, string> }[]
  }[]
}

function load(name: string): Expected {
  return JSON.parse(readFileSync(`test/fixtures/${name}`, 'utf8')) as Expected
}

for (const file of [
  'kaihua-2023-q1.expected.json', 'kaihua-2023-q1-gb18030.expected.json', 'kaihua-2023-q1-utf8bom.expected.json',
  'kaihua-2023-q1-utf8.expected.json', 'linan-2023-h1.expected.json', 'tunxi-2020-plan.expected.json',
]) {
  const doc = load(file)
  describe(file, () => {
    for (const asOf of doc.as_of_dates) {
      it.each(doc.tasks.map((t) => [t.seq, t] as const))(`${asOf} task %s`, (_seq, t) => {
        const got = assessTask(t.fields, { year: doc.document_year, asOf })
        expect(got.milestones.map((m) => ({ index: m.index, text: m.text, due: m.due, kind: m.kind, done: m.done, state: m.state })))
          .toEqual(t.milestones.map((m) => ({ index: m.index, text: m.text, due: m.due, kind: m.kind, done: m.done, state: m.state[asOf] })))
        expect(got.state).toBe(t.state[asOf])
      })
    }
  })
}
