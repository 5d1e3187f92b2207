// The print view and the export keep words whole, keep a section with its first task, and write
// the words they add in the table's own script.
import { describe, expect, it } from 'vitest'
import { detectScript, toTraditional, type DocumentAssessment } from '../../src/core'
import { renderPrintHtml } from '../../src/io/export'
import { fitColumnWidths } from '../../src/io/export/printHtml'
import { buildTablePlan } from '../../src/io/export/tablePlan'
import { handmadeAssessment, handmadeDocument } from './export-support'

describe('column widths on a scaled page', () => {
  it('scales every column down but none below its longest word, taking the rest from wide columns', () => {
    const widths = fitColumnWidths([6, 80, 80, 12], [5, 10, 10, 7], 100)
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100)
    expect(widths[0]).toBeGreaterThanOrEqual(5)
    expect(widths[3]).toBeGreaterThanOrEqual(7)
    expect(widths[1]).toBeCloseTo(widths[2]!)
  })
  it('leaves a table that fits as it is', () => {
    expect(fitColumnWidths([10, 20], [4, 4], 100)).toEqual([10, 20])
  })
})

describe('a column is at least as wide as its longest word', () => {
  it('counts header parts and one-word cells, not prose', () => {
    const doc = handmadeDocument(
      [{ header: '序號', role: 'seq', width: 14 }, { header: '完成情况', role: 'status', width: 14 }, { header: '工作事项', role: 'task', width: 40 }],
      [{ cells: ['1', '已完成', '建设城市书房四座，完成选址、设计和招标工作并开工建设'] }],
    )
    const plan = buildTablePlan({ doc, options: { format: 'xlsx' }, keep: null, sheetName: 'S' })
    expect(plan.columns.map((c) => c.minChars)).toEqual([5, 9, 9])
    expect(plan.columns[0]!.widthChars).toBeGreaterThanOrEqual(5)
  })
})

describe('a section row stays with its first task', () => {
  it('puts each section and the row after it in a tbody kept on one page; a rowspan never leaves its tbody', () => {
    const doc = handmadeDocument(
      [{ header: '序号', role: 'seq' }, { header: '工作事项', role: 'task' }, { header: '责任单位', role: 'owner' }],
      [
        { kind: 'section', cells: ['一、深化改革'] },
        { kind: 'section', cells: ['（一）巩固改革成果'] },
        { cells: ['1', '任务甲', '发改局'], spans: { 2: 2 } },
        { cells: ['2', '任务乙', '发改局'] },
        { cells: ['3', '任务丙', '经信局'] },
        { kind: 'section', cells: ['二、民生'] },
        { cells: ['4', '任务丁', '民政局'] },
      ],
    )
    const html = renderPrintHtml(doc, {})
    const bodies = [...html.matchAll(/<tbody( class="keep")?>(.*?)<\/tbody>/g)]
    expect(bodies.map((b) => [!!b[1], (b[2]!.match(/<tr/g) ?? []).length])).toEqual([[true, 4], [false, 1], [true, 2]])
    expect(bodies[0]![2]).toContain('rowspan="2"')
  })
})

describe('the words the export adds are in the table’s script', () => {
  it('detects a traditional table by its title and headers, not by one stray character', () => {
    expect(detectScript('某縣2022年重點工作推進情況表序號工作事項完成情況責任單位')).toBe('traditional')
    expect(detectScript('开化县2023年度重点工作清单於序号工作事项完成情况责任单位')).toBe('simplified')
    expect(toTraditional('状态逾期说明临期常态化')).toBe('狀態逾期說明臨期常態化')
  })

  it('writes 狀態 and 逾期說明 and traditional state labels into a traditional table', () => {
    const doc = handmadeDocument(
      [{ header: '序號', role: 'seq' }, { header: '工作事項', role: 'task' }, { header: '完成情況', role: 'status' }, { header: '責任單位', role: 'owner' }],
      [{ cells: ['1', '建設城市書房', '', '縣文廣局'] }],
      { title: '某縣2022年重點工作推進情況表' },
    )
    const assessment: DocumentAssessment = handmadeAssessment(doc, ['due-soon'])
    const plan = buildTablePlan({ doc, options: { format: 'xlsx', addStateColumn: true, addReasonColumn: true }, assessment, keep: null, sheetName: 'S' })
    expect(plan.columns.slice(-2).map((c) => c.header)).toEqual(['狀態', '逾期說明'])
    expect(plan.rows[plan.bodyStart]!.cells.at(-2)).toBe('臨期')
  })
})
