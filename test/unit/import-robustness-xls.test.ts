// A damaged .xls string table that sent SheetJS into an endless loop is refused as damaged, in moments.
import { describe, expect, it } from 'vitest'
import { checkSharedStrings } from '../../src/io/read/biffStrings'
import { readWorkbook } from '../../src/io/read/readWorkbook'
// @ts-expect-error plain JS corpus shared with the fuzz command
import { corpus } from '../fuzz/corpus.mjs'

/** An SST body: total and unique counts, then each string as cch, flags (0: one byte per char), chars. */
function sst(strings: string[], tail: number[] = []): Uint8Array {
  const bytes = [strings.length, 0, 0, 0, strings.length + tail.length, 0, 0, 0]
  for (const s of strings) bytes.push(s.length, 0, 0, ...[...s].map((ch) => ch.charCodeAt(0)))
  return Uint8Array.from([...bytes, ...tail])
}

describe('the .xls string table check', () => {
  it('passes a whole table, across a CONTINUE boundary too', () => {
    expect(() => checkSharedStrings(sst(['ab', 'cde']), new Set([0]))).not.toThrow()
    // 'cde' split after 'c': the CONTINUE piece starts with its width flag (0), then 'de'.
    const body = Uint8Array.from([2, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 97, 98, 3, 0, 0, 99, 0, 100, 101])
    expect(() => checkSharedStrings(body, new Set([0, 17]))).not.toThrow()
  })

  it('refuses a table whose next string length would be read past its end', () => {
    expect(() => checkSharedStrings(sst(['ab'], [7]), new Set([0]))).toThrow(expect.objectContaining({ code: 'corrupt' }) as Error)
  })

  it('answers the fuzz case that hung SheetJS (xls-flip-851) as damaged within 2 s', async () => {
    let bytes: Uint8Array | undefined
    for (const c of corpus(852) as Iterable<{ id: number; bytes: Uint8Array }>) if (c.id === 851) bytes = c.bytes
    const t0 = performance.now()
    await expect(readWorkbook(bytes!, 'x.xls')).rejects.toMatchObject({ code: 'corrupt', detail: expect.stringContaining('string table') })
    expect(performance.now() - t0).toBeLessThan(2000)
  })
})
