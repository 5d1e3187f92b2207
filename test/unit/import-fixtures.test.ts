// Every spreadsheet fixture imports to exactly its .expected.json `import` block and task texts.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { taskFieldsOf } from '../../src/core/document'
import { readWorkbook } from '../../src/io/read/readWorkbook'
import { toDocument } from '../../src/io/toDocument'

interface Expected {
  import: {
    name: string | null; title: string | null; headerRows: number[]
    columns: { header: string; role: string | null }[]
    dataRows: number[]; sectionRows: number[]; footerRows: number[]
    year: number | null; suggestedAsOf: string | null
  }
  section_rows: ({ row: number; text: string } | number)[]
  tasks: { row: number; fields: Record<string, string> }[]
}

const FIXTURES: [file: string, expected: string][] = [
  ['kaihua-2023-q1.xlsx', 'kaihua-2023-q1.expected.json'],
  ['kaihua-2023-q1-gb18030.csv', 'kaihua-2023-q1-gb18030.expected.json'],
  ['kaihua-2023-q1-utf8bom.csv', 'kaihua-2023-q1-utf8bom.expected.json'],
  ['kaihua-2023-q1-utf8.csv', 'kaihua-2023-q1-utf8.expected.json'],
  ['linan-2023-h1.xls', 'linan-2023-h1.expected.json'],
  ['tunxi-2020-plan.xlsx', 'tunxi-2020-plan.expected.json'],
]

const dir = 'test/fixtures/'

describe.each(FIXTURES)('%s', (file, expectedFile) => {
  const expected = JSON.parse(readFileSync(dir + expectedFile, 'utf8')) as Expected
  const load = async () => {
    const workbook = await readWorkbook(new Uint8Array(readFileSync(dir + file)), file)
    return workbook.sheets[0]!
  }

  it('reads the import block', async () => {
    const sheet = await load()
    const e = expected.import
    // A CSV has no sheet name; the fixtures say null, ImportedSheet.name is the file's base name.
    if (e.name !== null) expect(sheet.name).toBe(e.name)
    else expect(sheet.name).toBe(file.replace(/\.csv$/, ''))
    expect(sheet.title).toBe(e.title)
    expect(sheet.headerRows).toEqual(e.headerRows)
    expect(sheet.columns).toEqual(e.columns)
    expect(sheet.rows.filter((r) => r.kind === 'data').map((r) => r.sheetRow)).toEqual(e.dataRows)
    expect(sheet.rows.filter((r) => r.kind === 'section').map((r) => r.sheetRow)).toEqual(e.sectionRows)
    expect(sheet.rows.filter((r) => r.kind === 'footer').map((r) => r.sheetRow)).toEqual(e.footerRows)
    expect(sheet.year).toBe(e.year)
    expect(sheet.suggestedAsOf).toBe(e.suggestedAsOf)
    expect(sheet.hasTaskTable).toBe(true)
    expect(sheet.needsHeaderChoice).toBeUndefined()
  })

  it('keeps section labels in the first column', async () => {
    const sheet = await load()
    for (const s of expected.section_rows) {
      if (typeof s === 'number') continue
      const row = sheet.rows.find((r) => r.sheetRow === s.row)!
      expect(row.cells[0]).toBe(s.text)
      expect(row.cells.slice(1).every((c) => c === '')).toBe(true)
    }
  })

  it('gives every task the cell texts of its roles', async () => {
    const sheet = await load()
    const doc = toDocument(sheet, file)
    expect(expected.tasks.length).toBeGreaterThan(0)
    for (const task of expected.tasks) {
      const row = doc.rows.find((r) => r.sheetRow === task.row)
      expect(row, `row ${task.row}`).toBeDefined()
      expect(taskFieldsOf(doc.columns, row!)).toEqual(task.fields)
    }
  })
})

describe('linan-2023-h1.xls details', () => {
  it('keeps a line break inside a cell as \\n, not as an extra row', async () => {
    const sheet = (await readWorkbook(new Uint8Array(readFileSync(dir + 'linan-2023-h1.xls')), 'linan-2023-h1.xls')).sheets[0]!
    const row = sheet.rows.find((r) => r.sheetRow === 84)!
    expect(row.cells[3]).toBe('组织部\n(人才办)')
    expect(sheet.rows).toHaveLength(154)
  })
})

describe('tunxi-2020-plan.xlsx header', () => {
  it('records the raw two-row header and its merges for export', async () => {
    const sheet = (await readWorkbook(new Uint8Array(readFileSync(dir + 'tunxi-2020-plan.xlsx')), 'tunxi-2020-plan.xlsx')).sheets[0]!
    expect(sheet.header!.rows).toEqual([
      ['序号', '工作任务', '重点工作要点', '', '责任分工', '', '完成时限'],
      ['', '', '年度目标', '主要任务', '牵头责任领导', '责任单位', ''],
    ])
    expect(sheet.header!.merges).toEqual(expect.arrayContaining([
      { r0: 0, c0: 0, r1: 1, c1: 0 }, { r0: 0, c0: 2, r1: 0, c1: 3 }, { r0: 0, c0: 4, r1: 0, c1: 5 }, { r0: 0, c0: 6, r1: 1, c1: 6 },
    ]))
    expect(sheet.title).toBe('2020年区政府工作报告重点工作要点分解责任清单')
  })
})
