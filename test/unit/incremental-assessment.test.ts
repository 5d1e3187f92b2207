// The document store's assessor: short lists at once, long ones in slices with partial counts stated
// as such, and a pass overtaken by a newer document finishing on that one.
import { describe, expect, it } from 'vitest'
import type { SlicedPassOptions, TaskDocument } from '../../src/core'
import { createIncrementalAssessment } from '../../src/stores/incrementalAssessment'
import { testDocument } from './support/testDocuments'

function harness(current: { doc: TaskDocument | null }) {
  const queue: (() => void)[] = []
  let done = 0
  const options: SlicedPassOptions = { syncLimit: 4, firstBatch: 2, sliceMs: 1, now: () => 0, defer: (next) => queue.push(next) }
  const assessor = createIncrementalAssessment({ today: () => '2023-04-10', currentDoc: () => current.doc, slicedPassDone: () => { done++ } }, options)
  const drain = () => { while (queue.length) queue.shift()!() }
  return { assessor, queue, drain, passesDone: () => done }
}

describe('incremental assessment', () => {
  it('a short list is assessed at once, with final counts and no progress', () => {
    const current = { doc: testDocument({ rowCount: 3 }) as TaskDocument | null }
    const { assessor, queue } = harness(current)
    assessor.reassess(current.doc, true, true)
    expect(queue).toHaveLength(0)
    expect(assessor.assessProgress.value).toBeNull()
    expect(assessor.assessment.value.byRow.size).toBe(3)
  })

  it('a long list states its progress until the last slice, then its final counts', () => {
    const current = { doc: testDocument({ rowCount: 10 }) as TaskDocument | null }
    const { assessor, drain, passesDone } = harness(current)
    assessor.reassess(current.doc, true, true)
    expect(assessor.assessProgress.value).toEqual({ done: 2, total: 10 })
    expect(assessor.assessment.value.byRow.size).toBe(2)
    drain()
    expect(assessor.assessProgress.value).toBeNull()
    expect(assessor.assessing.value).toBeNull()
    expect(assessor.assessment.value.byRow.size).toBe(10)
    expect(passesDone()).toBe(1)
  })

  it('a pass that ends after another document opened assesses that one instead', () => {
    const first = testDocument({ rowCount: 10 })
    const current = { doc: first as TaskDocument | null }
    const { assessor, drain } = harness(current)
    assessor.reassess(first, true, true)
    current.doc = testDocument({ id: 'draft2', rowCount: 3 })
    drain()
    expect(assessor.assessment.value.byRow.size).toBe(3)
    expect(assessor.rowIndex().size).toBe(3)
  })
})
