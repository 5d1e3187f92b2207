// Exported files opened by a real office suite: LibreOffice converts each format to CSV and the .xlsx to PDF.
import { beforeAll, describe, expect, it } from 'vitest'
import { exportDocument, type ExportFormat } from '../../src/io/export'
import { isFormulaLike } from '../../src/io/export/cellText'
import { assessDocument, type TaskDocument } from '../../src/core'
import { convertWithSoffice, importFixture, parseCsv, SOFFICE } from './export-support'

const hasSoffice = SOFFICE !== null
if (!hasSoffice) console.warn('exportLibreOffice: soffice is not on PATH; the LibreOffice checks are skipped.')

/** LibreOffice starts a fresh profile per run: allow for a slow cold start. */
const SOFFICE_TIMEOUT = 180_000

async function exported(doc: TaskDocument, format: ExportFormat): Promise<{ name: string; bytes: Uint8Array }> {
  const result = await exportDocument(doc, { format, highlightStates: true, addStateColumn: true, addReasonColumn: true }, assessDocument(doc))
  if (!result.ok) throw new Error(result.code)
  return result.files[0]!
}

/** The records of a CSV LibreOffice wrote, line breaks inside cells as `\n`. */
function recordsOf(csv: Uint8Array): string[][] {
  const text = new TextDecoder().decode(csv).replace(/^\uFEFF/, '')
  return parseCsv(text).map((record) => record.map((cell) => cell.replace(/\r\n?/g, '\n')))
}

describe('LibreOffice opens the exports', () => {
  let doc: TaskDocument
  beforeAll(async () => {
    doc = await importFixture('tunxi-2020-plan.xlsx')
    // Formula-like text must reach LibreOffice as text, not be evaluated on open.
    const first = doc.rows.find((r) => r.kind === 'data')!
    first.cells[doc.columns[4]!.id] = '=1+1'
  })

  it.skipIf(!hasSoffice).each(['xlsx', 'xls', 'ods', 'csv'] as const)('reads every cell of the .%s export', async (format) => {
    const file = await exported(doc, format)
    // Headless LibreOffice ignores the BOM and reads CSV in the system charset unless told
    // (its import dialog, like Excel, does honour it): name the CSV import options.
    const inFilter = format === 'csv' ? 'CSV:44,34,76,1' : undefined
    const records = recordsOf(await convertWithSoffice(file.bytes, `in.${format}`, 'csv:Text - txt - csv (StarCalc):44,34,76,1', inFilter))
    const cells = new Set(records.flat())
    expect(cells.has(doc.title!)).toBe(true)
    // Text, not the 2 an evaluated formula would give; CSV keeps OWASP's leading quote.
    const injected = records.find((record) => record[0] === '1')?.[4]
    expect(injected).toBe(format === 'csv' ? "'=1+1" : '=1+1')
    for (const row of doc.rows) {
      for (const column of doc.columns) {
        const text = row.cells[column.id] ?? ''
        const shown = format === 'csv' && isFormulaLike(text) ? `'${text}` : text
        if (text && (row.kind === 'data' || column === doc.columns[0])) expect(cells.has(shown), text.slice(0, 40)).toBe(true)
      }
    }
  }, SOFFICE_TIMEOUT)

  it.skipIf(!hasSoffice)('prints the .xlsx to a non-empty PDF', async () => {
    const file = await exported(doc, 'xlsx')
    const pdf = await convertWithSoffice(file.bytes, 'in.xlsx', 'pdf')
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-')
    expect(pdf.byteLength).toBeGreaterThan(10_000)
    const pages = new TextDecoder('latin1').decode(pdf).match(/\/Type\s*\/Page[^s]/g) ?? []
    expect(pages.length).toBeGreaterThan(0)
  }, SOFFICE_TIMEOUT)
})
