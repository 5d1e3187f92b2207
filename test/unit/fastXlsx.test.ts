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
    const zip = zipSync({ 'big.xml': new Uint8Array(4 * 1024 * 1024) })
    // Claim 1 kB unpacked in the central directory: the cap must be checked on what comes out.
    let cd = zip.length - 4
    while (!(zip[cd] === 0x50 && zip[cd + 1] === 0x4b && zip[cd + 2] === 0x01 && zip[cd + 3] === 0x02)) cd--
    new DataView(zip.buffer).setUint32(cd + 24, 1024, true)
    const reader = new ZipReader(zip, 1024 * 1024)
    await expect(reader.read('big.xml')).rejects.toBeInstanceOf(ImportError)
    await expect(new ZipReader(zip, 8 * 1024 * 1024).read('big.xml')).resolves.toHaveLength(4 * 1024 * 1024)
  })
})
