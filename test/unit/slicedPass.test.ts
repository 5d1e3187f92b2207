import { describe, expect, it } from 'vitest'
import { runSlicedPass, type SlicedPassOptions } from '../../src/core'

/** A fake clock that advances `msPerStep` per visited item, and a queue of deferred slices. */
function harness(msPerStep: number, overrides: Partial<SlicedPassOptions> = {}) {
  let time = 0
  const queue: (() => void)[] = []
  const visited: number[] = []
  const progress: [number, number][] = []
  let finished = 0
  const options: SlicedPassOptions = { syncLimit: 10, firstBatch: 4, sliceMs: 5, now: () => time, defer: (next) => queue.push(next), ...overrides }
  const step = (i: number) => { visited.push(i); time += msPerStep }
  const drain = () => { let slices = 0; while (queue.length) { queue.shift()!(); slices++ } return slices }
  return { options, step, visited, progress, queue, drain, events: { progress: (d: number, t: number) => { progress.push([d, t]) }, finish: () => { finished++ } }, finished: () => finished }
}

describe('runSlicedPass', () => {
  it('runs a short list at once and finishes synchronously', () => {
    const h = harness(1)
    const pass = runSlicedPass(10, h.step, h.options, h.events)
    expect(pass.finishedAtOnce).toBe(true)
    expect(h.visited).toEqual([...Array(10).keys()])
    expect(h.finished()).toBe(1)
    expect(h.queue).toHaveLength(0)
  })

  it('does the first batch at once, then the rest in slices, each item once and in order', () => {
    const h = harness(0.1, { syncLimit: 100, firstBatch: 128, sliceMs: 10 })
    const pass = runSlicedPass(1000, h.step, h.options, h.events)
    expect(pass.finishedAtOnce).toBe(false)
    expect(h.visited).toHaveLength(128)
    expect(h.progress.at(-1)).toEqual([128, 1000])
    expect(h.finished()).toBe(0)
    const slices = h.drain()
    // The clock is read every 64 items: a 10 ms slice at 0.1 ms per item stops at a multiple of 64 past 100 items.
    expect(slices).toBeGreaterThan(3)
    expect(h.visited).toEqual([...Array(1000).keys()])
    expect(h.finished()).toBe(1)
    expect(h.progress.at(-1)).toEqual([1000, 1000])
    // Progress only grows.
    for (let k = 1; k < h.progress.length; k++) expect(h.progress[k]![0]).toBeGreaterThanOrEqual(h.progress[k - 1]![0])
  })

  it('stops at cancel: no more steps, no finish', () => {
    const h = harness(1, { syncLimit: 0, firstBatch: 0, sliceMs: 1 })
    const pass = runSlicedPass(500, h.step, h.options, h.events)
    h.queue.shift()!()
    const seen = h.visited.length
    expect(seen).toBeGreaterThan(0)
    expect(seen).toBeLessThan(500)
    pass.cancel()
    h.drain()
    expect(h.visited).toHaveLength(seen)
    expect(h.finished()).toBe(0)
  })

  it('handles an empty list', () => {
    const h = harness(1, { syncLimit: 0 })
    runSlicedPass(0, h.step, h.options, h.events)
    expect(h.finished()).toBe(1)
  })
})
