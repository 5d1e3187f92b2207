// A few hundred fuzz cases in worker threads (heap cap, time limit): none uncaught, none over 2 s.
import { describe, expect, it } from 'vitest'
// @ts-expect-error plain JS harness shared with `npm run fuzz`
import { runCases, summarise } from '../fuzz/run.mjs'
// @ts-expect-error plain JS corpus
import { corpus } from '../fuzz/corpus.mjs'

describe('fuzzed files through readWorkbook', () => {
  it('answers every case (accepted or refused by code) within 2 s and the heap cap', async () => {
    const results = await runCases([...corpus(250, 7)], { threads: 1 })
    const s = summarise(results)
    expect(s.inputs).toBe(250)
    expect(s.uncaught.map((r: { name: string; error?: string }) => `${r.name}: ${r.error}`)).toEqual([])
    expect(s.over2s.map((r: { name: string }) => r.name)).toEqual([])
    expect(s.accepted).toBeGreaterThan(20)
    expect(s.peakHeapMb).toBeLessThan(300)
  }, 120_000)
})
