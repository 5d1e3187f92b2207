// The importer's entry: any file a clerk receives (or pastes) to ImportedWorkbook, or an ImportError saying why not.
import type { ImportedSheet, ImportedWorkbook } from '../imported'
import { inspectContainer, listZipEntries } from './container'
import { decodeText, looksLikeText } from './decodeText'
import { readXlsx } from './fastXlsx'
import { readDelimited, sniffSeparator } from './delimited'
import { ImportError, notASpreadsheet } from './errors'
import { MAX_FILE_BYTES } from './readLimits'
import { readHtmlTables } from './htmlTable'
import type { RawSheet } from './rawSheet'
import { readSpreadsheet } from './sheetjs'
import { damagedEntry } from './unpack'
import { hasContent, interpretSheet } from './structure'

export { ImportError } from './errors'

export type ImportPhase = 'check' | 'parse' | 'structure' | 'done'

export interface ReadOptions {
  /** Coarse progress: SheetJS parses in one synchronous call, so phases are all we can report. */
  onProgress?: (phase: ImportPhase, fraction: number) => void
}

/** The file name without folders and extension, used to name a CSV's only sheet. */
function baseName(fileName: string): string {
  const file = fileName.split(/[\\/]/).pop() ?? fileName
  return file.replace(/\.[^.]+$/, '') || file || '表格'
}

/** Sheets with a task table first (the UI opens the first), the others after, each group in file order. */
function toWorkbook(raws: readonly RawSheet[], fileName: string): ImportedWorkbook {
  const sheets: ImportedSheet[] = raws.filter(hasContent).map((raw) => interpretSheet(raw, fileName))
  if (!sheets.length) throw new ImportError('empty', 'no sheet has any text')
  return { sheets: [...sheets.filter((s) => s.hasTaskTable), ...sheets.filter((s) => !s.hasTaskTable)] }
}

/**
 * Text content to raw grids: an HTML table (a web page, an "xls" that is really HTML,
 * Excel's clipboard), SpreadsheetML/Flat ODS XML, else delimited text (CSV, TSV, `|`).
 */
function readTextContent(text: string, name: string, encoding?: string, tabular = false): RawSheet[] {
  const body = text.replace(/^\uFEFF/, '')
  if (!body.trim()) throw new ImportError('empty', 'blank text')
  const head = body.slice(0, 4096).trimStart()
  if (head.startsWith('<')) {
    if (/<table[\s>]/i.test(body)) {
      const tables = readHtmlTables(body, name)
      if (tables.length) return tables
    }
    if (/<\?xml|<Workbook|<office:document|<ss:Workbook/i.test(head) && /urn:schemas-microsoft-com:office:spreadsheet|opendocument/i.test(body.slice(0, 65536))) {
      return readSpreadsheet(body, 'xml')
    }
    throw notASpreadsheet('markup', 'markup without a table')
  }
  const sheet = readDelimited(body, name, sniffSeparator(body, tabular))
  if (encoding) sheet.source = { ...sheet.source, format: sheet.source?.format ?? 'csv', encoding }
  return [sheet]
}

/** Reads any supported file. Rejects with an ImportError whose message a clerk can act on. */
export async function readWorkbook(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): Promise<ImportedWorkbook> {
  const progress = options.onProgress ?? (() => {})
  if (bytes.length === 0) throw new ImportError('empty', '0 bytes')
  if (bytes.length > MAX_FILE_BYTES) throw new ImportError('too-large', `${bytes.length} bytes`)
  progress('check', 0)
  const container = inspectContainer(bytes)
  progress('parse', 0.1)
  let raws: RawSheet[]
  if (container.kind === 'text') {
    const decoded = decodeText(bytes)
    if (!looksLikeText(decoded.text)) throw new ImportError('not-a-spreadsheet', 'binary content')
    // Pasted text arrives named .tsv (see the import store): it is read as a copied table.
    raws = readTextContent(decoded.text, baseName(fileName), decoded.encoding, /\.tsv$/i.test(fileName))
  } else if (container.kind === 'zip' && container.format === 'xlsx') {
    raws = await readXlsx(bytes, container.format)
  } else {
    raws = readSpreadsheet(bytes, container.kind === 'zip' ? container.format : 'xls')
  }
  progress('structure', 0.7)
  let workbook: ImportedWorkbook
  try {
    workbook = toWorkbook(raws, fileName)
  } catch (e) {
    // Nothing found in a zip may be damage that inflated to garbage without an error: the CRCs tell.
    if (e instanceof ImportError && e.code === 'empty' && container.kind === 'zip') {
      const damaged = damagedEntry(bytes, listZipEntries(bytes))
      if (damaged) throw new ImportError('corrupt', `zip: ${damaged} does not match its CRC`)
    }
    throw e
  }
  progress('done', 1)
  return workbook
}

/** An HTML table (a saved page or clipboard HTML) as a workbook; each table is a sheet. */
export function readHtmlTable(html: string, name = '表格'): ImportedWorkbook {
  const tables = readHtmlTables(html, name)
  if (!tables.length) throw notASpreadsheet('web-content', 'no table in the HTML')
  return toWorkbook(tables, name)
}

/** Text pasted from the clipboard: Excel/WPS give tab-separated text; HTML is read as a table. */
export function readPastedText(text: string, name = '粘贴的表格'): ImportedWorkbook {
  return toWorkbook(readTextContent(text, name, undefined, true), name)
}
