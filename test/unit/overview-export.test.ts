// The 汇总 sheet: the export's first sheet when asked, the per-unit counts read back as written,
// the chart pictures inside the workbook; without the option the workbook is as before.
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { assessDocument, type TaskDocument } from '../../src/core'
import { bulletinText, overviewOf, summaryTable } from '../../src/core/overview'
import { exportDocument } from '../../src/io/export'
import { bulletinToDocx } from '../../src/io/export/bulletinDocx'
import { documentFromFixture, readBack } from './export-support'

/** A 1×1 white PNG: the page draws the real charts; the worker only places the bytes. */
const PIXEL = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0))

function at(doc: TaskDocument, asOf: string): { doc: TaskDocument; assessment: ReturnType<typeof assessDocument> } {
  const dated = { ...doc, settings: { ...doc.settings, asOf } }
  return { doc: dated, assessment: assessDocument(dated) }
}

describe('the 汇总 sheet', () => {
  it('comes first, with one line per lead unit and the total, read back as the overview counts them', async () => {
    const { doc, assessment } = at(documentFromFixture('linan-2023-h1.xls'), '2023-12-31')
    const result = await exportDocument(doc, { format: 'xlsx', locale: 'zh', summarySheet: { images: [{ png: PIXEL, width: 900, height: 400 }] } }, assessment)
    if (!result.ok) throw new Error(result.code)
    const sheets = readBack(result.files[0]!.bytes)
    expect(sheets.map((s) => s.name)).toEqual(['汇总', doc.sheetName ?? 'Sheet1'])
    const grid = sheets[0]!.grid
    expect(grid[1]![0]).toBe('截至2023年12月31日')
    const { lines, hasBehind } = summaryTable(overviewOf(doc, assessment), { unassigned: '未填责任单位', total: '合计' })
    expect(grid[2]).toEqual(['单位', '任务数', '已完成', '序时推进', ...(hasBehind ? ['滞后'] : []), '临期', '逾期', '完成率'])
    const total = grid[2 + lines.length]!
    expect(total[0]).toBe('合计')
    expect(Number(total[1])).toBe(assessment.byRow.size)
    expect(Number(total[total.length - 2])).toBe(assessment.counts.overdue)
    expect(grid[3]![0]).toBe(lines[0]!.unit)
    expect(sheets[0]!.merges).toContain('A1:' + String.fromCharCode(64 + grid[2]!.length) + '1')
    const files = unzipSync(result.files[0]!.bytes)
    expect(Object.keys(files).filter((name) => /^xl\/media\/.+\.png$/.test(name))).toHaveLength(1)
  })

  it('is in English for an English export, and absent when not asked for', async () => {
    const { doc, assessment } = at(documentFromFixture('kaihua-2023-q1.xlsx'), '2023-03-31')
    const en = await exportDocument(doc, { format: 'xlsx', locale: 'en', summarySheet: { images: [] } }, assessment)
    if (!en.ok) throw new Error(en.code)
    const [summary] = readBack(en.files[0]!.bytes)
    expect(summary!.name).toBe('Summary')
    expect(summary!.grid[2]!.slice(0, 3)).toEqual(['Unit', 'Tasks', 'Done'])
    const plain = await exportDocument(doc, { format: 'xlsx', locale: 'zh' }, assessment)
    if (!plain.ok) throw new Error(plain.code)
    expect(readBack(plain.files[0]!.bytes).map((s) => s.name)).not.toContain('汇总')
  })

  it('leads a workbook split into a sheet per unit, under a name no unit sheet takes', async () => {
    const { doc, assessment } = at(documentFromFixture('linan-2023-h1.xls'), '2023-06-30')
    const result = await exportDocument(doc, { format: 'xlsx', split: 'owner-sheets', summarySheet: { images: [] } }, assessment)
    if (!result.ok) throw new Error(result.code)
    const names = readBack(result.files[0]!.bytes).map((s) => s.name)
    expect(names[0]).toBe('汇总')
    expect(new Set(names).size).toBe(names.length)
  })
})

describe('the bulletin as .docx', () => {
  it('holds the title and every line of the (edited) text, headings in 黑体', async () => {
    const { doc, assessment } = at(documentFromFixture('linan-2023-h1.xls'), '2023-12-31')
    const text = `${bulletinText(overviewOf(doc, assessment))}\n（科室补充：请于下周五前报送整改情况。）`
    const bytes = await bulletinToDocx(text, '重点工作推进情况通报')
    const xml = new TextDecoder().decode(unzipSync(bytes)['word/document.xml'])
    expect(xml).toContain('重点工作推进情况通报')
    expect(xml).toContain('截至2023年12月31日，全县154项重点工作中')
    expect(xml).toContain('科室补充：请于下周五前报送整改情况。')
    expect(xml).toMatch(/w:eastAsia="黑体"[^]*一、逾期未完成的工作/)
  })
})
