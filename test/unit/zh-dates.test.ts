// Dates as a clerk's Excel shows them: built-in date formats in the zh-CN way in both readers, and
// the deadline and schedule words other counties write (2023.12, 2023年, 11月至12月) read as dates.
import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { parseSchedule } from '../../src/core'
import { readXlsxFast } from '../../src/io/read/fastXlsx'
import { readSpreadsheet } from '../../src/io/read/sheetjs'

/** A workbook whose one sheet has a date serial in B1 under built-in number format `fmtId`. */
function dateWorkbook(fmtId: number, serial = 45291): Uint8Array {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
  return zipSync({
    '[Content_Types].xml': strToU8(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`),
    '_rels/.rels': strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<?xml version="1.0"?><workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/></Relationships>`),
    'xl/styles.xml': strToU8(`<?xml version="1.0"?><styleSheet xmlns="${ns}"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="${fmtId}" applyNumberFormat="1"/></cellXfs></styleSheet>`),
    'xl/worksheets/sheet1.xml': strToU8(`<?xml version="1.0"?><worksheet xmlns="${ns}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>完成时限</t></is></c><c r="B1" s="1"><v>${serial}</v></c></row></sheetData></worksheet>`),
  })
}

describe('built-in date formats 14 and 22, the zh-CN way', () => {
  it.each([
    [14, '2023/12/31'], [22, '2023/12/31 0:00'],
    // The East Asian ids: SheetJS draws them en-US without a format code on the cell; both readers agree.
    [31, '12/31/23'], [57, '12/31/23'],
  ])('format %i reads as %s in the fast reader and in SheetJS', async (fmtId, shown) => {
    const bytes = dateWorkbook(fmtId)
    const fast = await readXlsxFast(bytes, 'xlsx')
    expect(fast?.[0]?.cells[0]?.[1]).toBe(shown)
    expect(readSpreadsheet(bytes, 'xlsx')[0]?.cells[0]?.[1]).toBe(shown)
  })

  it('gives a deadline the schedule rules read (not 12/31/23)', async () => {
    const cell = (await readXlsxFast(dateWorkbook(14), 'xlsx'))![0]!.cells[0]![1]!
    expect(parseSchedule(cell, { year: 2023 })[0]!.due).toBe('2023-12-31')
  })
})

describe('deadline and schedule words from other counties', () => {
  it.each([
    ['2023.12', '2023-12-31'], ['2023/12', '2023-12-31'], ['2023-12', '2023-12-31'], ['2024.6', '2024-06-30'],
    ['2023年', '2023-12-31'], ['2023-2025年', '2025-12-31'], ['2023年完成立项', '2023-12-31'],
    ['11月至12月', '2023-12-31'], ['11月至12月底完成验收', '2023-12-31'], ['3-5月开展培训', '2023-05-31'], ['6月~8月', '2023-08-31'],
    ['3月到4月', '2023-04-30'], ['5月—6月', '2023-06-30'],
  ])('%s → %s', (words, due) => {
    expect(parseSchedule(words, { year: 2023 })[0]!.due).toBe(due)
  })

  it('keeps what is no date: a year-month with a unit, 年度, a month off the calendar', () => {
    expect(parseSchedule('完成投资2023.12万元', { year: 2023 })[0]!.due).toBeNull()
    expect(parseSchedule('2023年度考核', { year: 2023 })[0]!.due).toBeNull()
    expect(parseSchedule('2023.13', { year: 2023 })[0]!.kind).toBe('undated')
    expect(parseSchedule('2023年3月底前', { year: 2023 })[0]!.due).toBe('2023-03-31')
    expect(parseSchedule('2023年第二季度', { year: 2023 })[0]!.due).toBe('2023-06-30')
  })
})

describe('more ways of writing a due date (labelled before the engine ran on them)', () => {
  const cases: [string, string | 'undated'][] = [
    ['6.30前完成', '2023-06-30'], ['9/30前完成验收', '2023-09-30'], ['12.31', '2023-12-31'],
    ['6月15前完成', '2023-06-15'], ['Q3完成', '2023-09-30'], ['q1', '2023-03-31'],
    ['次年3月底前', '2024-03-31'], ['翌年6月', '2024-06-30'],
    ['七一前完成', '2023-06-30'], ['国庆节前', '2023-09-30'], ['五一前', '2023-04-30'], ['元旦前', '2023-12-31'],
    // 月中 is 中旬; 中标 after a month is no date word.
    ['10月中完成', '2023-10-20'], ['10月中前', '2023-10-20'], ['10月中下旬', '2023-10-31'], ['6月中标后开工', '2023-06-30'],
    // Not dates: decimals, versions, a rate at the end of a sentence.
    ['3.0版本上线', 'undated'], ['投资1.5亿元', 'undated'], ['完成率6.5', 'undated'], ['增长6.5%', 'undated'],
  ]
  for (const [text, due] of cases) {
    it(`${text} → ${due}`, () => {
      const [m] = parseSchedule(text, { year: 2023 })
      expect(m?.due ?? 'undated').toBe(due)
    })
  }
})
