// Structure detection on generated layouts (test/unit/support/layouts.ts): header rows, roles,
// data rows, section rows and footers come back exactly, whatever the variant. LAYOUT_VARIANTS
// sets how many (`npm run test:layouts` runs 2,000); a failure prints the layout to fix as a test.
import { describe, expect, it } from 'vitest'
import { readWorkbook } from '../../src/io'
import { makeLayout, type LayoutFormat } from './support/layouts'

const COUNT = Number(process.env.LAYOUT_VARIANTS ?? 240)
const FIRST_SEED = Number(process.env.LAYOUT_SEED ?? 1)

async function check(seed: number, format?: LayoutFormat): Promise<string | null> {
  const layout = makeLayout(seed, format)
  try {
    const book = await readWorkbook(layout.bytes, `layout-${seed}.${layout.format}`)
    const sheet = book.sheets[0]!
    const got = {
      headerRows: sheet.headerRows,
      roles: sheet.columns.filter((c) => c.header.trim()).map((c) => c.role),
      dataTasks: sheet.rows.filter((r) => r.kind === 'data').map((r) => r.cells.find((t) => t.includes('任务') || /[一-龥]{4,}/.test(t) && !/^\d/.test(t)) ?? ''),
      sections: sheet.rows.filter((r) => r.kind === 'section').map((r) => r.cells.find(Boolean)!.trim()),
      footers: sheet.rows.filter((r) => r.kind === 'footer').map((r) => r.cells.find(Boolean)!.trim()),
    }
    expect(got.headerRows).toEqual(layout.expect.headerRows)
    expect(got.roles).toEqual(layout.expect.roles)
    expect(got.dataTasks.length).toBe(layout.expect.dataTasks.length)
    expect(got.sections).toEqual(layout.expect.sections.map((s) => s.trim()))
    expect(got.footers).toEqual(layout.expect.footers)
    return null
  } catch (error) {
    return `${error instanceof Error ? error.message.split('\n').slice(0, 6).join('\n') : String(error)}\n${layout.describe}`
  }
}

describe('generated layouts', () => {
  it(`${COUNT} variants from seed ${FIRST_SEED} import with the right header, roles, rows, sections and footers`, async () => {
    const failures: string[] = []
    for (let seed = FIRST_SEED; seed < FIRST_SEED + COUNT; seed++) {
      const failure = await check(seed)
      if (failure) failures.push(failure)
      if (failures.length >= 3) break
    }
    if (failures.length) console.error(failures.join('\n\n'))
    console.info(`layouts: ${COUNT} variants from seed ${FIRST_SEED}, ${failures.length ? 'failures above' : 'all right'}`)
    expect(failures).toEqual([])
  }, 600_000)

  it.each(['xlsx', 'xls', 'ods', 'csv'] as const)('each format on its own (%s)', async (format) => {
    for (let seed = 1; seed <= 10; seed++) expect(await check(seed * 7919, format)).toBeNull()
  }, 120_000)
})
