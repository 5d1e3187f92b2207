// The fast .xlsx/.xlsm reader: plain parts read by indexOf scans; anything unusual is left to SheetJS.
import type { RawSheet } from '../rawSheet'
import { readSpreadsheet } from '../sheetjs'
import { readSharedStrings } from './sharedStrings'
import { readSheet } from './sheet'
import { Unrecognised, ZipReader } from './unzip'
import { readWorkbookParts, readXml } from './workbook'

/**
 * The workbook's sheets as sheetjs.ts would give them, or null when the file holds something
 * this reader does not recognise (then SheetJS reads it). Budget breaches throw ImportError.
 */
export async function readXlsxFast(bytes: Uint8Array, format: string): Promise<RawSheet[] | null> {
  try {
    const zip = new ZipReader(bytes)
    const types = await readXml(zip, '[Content_Types].xml')
    if (!types || !/PartName="\/xl\/workbook\.xml"\s+ContentType="application\/vnd\.(ms-excel\.sheet\.macroEnabled|openxmlformats-officedocument\.spreadsheetml\.sheet)\.main\+xml"/.test(types)) {
      throw new Unrecognised('content types')
    }
    const parts = await readWorkbookParts(zip)
    const strings = parts.sharedStrings ? readSharedStrings(parts.sharedStrings) : []
    const sheets: RawSheet[] = []
    for (const { name, path } of parts.sheets) {
      const { cells, merges } = readSheet((await readXml(zip, path))!, strings, parts.styles, name)
      sheets.push({ name, cells, merges, source: { format, reader: 'fast' } })
    }
    return sheets
  } catch (e) {
    if (e instanceof Unrecognised) return null
    throw e
  }
}

/** An .xlsx/.xlsm through the fast reader, else SheetJS; each sheet's source says which read it. */
export async function readXlsx(bytes: Uint8Array, format: string): Promise<RawSheet[]> {
  const fast = await readXlsxFast(bytes, format)
  if (fast) return fast
  return readSpreadsheet(bytes, format).map((s) => ({ ...s, source: { format, ...s.source, reader: 'sheetjs' as const } }))
}
