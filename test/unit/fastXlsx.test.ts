// The fast .xlsx reader against SheetJS: same cells and merges on the fixtures and on generated workbooks.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { strToU8, zipSync, unzipSync, strFromU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { readXlsx, readXlsxFast } from '../../src/io/read/fastXlsx'
import { readSpreadsheet } from '../../src/io/read/sheetjs'
import { writeWorkbook, workbookSpec } from './fastXlsxCorpus'

const FIXTURES = join(__dirname, '../fixtures')
const RUNS = Number(process.env.FASTXLSX_RUNS ?? 200)

function plain(sheets: ReturnType<typeof readSpreadsheet>): unknown {
  return sheets.map((s) => ({ name: s.name, cells: s.cells, merges: s.merges }))
}

async function sameAsSheetjs(bytes: Uint8Array): Promise<void> {
  const fast = await readXlsxFast(bytes, 'xlsx')
  expect(fast, 'the fast reader recognises the file').not.toBeNull()
  expect(plain(fast!)).toEqual(plain(readSpreadsheet(bytes, 'xlsx')))
}

describe('fast xlsx reader', () => {
  for (const file of readdirSync(FIXTURES).filter((f) => /\.xlsx$/.test(f))) {
    it(`reads fixture ${file} as SheetJS does`, async () => {
      await sameAsSheetjs(new Uint8Array(readFileSync(join(FIXTURES, file))))
    })
  }

  it(`reads ${RUNS} generated workbooks as SheetJS does`, async () => {
    await fc.assert(fc.asyncProperty(workbookSpec, async (spec) => { await sameAsSheetjs(await writeWorkbook(spec)) }),
      { numRuns: RUNS, seed: process.env.FASTXLSX_SEED ? Number(process.env.FASTXLSX_SEED) : undefined })
  }, 600_000)

  it('leaves CDATA and strict OOXML to SheetJS and says which reader read the file', async () => {
    const spec = { sheets: [{ cells: [{ r: 0, c: 0, value: { kind: 's' as const, v: '工作' } }], merges: [] }], date1904: false, writer: 'sheetjs' as const, variant: 'plain' as const }
    const bytes = await writeWorkbook(spec)
    expect((await readXlsx(bytes, 'xlsx'))[0]!.source?.reader).toBe('fast')
    const files = unzipSync(bytes)
    files['xl/worksheets/sheet1.xml'] = strToU8(strFromU8(files['xl/worksheets/sheet1.xml']!).replace(/<v>([^<]*)<\/v>/, '<v><![CDATA[$1]]></v>'))
    const cdata = zipSync(files)
    expect(await readXlsxFast(cdata, 'xlsx')).toBeNull()
    const viaSheetjs = await readXlsx(cdata, 'xlsx')
    expect(viaSheetjs[0]!.source?.reader).toBe('sheetjs')
    expect(viaSheetjs[0]!.cells[0]).toEqual(['工作'])
  })
})

describe('fast xlsx reader budget', () => {
  it('stops inflating past the unpacked cap, whatever the zip header claims', async () => {
    const { ZipReader } = await import('../../src/io/read/fastXlsx/unzip')
    const { ImportError } = await import('../../src/io/read/errors')
    // Nearly incompressible text (random printable ASCII), so the entry's ratio stays plausible
    // and only the cap can stop it.
    const big = new Uint8Array(4 * 1024 * 1024)
    for (let i = 0, x = 1; i < big.length; i++) { x = (x * 1103515245 + 12345) >>> 0; big[i] = 0x21 + ((x >>> 24) % 94) }
    const zip = zipSync({ 'big.xml': big })
    // Claim 1 kB unpacked in the central directory: the cap must be checked on what comes out.
    let cd = zip.length - 4
    while (!(zip[cd] === 0x50 && zip[cd + 1] === 0x4b && zip[cd + 2] === 0x01 && zip[cd + 3] === 0x02)) cd--
    new DataView(zip.buffer).setUint32(cd + 24, 1024, true)
    const reader = new ZipReader(zip, 1024 * 1024)
    await expect(reader.readText('big.xml')).rejects.toBeInstanceOf(ImportError)
    await expect(new ZipReader(zip, 8 * 1024 * 1024).readText('big.xml')).resolves.toHaveLength(4 * 1024 * 1024)
  })
})

describe('fast xlsx reader and SheetJS share one used area', () => {
  /** A minimal workbook whose only sheet holds `rows` (raw `<row>` XML), packed as Excel would. */
  function workbook(rows: string): Uint8Array {
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
    const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
    return zipSync({
      '[Content_Types].xml': strToU8(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`),
      '_rels/.rels': strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
      'xl/workbook.xml': strToU8(`<?xml version="1.0"?><workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`),
      'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
      'xl/worksheets/sheet1.xml': strToU8(`<?xml version="1.0"?><worksheet xmlns="${ns}"><sheetData>${rows}</sheetData></worksheet>`),
    })
  }
  const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c><c r="B1" t="inlineStr"><is><t>工作事项</t></is></c></row>'

  it('refuses a cell with text at XFD1048576 in the fast reader itself, naming the column, in moments', async () => {
    const bytes = workbook(`${header}<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>`)
    const t0 = performance.now()
    await expect(readXlsxFast(bytes, 'xlsx')).rejects.toMatchObject({ code: 'too-many-columns', message: expect.stringContaining('16384') })
    await expect(readXlsx(bytes, 'xlsx')).rejects.toMatchObject({ code: 'too-many-columns' })
    expect(performance.now() - t0).toBeLessThan(2000)
  })

  it('refuses a used area past the cell budget (rows × columns) in both readers', async () => {
    const bytes = workbook(`${header}<row r="199000"><c r="AMJ199000" t="inlineStr"><is><t>x</t></is></c></row>`)
    await expect(readXlsxFast(bytes, 'xlsx')).rejects.toMatchObject({ code: 'too-many-cells' })
    expect(() => readSpreadsheet(bytes, 'xlsx')).toThrow(expect.objectContaining({ code: 'too-many-cells' }) as Error)
  })

  it('cuts trailing empty and blank cells and rows the same way in both readers', async () => {
    const blank = '<c r="J1" t="inlineStr"><is><t>  </t></is></c>'
    const bytes = workbook(`${header.replace('</row>', `${blank}</row>`)}<row r="2"><c r="A2"><v>1</v></c><c r="C2" t="inlineStr"><is><t></t></is></c></row><row r="40"><c r="E40" t="inlineStr"><is><t>\u3000</t></is></c></row>`)
    const fast = await readXlsxFast(bytes, 'xlsx')
    expect(plain(fast!)).toEqual(plain(readSpreadsheet(bytes, 'xlsx')))
    expect(fast![0]!.cells).toEqual([['序号', '工作事项'], ['1']])
  })
})
