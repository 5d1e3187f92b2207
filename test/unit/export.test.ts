// Export behaviour that needs no spreadsheet reader: file names, CSV, formula safety, filtering, splitting, print HTML.
import { describe, expect, it } from 'vitest'
import { unzipSync } from 'fflate'
import { exportDocument, exportFileName, renderPrintHtml, sanitizeFileName } from '../../src/io/export'
import { buildTablePlan, estimateLines, selectRows } from '../../src/io/export/tablePlan'
import { csvField, isFormulaLike } from '../../src/io/export/cellText'
import { documentFromFixture, handmadeAssessment, handmadeDocument, parseCsv, readBack } from './export-support'
import { zh } from '../../src/i18n/messages'
import { en } from '../../src/i18n/messagesEn'
import { stateLabel } from '../../src/io/export/stateStyle'
import { TASK_STATE_ORDER } from '../../src/core'
import { exportWords } from './support/exportWords'

const decode = (bytes: Uint8Array): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)

function unitsDocument() {
  return handmadeDocument(
    [{ header: '序号', role: 'seq' }, { header: '工作事项', role: 'task' }, { header: '责任单位', role: 'owner' }],
    [
      { kind: 'section', cells: ['一、深化改革'] },
      { kind: 'section', cells: ['(一)巩固改革成果'] },
      { cells: ['1', '任务甲', '发改局'] },
      { cells: ['2', '任务乙', '经信局'] },
      { kind: 'section', cells: ['(二)扩大开放'] },
      { cells: ['3', '任务丙', '发改局'] },
      { kind: 'section', cells: ['二、民生'] },
      { cells: ['4', '任务丁', '组织部\n(人才办)'] },
      { cells: ['5', '任务戊', ''] },
      { kind: 'footer', cells: ['填报人:张三'] },
    ],
  )
}

describe('exportFileName', () => {
  it('names the file after the title and the as-of date, without the bracketed subtitle', () => {
    const doc = documentFromFixture('kaihua-2023-q1.xlsx')
    expect(exportFileName(doc, '2023-03-31', 'xlsx')).toBe('开化县2023年度重点工作清单_截至2023-03-31.xlsx')
  })

  it('strips characters no file system accepts', () => {
    expect(sanitizeFileName('a/b\\c:d*e?f"g<h>i|j\u0001. ')).toBe('abcdefghij')
    const doc = handmadeDocument([{ header: '任务', role: 'task' }], [], { title: '县/区: 清单*2023?' })
    expect(exportFileName(doc, '2023-06-30', 'csv')).toBe('县区 清单2023_截至2023-06-30.csv')
  })

  it('falls back to the draft name when there is no title', () => {
    const doc = handmadeDocument([{ header: '任务', role: 'task' }], [], { title: null, name: '我的草稿' })
    expect(exportFileName(doc, '2023-06-30', '.ods')).toBe('我的草稿_截至2023-06-30.ods')
  })
})

describe('formula safety', () => {
  it('recognises what a spreadsheet would run', () => {
    for (const text of ['=1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '+A1', '-cmd|\' /C calc\'!A0']) expect(isFormulaLike(text)).toBe(true)
    // A plain signed number is the number a spreadsheet reads, not a formula (issue: no visible ' before -5%).
    for (const text of ['1+1', '完成=100%', 'a@b.cn', '', '+1', '-5%', '+3 项']) expect(isFormulaLike(text)).toBe(false)
  })

  it('prefixes and quotes formula-like CSV fields (OWASP)', () => {
    expect(csvField('=1+1')).toBe(`"'=1+1"`)
    expect(csvField('@SUM(A1)')).toBe(`"'@SUM(A1)"`)
    expect(csvField('-2+3')).toBe(`"'-2+3"`)
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('line1\nline2')).toBe('"line1\nline2"')
  })

  it('writes injected cells as escaped text in a whole CSV export', async () => {
    const doc = handmadeDocument([{ header: '序号', role: 'seq' }, { header: '工作事项', role: 'task' }],
      [{ cells: ['1', '=1+1'] }, { cells: ['2', '@SUM(A1)'] }, { cells: ['3', '-2+3'] }])
    const result = await exportDocument(doc, { format: 'csv' })
    if (!result.ok) throw new Error(result.code)
    const records = parseCsv(decode(result.files[0]!.bytes).replace(/^\uFEFF/, ''))
    expect(records.slice(2).map((r) => r[1])).toEqual(["'=1+1", "'@SUM(A1)", "'-2+3"])
  })
})

describe('CSV', () => {
  it('is UTF-8 with BOM, CRLF, title, header and rows in order, every record full width', async () => {
    const doc = documentFromFixture('kaihua-2023-q1.xlsx')
    const result = await exportDocument(doc, { format: 'csv' })
    if (!result.ok) throw new Error(result.code)
    const file = result.files[0]!
    expect(file.name).toBe('开化县2023年度重点工作清单_截至2023-03-31.csv')
    expect(file.mime).toMatch(/^text\/csv/)
    expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = decode(file.bytes).slice(1)
    expect(text.endsWith('\r\n')).toBe(true)
    // No bare LF outside quoted fields: every record ends with CRLF.
    expect(/[^\r]\n/.test(text.replace(/"(?:[^"]|"")*"/g, ''))).toBe(false)
    const records = parseCsv(text)
    expect(records[0]).toEqual([doc.title, '', '', '', ''])
    expect(records[1]).toEqual(['序号', '工作事项', '进度安排', '进展情况', '完成情况'])
    expect(records).toHaveLength(2 + 9)
    for (const record of records) expect(record).toHaveLength(5)
    const first = doc.rows[0]!
    expect(records[2]).toEqual(doc.columns.map((c) => first.cells[c.id]))
  })

  it('matches the byte layout of the fixture CSV written by hand (title, header, rows)', async () => {
    const doc = documentFromFixture('kaihua-2023-q1.xlsx')
    const result = await exportDocument(doc, { format: 'csv' })
    if (!result.ok) throw new Error(result.code)
    const { readFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    const fixture = readFileSync(join(__dirname, '..', 'fixtures', 'kaihua-2023-q1-utf8bom.csv'), 'utf8')
    expect(parseCsv(decode(result.files[0]!.bytes).slice(1))).toEqual(parseCsv(fixture.replace(/^\uFEFF/, '')))
  })

  it('refuses one sheet per unit, since CSV has one sheet', async () => {
    const result = await exportDocument(unitsDocument(), { format: 'csv', split: 'owner-sheets' })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.code).toBe('csv-one-sheet')
      expect(exportWords(result).en).toMatch(/one sheet/)
    }
  })
})

describe('the table plan', () => {
  it('keeps a section when any row under it is kept, including its parent section', () => {
    const doc = unitsDocument()
    const kept = selectRows(doc, (row) => row.cells[doc.columns[1]!.id] === '任务丙')
    expect(kept.map((r) => r.cells[doc.columns[0]!.id] || r.cells[doc.columns[1]!.id]))
      .toEqual(['一、深化改革', '(二)扩大开放', '3', '填报人:张三'])
  })

  it('keeps every row, empty sections too, without a filter', () => {
    const doc = unitsDocument()
    expect(selectRows(doc, null)).toHaveLength(doc.rows.length)
  })

  it('omits hidden columns and falls back to one header row when the grid no longer matches', () => {
    const doc = documentFromFixture('tunxi-2020-plan.xlsx')
    const full = buildTablePlan({ doc, options: { format: 'xlsx' }, keep: null, sheetName: 's' })
    expect(full.bodyStart - full.headerStart).toBe(2)
    doc.columns[4]!.hidden = true
    const hidden = buildTablePlan({ doc, options: { format: 'xlsx' }, keep: null, sheetName: 's' })
    expect(hidden.columns.map((c) => c.header)).not.toContain('责任分工/牵头责任领导')
    expect(hidden.rows[hidden.headerStart]!.cells).toEqual(['序号', '工作任务', '重点工作要点', '', '责任分工', '完成时限'])
    expect(hidden.rows[hidden.headerStart + 1]!.cells).toEqual(['', '', '年度目标', '主要任务', '责任单位', ''])
    // 责任分工 now spans one column: it is no longer a merge.
    expect(hidden.merges.some((m) => m.r0 === hidden.headerStart && m.c0 === 4 && m.c1 > 4)).toBe(false)
    doc.columns[1]!.header = '工作任务(改)'
    const renamed = buildTablePlan({ doc, options: { format: 'xlsx' }, keep: null, sheetName: 's' })
    expect(renamed.bodyStart - renamed.headerStart).toBe(1)
    expect(renamed.rows[renamed.headerStart]!.cells[1]).toBe('工作任务(改)')
  })

  it('adds state and reason columns, merged down a two-row header', () => {
    const doc = documentFromFixture('tunxi-2020-plan.xlsx')
    const assessment = handmadeAssessment(doc, ['overdue', 'behind', 'done'])
    const plan = buildTablePlan({ doc, options: { format: 'xlsx', addStateColumn: true, addReasonColumn: true }, assessment, keep: null, sheetName: 's' })
    const header = plan.rows[plan.headerStart]!.cells
    expect(header.slice(-2)).toEqual(['状态', '逾期说明'])
    expect(plan.merges).toContainEqual({ r0: plan.headerStart, c0: 7, r1: plan.headerStart + 1, c1: 7 })
    const data = plan.rows.filter((r) => r.kind === 'data')
    expect(data.slice(0, 3).map((r) => r.cells[7])).toEqual(['逾期', '滞后', '已完成'])
    expect(data[0]!.cells[8]).toBe('①第1项:3月底前 → 2023-03-20,已过期')
    expect(data[1]!.cells[8]).toBe('完成情况写“滞后”')
    expect(data[2]!.cells[8]).toBe('')
    const en = buildTablePlan({ doc, options: { format: 'xlsx', addStateColumn: true, addReasonColumn: true, locale: 'en' }, assessment, keep: null, sheetName: 's' })
    const enData = en.rows.filter((r) => r.kind === 'data')
    expect(enData[0]!.cells.at(-2)).toBe('Overdue')
    // One language per table: the reasons follow the headers and labels.
    expect(enData[1]!.cells.at(-1)).toBe('Status says behind')
  })

  it('merges vertical spans again only while the covered rows keep the same text', () => {
    const doc = handmadeDocument([{ header: '序号', role: 'seq' }, { header: '责任单位', role: 'owner' }], [
      { cells: ['1', '发改局'], spans: { 1: 3 } }, { cells: ['2', '发改局'] }, { cells: ['3', '经信局'] }, { cells: ['4', '经信局'] },
    ])
    const plan = buildTablePlan({ doc, options: { format: 'xlsx' }, keep: null, sheetName: 's' })
    const body = plan.merges.filter((m) => m.r0 >= plan.bodyStart)
    expect(body).toEqual([{ r0: plan.bodyStart, c0: 1, r1: plan.bodyStart + 1, c1: 1 }])
    const filtered = buildTablePlan({ doc, options: { format: 'xlsx' }, keep: (r) => r.id !== doc.rows[1]!.id, sheetName: 's' })
    expect(filtered.merges.filter((m) => m.r0 >= filtered.bodyStart)).toEqual([])
  })

  it('estimates wrapped lines with CJK counted double and explicit breaks', () => {
    expect(estimateLines('', 10)).toBe(1)
    // LibreOffice draws ASCII in a 宋体 cell with a wider Western font: 7 letters fit in 10 units, 9 do not.
    expect(estimateLines('abcdefg', 10)).toBe(1)
    expect(estimateLines('abcdefghi', 10)).toBe(2)
    expect(estimateLines('一二三四', 10)).toBe(1)
    expect(estimateLines('一二三四五', 10)).toBe(2)
    // A closing mark that does not fit takes the character before it to the next line.
    expect(estimateLines('一二三四。', 10)).toBe(2)
    expect(estimateLines('a\nb\nc', 40)).toBe(3)
    const doc = handmadeDocument([{ header: '工作事项', role: 'task', width: 140 }], [{ cells: ['字'.repeat(60)] }])
    const plan = buildTablePlan({ doc, options: { format: 'xlsx' }, keep: null, sheetName: 's' })
    expect(plan.columns[0]!.widthChars).toBe(20)
    const data = plan.rows[plan.bodyStart]!
    // 60 characters, 9 to a line of a 20-unit column → 7 lines of 16pt.
    expect(data.heightPt).toBe(7 * 16 + 4)
    expect(plan.rows[plan.headerStart]!.heightPt).toBeLessThan(data.heightPt)
  })
})

describe('only the filtered rows', () => {
  it('exports the chosen rows with their sections', async () => {
    const doc = unitsDocument()
    const only = new Set([doc.rows[3]!.id])
    const result = await exportDocument(doc, { format: 'xlsx', onlyRowIds: only })
    if (!result.ok) throw new Error(result.code)
    const grid = readBack(result.files[0]!.bytes)[0]!.grid
    expect(grid.map((r) => r[0])).toEqual([doc.title, '序号', '一、深化改革', '(一)巩固改革成果', '2', '填报人:张三'])
  })
})

describe('split by unit', () => {
  it('zips one file per unit, each with title, header and only its rows', async () => {
    const doc = unitsDocument()
    const result = await exportDocument(doc, { format: 'xlsx', split: 'owner-files' })
    if (!result.ok) throw new Error(result.code)
    expect(result.files).toHaveLength(1)
    const zip = result.files[0]!
    expect(zip.name).toBe('测试县2023年度重点工作清单_截至2023-03-31_按责任单位.zip')
    expect(zip.mime).toBe('application/zip')
    const entries = unzipSync(zip.bytes)
    const names = Object.keys(entries).sort()
    expect(names).toEqual([
      '测试县2023年度重点工作清单_截至2023-03-31_发改局.xlsx',
      '测试县2023年度重点工作清单_截至2023-03-31_未填责任单位.xlsx',
      '测试县2023年度重点工作清单_截至2023-03-31_组织部 (人才办).xlsx',
      '测试县2023年度重点工作清单_截至2023-03-31_经信局.xlsx',
    ].sort())
    const fgj = readBack(entries['测试县2023年度重点工作清单_截至2023-03-31_发改局.xlsx']!)[0]!
    expect(fgj.grid[0]![0]).toBe(doc.title)
    expect(fgj.grid[1]).toEqual(['序号', '工作事项', '责任单位'])
    expect(fgj.grid.slice(2).map((r) => r[0])).toEqual(['一、深化改革', '(一)巩固改革成果', '1', '(二)扩大开放', '3', '填报人:张三'])
    expect(fgj.grid.filter((r) => /^\d+$/.test(r[0]!)).every((r) => r[2] === '发改局')).toBe(true)
    const zzb = readBack(entries['测试县2023年度重点工作清单_截至2023-03-31_组织部 (人才办).xlsx']!)[0]!
    expect(zzb.grid.slice(2).map((r) => r[0])).toEqual(['二、民生', '4', '填报人:张三'])
  })

  it('gives one sheet per unit in one workbook', async () => {
    const doc = unitsDocument()
    for (const format of ['xlsx', 'ods'] as const) {
      const result = await exportDocument(doc, { format, split: 'owner-sheets' })
      if (!result.ok) throw new Error(result.code)
      const sheets = readBack(result.files[0]!.bytes)
      expect(sheets.map((s) => s.name)).toEqual(['发改局', '经信局', '组织部 (人才办)', '未填责任单位'])
      for (const sheet of sheets) {
        expect(sheet.grid[0]![0]).toBe(doc.title)
        expect(sheet.grid[1]).toEqual(['序号', '工作事项', '责任单位'])
      }
      expect(sheets[1]!.grid.slice(2).map((r) => r[1])).toEqual(['', '', '任务乙', ''])
    }
  })

  it('combines the unit split with the row filter', async () => {
    const doc = unitsDocument()
    const result = await exportDocument(doc, { format: 'csv', split: 'owner-files', onlyRowIds: new Set([doc.rows[5]!.id]) })
    if (!result.ok) throw new Error(result.code)
    const entries = unzipSync(result.files[0]!.bytes)
    expect(Object.keys(entries)).toEqual(['测试县2023年度重点工作清单_截至2023-03-31_发改局.csv'])
  })

  it('says so when there is no unit column', async () => {
    const doc = handmadeDocument([{ header: '工作事项', role: 'task' }], [{ cells: ['任务'] }])
    const result = await exportDocument(doc, { format: 'xlsx', split: 'owner-files' })
    expect(result).toMatchObject({ ok: false })
    if (!result.ok) {
      expect(result.code).toBe('no-owner-column')
      expect(exportWords(result).zh).toContain('责任单位')
    }
  })
})

describe('never throws across the layer', () => {
  it('reports an unknown format and a table with every column hidden as results', async () => {
    const doc = handmadeDocument([{ header: '工作事项', role: 'task', hidden: true }], [{ cells: ['任务'] }])
    expect((await exportDocument(doc, { format: 'xlsx' })).ok).toBe(false)
    const visible = handmadeDocument([{ header: '工作事项', role: 'task' }], [{ cells: ['任务'] }])
    expect((await exportDocument(visible, { format: 'pdf' as never })).ok).toBe(false)
  })

  it('turns a writer failure into a message', async () => {
    const doc = handmadeDocument([{ header: '工作事项', role: 'task' }], [{ cells: ['任务'] }])
    const broken = { ...doc, rows: null as never }
    const result = await exportDocument(broken, { format: 'xlsx' })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.code).toBe('failed')
      expect(String(result.params.detail)).not.toBe('')
      expect(exportWords(result).zh).toMatch(/^写入文件时出错（.+）$/)
    }
  })
})

describe('print HTML', () => {
  it('renders title, merged header, borders and state colours, with all text escaped', () => {
    const doc = documentFromFixture('tunxi-2020-plan.xlsx')
    const first = doc.rows.find((r) => r.kind === 'data')!
    first.cells[doc.columns[1]!.id] = '<script>alert(1)</script> & "x"'
    const assessment = handmadeAssessment(doc, ['overdue', 'due-soon', 'done', 'behind'])
    const html = renderPrintHtml(doc, { highlightStates: true, addStateColumn: true }, assessment)
    expect(html).not.toMatch(/<script/i)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;')
    expect(html).toContain(`<h1>${doc.title}</h1>`)
    expect(html).toContain('<th rowspan="2">序号</th>')
    expect(html).toContain('<th colspan="2">重点工作要点</th>')
    expect(html).toContain('<td colspan="8">一、深化改革创新,高质量加快动能转换</td>')
    expect(html).toContain('border:1px solid #000')
    expect(html).toContain('size:A4 landscape')
    expect(html).toMatch(/tr\.state-overdue td\{background:#FFC7CE\}/)
    expect(html).toContain('<tr class="state-overdue">')
    expect(html.match(/<tr/g)!.length).toBe(2 + doc.rows.length)
  })

  it('leaves rows unfilled when highlighting is off', () => {
    const doc = documentFromFixture('kaihua-2023-q1.xlsx')
    const html = renderPrintHtml(doc, {}, handmadeAssessment(doc, ['overdue']))
    expect(html).not.toContain('background:')
  })
})

describe('state labels', () => {
  it('are the words the app shows, in both languages: an exported table reads like the screen', () => {
    for (const state of TASK_STATE_ORDER) {
      expect(stateLabel(state, 'zh')).toBe(zh[`state.${state}`])
      expect(stateLabel(state, 'en')).toBe(en[`state.${state}`])
    }
  })
})
