// Every way a table reaches the importer: text tables, HTML, encodings, separators, workbooks written by SheetJS, paste.
import { readFileSync } from 'node:fs'
import * as XLSX from '@e965/xlsx'
import { describe, expect, it } from 'vitest'
import { taskFieldsOf } from '../../src/core/document'
import { decodeText } from '../../src/io/read/decodeText'
import { parseDelimited, sniffSeparator } from '../../src/io/read/delimited'
import { headerSignature } from '../../src/io/read/headerSignature'
import { readHtmlTable, readPastedText, readWorkbook } from '../../src/io/read/readWorkbook'
import { reinterpretSheet } from '../../src/io/read/structure'
import { rawGridOf } from '../../src/io/read/sheetGrids'
import { toDocument } from '../../src/io/toDocument'

const kaihua = JSON.parse(readFileSync('test/fixtures/kaihua-2023-q1.expected.json', 'utf8')) as { tasks: { fields: Record<string, string> }[] }
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
const dataRows = (sheet: { rows: { kind: string; sheetRow: number }[] }) => sheet.rows.filter((r) => r.kind === 'data').map((r) => r.sheetRow)

describe('plain-text | tables (seed 000)', () => {
  it('skips the title and junk lines and reads the nine tasks', async () => {
    const bytes = new Uint8Array(readFileSync('test/fixtures/seeds/000_59cf0609e32c419c.txt'))
    const sheet = (await readWorkbook(bytes, '000_59cf0609e32c419c.txt')).sheets[0]!
    expect(sheet.title).toBe('开化县2023年度重点工作清单(一季度政府工作报告重点任务执行落实情况)')
    expect(sheet.headerRows).toEqual([5])
    expect(sheet.preamble).toEqual(['时间:2023-12-22 17:46', '来源:', '开化县', '浏览次数:'])
    expect(sheet.columns.map((c) => c.role)).toEqual(['seq', 'task', 'schedule', 'progress', 'status'])
    expect(dataRows(sheet)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14])
    expect(sheet.year).toBe(2023)
    expect(sheet.suggestedAsOf).toBe('2023-03-31')
    const doc = toDocument(sheet, 'seed.txt')
    const fields = doc.rows.map((r) => taskFieldsOf(doc.columns, r))
    expect(fields).toEqual(kaihua.tasks.map((t) => t.fields))
  })

  it('reads Markdown-style rows with outer bars and a rule line', async () => {
    const text = '| 序号 | 工作任务 | 完成时限 |\n|---|---|---|\n| 1 | 建成学校 | 2024-06-30 |\n| 2 | 开通公交 | 年底前 |\n'
    const sheet = (await readWorkbook(utf8(text), 'list.md')).sheets[0]!
    expect(sheet.columns.map((c) => c.header)).toEqual(['序号', '工作任务', '完成时限'])
    expect(sheet.rows.map((r) => r.cells)).toEqual([['1', '建成学校', '2024-06-30'], ['2', '开通公交', '年底前']])
  })
})

describe('HTML tables', () => {
  const html = `<html><head><title>x</title><style>td{color:red}</style></head><body>
    <h2>2023年重点工作推进情况表</h2>
    <table border=1>
      <tr><th rowspan="2">序号</th><th rowspan=2>工作任务</th><th colspan="2">推进情况</th><th rowspan=2>责任单位</th></tr>
      <tr><th>进度安排</th><th>进展情况</th></tr>
      <tr><td colspan=5>一、改革创新</td></tr>
      <tr><td>1</td><td>完成&nbsp;A&amp;B<br>改造</td><td>3月底前</td><td>已完成。</td><td rowspan="2">发改局</td></tr>
      <tr><td>2</td><td>新建&ldquo;学校&rdquo;</td><td>6月底前</td><td>正在<br/>施工</td></tr>
    </table><p>注:本表由区府办汇总</p></body></html>`

  it('honours rowspan/colspan, <br> and entities, and reads the title above', () => {
    const sheet = readHtmlTable(html, 'page').sheets[0]!
    expect(sheet.title).toBe('2023年重点工作推进情况表')
    expect(sheet.headerRows).toEqual([1, 2])
    expect(sheet.columns).toEqual([
      { header: '序号', role: 'seq' }, { header: '工作任务', role: 'task' },
      { header: '推进情况/进度安排', role: 'schedule' }, { header: '推进情况/进展情况', role: 'progress' },
      { header: '责任单位', role: 'owner' },
    ])
    expect(sheet.rows.map((r) => r.kind)).toEqual(['section', 'data', 'data'])
    expect(sheet.rows[1]!.cells).toEqual(['1', '完成 A&B\n改造', '3月底前', '已完成。', '发改局'])
    // The owner merged down two rows applies to both; the span is remembered for export.
    expect(sheet.rows[2]!.cells).toEqual(['2', '新建“学校”', '6月底前', '正在\n施工', '发改局'])
    expect(sheet.rows[1]!.spans).toEqual({ 4: 2 })
    expect(sheet.year).toBe(2023)
  })

  it('reads an .html file (or an "xls" that is really HTML) through readWorkbook', async () => {
    const wb = await readWorkbook(utf8(html), '导出.xls')
    expect(wb.sheets[0]!.columns).toHaveLength(5)
  })

  it('reads clipboard HTML pasted as text', () => {
    const wb = readPastedText('<table><tr><td>序号</td><td>工作事项</td><td>进展情况</td></tr><tr><td>1</td><td>修路</td><td>已完工</td></tr></table>')
    expect(wb.sheets[0]!.rows[0]!.cells).toEqual(['1', '修路', '已完工'])
  })
})

describe('text encodings and separators', () => {
  const table = '重点工作清单\r\n序号,工作事项,进度安排,进展情况\r\n1,修路,"①3月底前,完成设计。\r\n②6月底前,开工。","已完成,""超额""完成"\r\n'

  it('reads the GB18030 fixture as GB18030 and UTF-8 strictly', () => {
    expect(decodeText(new Uint8Array(readFileSync('test/fixtures/kaihua-2023-q1-gb18030.csv'))).encoding).toBe('gb18030')
    expect(decodeText(new Uint8Array(readFileSync('test/fixtures/kaihua-2023-q1-utf8.csv'))).encoding).toBe('utf-8')
    expect(decodeText(new Uint8Array(readFileSync('test/fixtures/kaihua-2023-q1-utf8bom.csv')))).toMatchObject({ encoding: 'utf-8', bom: true })
  })

  it.each([
    ['UTF-16LE with BOM', Uint8Array.from([0xff, 0xfe, ...Buffer.from(table, 'utf16le')])],
    ['UTF-16BE with BOM', Uint8Array.from([0xfe, 0xff, ...Buffer.from(table, 'utf16le').swap16()])],
    ['UTF-16LE without BOM', new Uint8Array(Buffer.from(table, 'utf16le'))],
    ['UTF-8', utf8(table)],
  ])('%s, quoted multi-line cells and "" escapes', async (_name, bytes) => {
    const sheet = (await readWorkbook(bytes, 'list.csv')).sheets[0]!
    expect(sheet.title).toBe('重点工作清单')
    expect(sheet.headerRows).toEqual([1])
    expect(sheet.rows).toEqual([{ kind: 'data', sheetRow: 2, cells: ['1', '修路', '①3月底前,完成设计。\n②6月底前,开工。', '已完成,"超额"完成'] }])
  })

  it.each([
    ['tab', '\t'], ['semicolon', ';'], ['comma', ','], ['bar', '|'],
  ] as const)('sniffs a %s separator', (_name, sep) => {
    // A comma inside a cell must not make the comma win; in a real CSV that cell is quoted.
    const cell = sep === ',' ? '"修路,架桥"' : '修路,架桥'
    const text = ['序号', '工作事项', '完成时限'].join(sep) + '\n' + ['1', cell, '6月底'].join(sep) + '\n' + ['2', '建校', '年底'].join(sep) + '\n'
    expect(sniffSeparator(text)).toBe(sep)
    expect(readPastedText(text).sheets[0]!.rows[0]!.cells).toEqual(['1', '修路,架桥', '6月底'])
  })

  it('reads pasted prose one cell per line as one column, not split at its commas', async () => {
    const lines = ['序号', '工作事项', '1', '组织第一批腾退企业名单,核定腾出能耗0.9万吨标准煤。', '2', '完成老旧小区改造', '3', '新建学校,改造道路;建设公园']
    const text = `${lines.join('\n')}\n`
    expect(sniffSeparator(text, true)).toBe('\t')
    expect(readPastedText(text).sheets[0]!.columns).toHaveLength(1)
    // Pasted text reaches the worker as a .tsv file: the same reading.
    expect((await readWorkbook(utf8(text), '粘贴的表格.tsv')).sheets[0]!.columns).toHaveLength(1)
  })

  it('parses RFC 4180 records', () => {
    expect(parseDelimited('a,"b\nc",d\r\n"",x""y,', ',')).toEqual([['a', 'b\nc', 'd'], ['', 'x""y', '']])
  })
})

/** A workbook with a notes sheet, an empty sheet and a task sheet with every structure the importer knows. */
function writeWorkbook(bookType: XLSX.BookType): Uint8Array {
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['填写说明'], ['请按季度填报']]), '说明')
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([]), '空表')
  const ws = XLSX.utils.aoa_to_sheet([
    ['附件1'],
    ['2024年三季度重点工作进展情况表'],
    ['填报单位:某某县人民政府办公室', '', '', '填报日期:2024年10月8日'],
    ['序  号', '工作\n任务', '完成时限', '责任单位'],
    ['(一)稳增长'],
    [1, '新建学校', new Date(Date.UTC(2024, 5, 30)), '教育局'],
    [2, '改造道路', '年底前', ''],
    [3, '开通公交', '9月底', '交通局'],
    ['注:完成时限以文件为准。'],
    ['填报人:张三', '', '审核人:李四'],
  ], { cellDates: true, dateNF: 'yyyy/m/d' })
  ws['!merges'] = [
    { s: { r: 1, c: 0 }, e: { r: 1, c: 3 } },
    { s: { r: 5, c: 3 }, e: { r: 6, c: 3 } },
  ]
  XLSX.utils.book_append_sheet(wb, ws, '三季度')
  const out = XLSX.write(wb, { bookType, type: 'array' }) as ArrayBuffer
  return new Uint8Array(out)
}

describe('workbooks written by SheetJS', () => {
  it.each(['xlsx', 'xlsm', 'biff8', 'ods'] as const)('%s: several sheets, task sheet first, structure kept', async (bookType) => {
    const wb = await readWorkbook(writeWorkbook(bookType), `book.${bookType}`)
    expect(wb.sheets.map((s) => s.name)).toEqual(['三季度', '说明'])
    expect(wb.sheets.map((s) => s.hasTaskTable)).toEqual([true, false])
    const sheet = wb.sheets[0]!
    expect(sheet.title).toBe('2024年三季度重点工作进展情况表')
    expect(sheet.preamble).toEqual(['附件1', '填报单位:某某县人民政府办公室  填报日期:2024年10月8日'])
    expect(sheet.headerRows).toEqual([3])
    expect(sheet.columns.map((c) => c.role)).toEqual(['seq', 'task', 'deadline', 'owner'])
    expect(sheet.year).toBe(2024)
    expect(sheet.suggestedAsOf).toBe('2024-09-30')
    expect(sheet.rows.map((r) => [r.kind, r.sheetRow])).toEqual([
      ['section', 4], ['data', 5], ['data', 6], ['data', 7], ['footer', 8], ['footer', 9],
    ])
    const first = sheet.rows[1]!
    expect(first.cells).toEqual(['1', '新建学校', '2024/6/30', '教育局'])
    if (bookType !== 'ods') expect(first.spans).toEqual({ 3: 2 })
    if (bookType !== 'ods') expect(sheet.rows[2]!.cells[3]).toBe('教育局')
    expect(sheet.rows[5]!.cells).toEqual(['填报人:张三', '', '审核人:李四', ''])
  })
})

describe('no recognisable header', () => {
  it('returns the raw grid and lets the clerk choose the header row', async () => {
    const text = '会议纪要\n甲,乙,丙\n一,二,三\n'
    const sheet = (await readWorkbook(utf8(text), 'notes.csv')).sheets[0]!
    expect(sheet.needsHeaderChoice).toBe(true)
    expect(sheet.hasTaskTable).toBe(false)
    expect(sheet.headerRows).toEqual([])
    expect(sheet.columns.map((c) => c.header)).toEqual(['A', 'B', 'C'])
    expect(sheet.rows).toHaveLength(3)
    // The grid stays with the thread that read it (the worker, on the page); here that is this test.
    const chosen = reinterpretSheet(rawGridOf(sheet)!, [1], 'notes.csv')
    expect(chosen.headerRows).toEqual([1])
    expect(chosen.columns.map((c) => c.header)).toEqual(['甲', '乙', '丙'])
    expect(chosen.title).toBe('会议纪要')
    expect(chosen.rows.map((r) => r.cells)).toEqual([['一', '二', '三']])
  })
})

describe('headerSignature', () => {
  it('is the same for the same header written differently, and differs otherwise', () => {
    const a = headerSignature([{ header: '序号' }, { header: '进展情况' }, { header: '责任单位' }])
    expect(headerSignature([{ header: '序 号' }, { header: '進展\n情況' }, { header: '責任單位' }])).toBe(a)
    expect(headerSignature([{ header: '进展情况' }, { header: '序号' }, { header: '责任单位' }])).not.toBe(a)
  })
})

describe('toDocument', () => {
  it('gives ids, maps spans to column ids and takes the year and suggested as-of', async () => {
    const sheet = (await readWorkbook(writeWorkbook('xlsx'), 'book.xlsx')).sheets[0]!
    const doc = toDocument(sheet, 'C:\\files\\book.xlsx')
    expect(new Set(doc.columns.map((c) => c.id)).size).toBe(4)
    expect(new Set(doc.rows.map((r) => r.id)).size).toBe(doc.rows.length)
    const owner = doc.columns[3]!
    expect(doc.rows[1]!.spans).toEqual({ [owner.id]: 2 })
    expect(doc.rows[1]!.cells[owner.id]).toBe('教育局')
    expect(doc.rows[0]!.kind).toBe('section')
    expect(doc.rows[0]!.cells[doc.columns[0]!.id]).toBe('(一)稳增长')
    expect(doc.settings).toMatchObject({ year: 2024, asOf: '2024-09-30' })
    expect(doc.suggestedAsOf).toBe('2024-09-30')
    expect(doc.title).toBe('2024年三季度重点工作进展情况表')
    expect(doc.preamble).toHaveLength(2)
    expect(doc.header.rows).toEqual([['序  号', '工作\n任务', '完成时限', '责任单位']])
    expect(doc.sheetName).toBe('三季度')
    expect(doc.sourceFile).toBe('C:\\files\\book.xlsx')
  })
})
