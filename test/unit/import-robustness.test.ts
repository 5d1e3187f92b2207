// The structure reader never throws on odd grids, and its output is always well-formed.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readHtmlTable, readPastedText } from '../../src/io/read/readWorkbook'
import { trimCellText, type RawSheet } from '../../src/io/read/rawSheet'
import { interpretSheet } from '../../src/io/read/structure'

const WORDS = ['', '', '序号', '工作任务', '进展情况', '责任单位', '一、改革', '注:说明', '1', '2', '修路', '2023年一季度清单', '填报人:张三', '完成时限']

const rawSheet = fc.record({
  cells: fc.array(fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }), { maxLength: 14 }),
  merges: fc.array(fc.record({ r0: fc.nat(15), c0: fc.nat(9), h: fc.nat(3), w: fc.nat(4) }), { maxLength: 5 }),
}).map(({ cells, merges }): RawSheet => ({
  name: 'fuzz', cells,
  merges: merges.map((m) => ({ r0: m.r0, c0: m.c0, r1: m.r0 + m.h, c1: m.c0 + m.w })),
}))

describe('interpretSheet on arbitrary grids', () => {
  it('never throws; rows have one cell per column and keep sheet order', () => {
    fc.assert(fc.property(rawSheet, (raw) => {
      const sheet = interpretSheet(raw, 'fuzz.xlsx')
      for (const row of sheet.rows) expect(row.cells).toHaveLength(sheet.columns.length)
      const order = sheet.rows.map((r) => r.sheetRow)
      expect(order).toEqual([...order].sort((a, b) => a - b))
      for (const r of sheet.headerRows) expect(order).not.toContain(r)
      expect(sheet.headerRows.length).toBeLessThanOrEqual(3)
      if (!sheet.headerRows.length) expect(sheet.needsHeaderChoice).toBe(true)
    }), { numRuns: 300 })
  })
})

describe('text and HTML readers on arbitrary input', () => {
  it('either read a workbook or refuse with an ImportError', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => {
      for (const read of [readPastedText, readHtmlTable]) {
        try {
          const wb = read(text)
          expect(wb.sheets.length).toBeGreaterThan(0)
        } catch (e) {
          expect((e as Error).name).toBe('ImportError')
        }
      }
    }), { numRuns: 300 })
  })

  it('caps absurd spans instead of allocating millions of cells', () => {
    const wb = readHtmlTable('<table><tr><td>序号</td><td>工作任务</td></tr><tr><td colspan="999999" rowspan="999999">x</td></tr></table>')
    expect(wb.sheets[0]!.columns.length).toBeLessThanOrEqual(200)
  })
})

describe('trimCellText', () => {
  /** The rule in three passes, as written before the fast path for clean cells. */
  const byRegex = (text: string): string =>
    text.replace(/\r\n?/g, '\n').replace(/_x000D_/g, '').replace(/^[ \t\n\u3000\u00a0]+|[ \t\n\u3000\u00a0]+$/g, '')
  const pieces = fc.constantFrom('', ' ', '\t', '\n', '\r', '\r\n', '\u3000', '\u00a0', '_x000D_', '_x000', '修路', 'a', '1', '：')

  it('gives what the three-pass rule gives, clean cells unchanged', () => {
    fc.assert(fc.property(fc.array(pieces, { maxLength: 8 }).map((xs) => xs.join('')), (text) => {
      expect(trimCellText(text)).toBe(byRegex(text))
    }), { numRuns: 2000 })
    fc.assert(fc.property(fc.string(), (text) => { expect(trimCellText(text)).toBe(byRegex(text)) }))
  })
})
