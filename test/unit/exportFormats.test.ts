// Round trips of the three fixtures through every export format, and the .xlsx styles read back with ExcelJS.
import { beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { exportDocument, type ExportFormat } from '../../src/io/export'
import type { TaskDocument } from '../../src/core'
import {
  documentFromFixture, expectedBody, FIXTURE_FILES, handmadeAssessment, handmadeDocument, importDocument, importFixture,
  parseCsv, readBack,
} from './export-support'
import { exportWords } from './support/exportWords'

const FORMATS: ExportFormat[] = ['xlsx', 'xls', 'ods', 'csv']

async function exportOne(doc: TaskDocument, format: ExportFormat, extra: object = {}): Promise<Uint8Array> {
  const result = await exportDocument(doc, { format, ...extra })
  if (!result.ok) throw new Error(result.code)
  expect(result.files).toHaveLength(1)
  expect(result.files[0]!.name.endsWith(`.${format}`)).toBe(true)
  return result.files[0]!.bytes
}

function readGrid(bytes: Uint8Array, format: ExportFormat): { grid: string[][]; merges: string[] } {
  if (format === 'csv') return { grid: parseCsv(new TextDecoder().decode(bytes).replace(/^\uFEFF/, '')), merges: [] }
  return readBack(bytes)[0]!
}

/** The merges an export must hold, as A1 ranges: title, header block, one per section row. */
function expectedMerges(doc: TaskDocument): string[] {
  const width = doc.columns.length
  const last = String.fromCharCode(64 + width)
  const headerStart = 1
  const ranges = [`A1:${last}1`]
  for (const m of doc.header.merges) {
    const a = `${String.fromCharCode(65 + m.c0)}${headerStart + m.r0 + 1}`
    const b = `${String.fromCharCode(65 + m.c1)}${headerStart + m.r1 + 1}`
    ranges.push(`${a}:${b}`)
  }
  const bodyStart = headerStart + doc.header.rows.length
  doc.rows.forEach((row, i) => {
    if (row.kind !== 'data') ranges.push(`A${bodyStart + i + 1}:${last}${bodyStart + i + 1}`)
  })
  return ranges.sort()
}

describe.each(FIXTURE_FILES)('round trip of %s', (file) => {
  let doc: TaskDocument
  beforeAll(async () => { doc = await importFixture(file) })

  it.each(FORMATS)('keeps title, header, cells, section rows and merges in .%s (read back raw)', async (format) => {
    const { grid, merges } = readGrid(await exportOne(doc, format), format)
    expect(grid[0]![0]).toBe(doc.title)
    const headerRows = doc.header.rows.length
    expect(grid.slice(1, 1 + headerRows)).toEqual(doc.header.rows)
    const body = grid.slice(1 + headerRows)
    const expected = expectedBody(doc)
    expect(body).toHaveLength(expected.length)
    expected.forEach((row, i) => {
      if (row.kind === 'data') expect(body[i]).toEqual(row.cells)
      else expect(body[i]![0]).toBe(row.cells[0])
    })
    if (format !== 'csv') expect(merges).toEqual(expectedMerges(doc))
  })

  it.each(FORMATS)('imports back from .%s as the same document (readWorkbook + toDocument)', async (format) => {
    const bytes = await exportOne(doc, format)
    const again = await importDocument(bytes, `export.${format}`)
    expect(again.title).toBe(doc.title)
    expect(again.columns.map((c) => [c.header, c.role])).toEqual(doc.columns.map((c) => [c.header, c.role]))
    expect(again.settings.year).toBe(doc.settings.year)
    const cellsOf = (d: TaskDocument) => d.rows.map((row) => [row.kind, ...d.columns.map((c) => row.cells[c.id] ?? '')])
    expect(cellsOf(again)).toEqual(cellsOf(doc))
    if (format !== 'csv') {
      expect(again.header.rows).toEqual(doc.header.rows)
      // Merges are a set: their order in the file is the writer's.
      const key = (ms: TaskDocument['header']['merges']) => ms.map((m) => `${m.r0},${m.c0},${m.r1},${m.c1}`).sort()
      expect(key(again.header.merges)).toEqual(key(doc.header.merges))
    }
  })
})

describe('a fixture through the xlsx writer, read back with ExcelJS', () => {
  it('has the look of the form: title, header, borders, wrap, freeze, A4 landscape, print titles', async () => {
    const doc = documentFromFixture('tunxi-2020-plan.xlsx')
    const bytes = await exportOne(doc, 'xlsx', { highlightStates: true, addStateColumn: true })
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
    const sheet = book.worksheets[0]!

    const title = sheet.getCell('A1')
    expect(title.value).toBe(doc.title)
    expect(title.font?.bold).toBe(true)
    expect(title.font?.size).toBeGreaterThan(11)
    expect(title.alignment?.horizontal).toBe('center')
    expect(title.isMerged).toBe(true)
    expect(sheet.getCell('H1').master.address).toBe('A1')

    for (const address of ['A2', 'C2', 'C3', 'F3', 'H2']) {
      const cell = sheet.getCell(address)
      expect(cell.font?.bold, address).toBe(true)
      expect(cell.alignment?.horizontal, address).toBe('center')
      expect(cell.border?.top?.style, address).toBe('thin')
    }
    expect(sheet.getCell('A3').master.address).toBe('A2')
    expect(sheet.getCell('D2').master.address).toBe('C2')
    expect(sheet.getCell('H3').master.address).toBe('H2') // the added 状态 column spans both header rows

    const section = sheet.getCell('A4')
    expect(section.value).toBe('一、深化改革创新,高质量加快动能转换')
    expect(section.font?.bold).toBe(true)
    expect(sheet.getCell('G4').master.address).toBe('A4')

    const data = sheet.getCell('D5')
    expect(data.alignment?.wrapText).toBe(true)
    expect(data.alignment?.vertical).toBe('top')
    for (const side of ['top', 'left', 'bottom', 'right'] as const) expect(data.border?.[side]?.style).toBe('thin')
    expect(sheet.getCell('G5').border?.right?.style).toBe('thin') // empty cells keep their borders

    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 })
    expect(sheet.pageSetup.orientation).toBe('landscape')
    expect(sheet.pageSetup.paperSize).toBe(9)
    expect(sheet.pageSetup.fitToPage).toBe(true)
    expect(sheet.pageSetup.fitToWidth).toBe(1)
    expect(sheet.pageSetup.fitToHeight).toBe(0)
    expect(sheet.pageSetup.printTitlesRow).toBe('2:3')

    expect(sheet.getColumn(2).width).toBeGreaterThan(sheet.getColumn(1).width!)
    for (let r = 1; r <= sheet.rowCount; r++) expect(sheet.getRow(r).height, `row ${r}`).toBeGreaterThan(0)
    // The long task text of row 5 needs several lines.
    expect(sheet.getRow(5).height).toBeGreaterThan(60)
  })

  it('fills rows in 三色督办 colours only when asked', async () => {
    const doc = documentFromFixture('kaihua-2023-q1.xlsx')
    const assessment = handmadeAssessment(doc, ['overdue', 'behind', 'due-soon', 'done', 'pending'])
    const load = async (highlightStates: boolean): Promise<ExcelJS.Worksheet> => {
      const result = await exportDocument(doc, { format: 'xlsx', highlightStates, addStateColumn: true, addReasonColumn: true }, assessment)
      if (!result.ok) throw new Error(result.code)
      const book = new ExcelJS.Workbook()
      const bytes = result.files[0]!.bytes
      await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
      return book.worksheets[0]!
    }
    const argb = (sheet: ExcelJS.Worksheet, address: string): string | undefined => {
      const fill = sheet.getCell(address).fill
      return fill && fill.type === 'pattern' ? fill.fgColor?.argb : undefined
    }
    const on = await load(true)
    expect(['A3', 'A4', 'A5', 'A6', 'A7'].map((a) => argb(on, a))).toEqual(['FFFFC7CE', 'FFFFEB9C', 'FFDDEBF7', 'FFC6EFCE', undefined])
    expect(argb(on, 'E3')).toBe('FFFFC7CE') // the whole row, not one cell
    expect(on.getCell('F2').value).toBe('状态')
    expect(on.getCell('F3').value).toBe('逾期')
    expect(on.getCell('G2').value).toBe('逾期说明')
    expect(String(on.getCell('G3').value)).toContain('已过期')
    const off = await load(false)
    expect(argb(off, 'A3')).toBeUndefined()
  })

  it('writes formula-like text as string cells, never formulas', async () => {
    const doc = handmadeDocument([{ header: '序号', role: 'seq' }, { header: '工作事项', role: 'task' }],
      [{ cells: ['1', '=1+1'] }, { cells: ['2', '@SUM(A1)'] }, { cells: ['3', '-2+3'] }, { cells: ['4', '+CMD|"/C calc"!A0'] }])
    const bytes = await exportOne(doc, 'xlsx')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
    const sheet = book.worksheets[0]!
    for (const [address, text] of [['B3', '=1+1'], ['B4', '@SUM(A1)'], ['B5', '-2+3'], ['B6', '+CMD|"/C calc"!A0']] as const) {
      const cell = sheet.getCell(address)
      expect(cell.type, address).toBe(ExcelJS.ValueType.String)
      expect(cell.formula, address).toBeUndefined()
      expect(cell.value, address).toBe(text)
    }
    // No formula element anywhere in the sheet XML.
    const { unzipSync, strFromU8 } = await import('fflate')
    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!)
    expect(xml).not.toContain('<f>')
    // The same cells in .xls and .ods come back as text.
    for (const format of ['xls', 'ods'] as const) {
      const grid = readBack(await exportOne(doc, format))[0]!.grid
      expect(grid.slice(2).map((r) => r[1])).toEqual(['=1+1', '@SUM(A1)', '-2+3', '+CMD|"/C calc"!A0'])
    }
  })
})

describe('long cells', () => {
  const long = '长'.repeat(9000) + 'END'
  const doc = handmadeDocument([{ header: '工作事项', role: 'task' }, { header: '进展情况', role: 'progress' }],
    [{ cells: [long, 'x'.repeat(300)] }, { cells: ['短', `${long}2`] }])

  it.each(['xlsx', 'ods', 'csv'] as const)('are kept whole in .%s', async (format) => {
    const result = await exportDocument(doc, { format })
    if (!result.ok) throw new Error(result.code)
    expect(result.warnings).toBeUndefined()
    const { grid } = readGrid(result.files[0]!.bytes, format)
    expect(grid[2]).toEqual([long, 'x'.repeat(300)])
    expect(grid[3]).toEqual(['短', `${long}2`])
  })

  it('are cut in .xls, with a warning, instead of hanging the BIFF8 writer', async () => {
    const result = await exportDocument(doc, { format: 'xls' })
    if (!result.ok) throw new Error(result.code)
    expect(result.warnings?.[0]).toMatchObject({ code: 'cells-cut-xls', params: { count: 2 } })
    expect(exportWords(result.warnings![0]!).zh).toContain('2 个单元格')
    const { grid } = readGrid(result.files[0]!.bytes, 'xls')
    expect(grid[2]![0]).toHaveLength(4096)
    expect(grid[2]![0]!.endsWith('…')).toBe(true)
    expect(grid[2]![1]).toBe('x'.repeat(300)) // longer than a BIFF LABEL's 255, kept whole via the SST
  }, 20_000)
})

describe('cells beyond Excel’s limit of 32,767 characters', () => {
  const huge = '长'.repeat(40_000) + 'END'
  const doc = handmadeDocument([{ header: '工作事项', role: 'task' }, { header: '进展情况', role: 'progress' }], [{ cells: ['短', huge] }])

  it('are cut in .xlsx, ending in …, with a warning that names .csv and .ods', async () => {
    const result = await exportDocument(doc, { format: 'xlsx' })
    if (!result.ok) throw new Error(result.code)
    expect(exportWords(result.warnings![0]!).zh).toContain('1 个单元格超过 Excel 的上限 32767 字')
    expect(exportWords(result.warnings![0]!).en).toContain('.csv or .ods')
    const { grid } = readGrid(result.files[0]!.bytes, 'xlsx')
    expect(grid[2]![1]).toHaveLength(32767)
    expect(grid[2]![1]!.endsWith('…')).toBe(true)
  }, 20_000)

  it.each(['csv', 'ods'] as const)('are kept whole in .%s, without a warning', async (format) => {
    const result = await exportDocument(doc, { format })
    if (!result.ok) throw new Error(result.code)
    expect(result.warnings).toBeUndefined()
    expect(readGrid(result.files[0]!.bytes, format).grid[2]).toEqual(['短', huge])
  }, 20_000)
})

describe('preamble, footer, vertical spans and an empty table in .xlsx', () => {
  it('merges preamble and footer lines across the table and re-merges spans', async () => {
    const doc = handmadeDocument(
      [{ header: '序号', role: 'seq' }, { header: '工作事项', role: 'task' }, { header: '责任单位', role: 'owner' }],
      [
        { cells: ['1', '任务甲', '发改局'], spans: { 2: 2 } }, { cells: ['2', '任务乙', '发改局'] },
        { kind: 'footer', cells: ['填报人:张三  审核人:李四'] },
      ],
      { preamble: ['填报单位:县政府办公室'] },
    )
    const sheet = readBack(await exportOne(doc, 'xlsx'))[0]!
    expect(sheet.grid.map((r) => r[0])).toEqual([doc.title, '填报单位:县政府办公室', '序号', '1', '2', '填报人:张三  审核人:李四'])
    expect(sheet.merges).toEqual(['A1:C1', 'A2:C2', 'A6:C6', 'C4:C5'].sort())
    const book = new ExcelJS.Workbook()
    const bytes = await exportOne(doc, 'xlsx')
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
    const ws = book.worksheets[0]!
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 })
    expect(ws.pageSetup.printTitlesRow).toBe('3:3')
    expect(ws.getCell('C3').border?.bottom?.style).toBe('thin')
  })

  it('writes a table with no rows', async () => {
    const doc = handmadeDocument([{ header: '工作事项', role: 'task' }], [])
    const sheet = readBack(await exportOne(doc, 'xlsx'))[0]!
    expect(sheet.grid).toEqual([[doc.title], ['工作事项']])
  })
})

describe('CSV keeps numbers readable and still defuses formulas', () => {
  it.each(['-5%', '+3', '+3 项', '-0.5', '+86 138 0000 0000', '-1,200', '+0570-1234567'])('%s is written as it is', async (text) => {
    const { csvField } = await import('../../src/io/export/cellText')
    expect(csvField(text)).toBe(text.includes(',') ? `"${text}"` : text)
  })
  it.each(['=1+1', '+SUM(A1:A2)', '-2+3', '@cmd', '=HYPERLINK("x")', '+3 项=1'])('%s gets the leading quote', async (text) => {
    const { csvField } = await import('../../src/io/export/cellText')
    expect(csvField(text)).toMatch(/^"'/)
  })
})
