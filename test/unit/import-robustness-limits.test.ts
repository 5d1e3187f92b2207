// Bounded reads: every hostile input of issue 18 answers quickly, by a figure-naming refusal or a small workbook.
import { describe, expect, it } from 'vitest'
import { readWithWorker, type WorkerPort } from '../../src/io/importClient'
import { importErrorTexts } from '../../src/i18n/importErrorTexts'
import { ImportError } from '../../src/io/read/errors'
import { readWorkbook } from '../../src/io/read/readWorkbook'
import { parseHtmlTable } from '../../src/core/clipboard'
import { readHtmlTables } from '../../src/io/read/htmlTable'
// @ts-expect-error plain JS corpus shared with the fuzz command
import { attacks } from '../fuzz/corpus.mjs'

interface Attack { name: string; ext: string; bytes: Uint8Array }

describe('hostile inputs answer within 2 s', () => {
  for (const attack of attacks() as Attack[]) {
    it(attack.name, async () => {
      const t0 = performance.now()
      try {
        const wb = await readWorkbook(attack.bytes, `x.${attack.ext}`)
        expect(wb.sheets.length).toBeGreaterThan(0)
        for (const s of wb.sheets) expect(s.columns.length).toBeLessThanOrEqual(1024)
      } catch (e) {
        expect(e).toBeInstanceOf(ImportError)
      }
      expect(performance.now() - t0).toBeLessThan(2000)
    })
  }

  it('names the figures in a refusal', async () => {
    const far = (attacks() as Attack[]).find((a) => a.name === 'xlsx-far-cell')!
    await expect(readWorkbook(far.bytes, 'far.xlsx')).rejects.toMatchObject({ code: 'too-many-columns', message: expect.stringContaining('16384') })
  })
})

describe('damaged deflate data', () => {
  it('is called damaged, not empty, when it inflates to garbage without an error (the CRC tells)', async () => {
    const damaged = (attacks() as Attack[]).find((a) => a.name === 'xlsx-corrupt-deflate')!
    await expect(readWorkbook(damaged.bytes, 'damaged.xlsx')).rejects.toMatchObject({ code: 'corrupt', detail: expect.stringContaining('CRC') })
  })
})

describe('one HTML table reader for paste and import', () => {
  const html = '<table><tr style="display:none"><td>w</td><td>w</td></tr><tr><td>序号</td><td>工作事项</td></tr><tr><td rowspan="2">a\n  b</td><td>x&nbsp;</td></tr><tr><td>y</td></tr></table>'
  it('reads spaces, hidden rows and merges the same way', () => {
    const pasted = parseHtmlTable(html)
    const imported = readHtmlTables(html)[0]!
    // Paste keeps a trailing &nbsp; as a space (as before); the importer trims it with every cell.
    expect(pasted).toEqual([['序号', '工作事项'], ['a b', 'x '], ['a b', 'y']])
    expect(imported.cells).toEqual([['序号', '工作事项'], ['a b', 'x'], ['', 'y']])
    expect(imported.merges).toEqual([{ r0: 1, c0: 0, r1: 2, c1: 0 }])
  })
})

describe('the page stops a worker past the time limit', () => {
  it('terminates it and says so in both languages', async () => {
    let terminated = false
    const worker: WorkerPort = { postMessage() {}, terminate() { terminated = true }, onmessage: null, onerror: null }
    const result = await readWithWorker(worker, new Uint8Array([1]), 'slow.xlsx', {}, undefined, { readMs: 50 })
    expect(terminated).toBe(true)
    expect(result).toMatchObject({ ok: false, code: 'timeout', params: { seconds: 60 } })
    if (!result.ok && result.code !== 'cancelled') {
      const text = importErrorTexts(result)
      expect(text.zh).toMatch(/60 秒/)
      expect(text.en).toMatch(/60 seconds/)
    }
  })
})

describe('rows past the limit', () => {
  it('refuses an HTML table of more rows than allowed without collecting them, naming the row figure', () => {
    const html = `<table>${'<tr><td>x</td></tr>'.repeat(200_001)}</table>`
    expect(() => readHtmlTables(html)).toThrow(expect.objectContaining({ code: 'too-many-rows', message: expect.stringContaining('200,000') }) as Error)
  })
  it('says rows, not cells, when a CSV is long but narrow', async () => {
    const csv = new TextEncoder().encode(`序号,工作事项\r\n${'1,x\r\n'.repeat(200_001)}`)
    await expect(readWorkbook(csv, 'long.csv')).rejects.toMatchObject({ code: 'too-many-rows', message: expect.stringContaining('200,002 行') })
  })
  it('cuts a pasted table at the row limit instead', () => {
    expect(parseHtmlTable(`<table>${'<tr><td>x</td></tr>'.repeat(200_001)}</table>`)).toHaveLength(200_000)
  })
})
