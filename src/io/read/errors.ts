// Why an import failed, as a code and the figures behind it; the clerk's words live in src/i18n/importMessages.ts.
import { formatMessage } from '../../i18n/format'
import { importZh as zh } from '../../i18n/importMessages'
import { importEn as en } from '../../i18n/importMessagesEn'
import { MAX_CELLS, MAX_COLUMNS, MAX_ENTRY_RATIO, MAX_FILE_BYTES, MAX_ROWS, MAX_UNPACKED_BYTES, READ_TIME_LIMIT_MS } from './readLimits'

type MessageKey = keyof typeof zh

export { MAX_ENTRY_RATIO, MAX_FILE_BYTES, MAX_UNPACKED_BYTES } from './readLimits'

export type ImportErrorCode =
  | 'not-a-spreadsheet' | 'corrupt' | 'encrypted' | 'empty' | 'no-header'
  | 'too-large' | 'zip-bomb' | 'unsupported' | 'too-many-cells' | 'too-many-columns' | 'too-many-rows' | 'timeout'

/** What a file turned out to be, when it is no spreadsheet: names a `importError.what.*` text. */
export type OtherFileKind =
  | 'pdf' | 'image' | 'rar' | '7z' | 'gzip' | 'word' | 'powerpoint' | 'zip' | 'markup' | 'web-content'

export type ImportErrorParams = Record<string, string | number>

/** The figures every refusal may name, filled into its text; a thrower may add more (`found`). */
const LIMIT_FIGURES: ImportErrorParams = {
  maxFileMb: MAX_FILE_BYTES / 1024 / 1024,
  maxUnpackedMb: MAX_UNPACKED_BYTES / 1024 / 1024,
  ratio: MAX_ENTRY_RATIO,
  maxCells: MAX_CELLS.toLocaleString('en-US'),
  maxColumns: MAX_COLUMNS,
  maxRows: MAX_ROWS.toLocaleString('en-US'),
  seconds: READ_TIME_LIMIT_MS / 1000,
}

/** The zh and en text of one import refusal (codes and figures in, words out: one mechanism for both languages). */
export function importErrorText(code: ImportErrorCode, params: ImportErrorParams = {}, what?: OtherFileKind): { zh: string; en: string } {
  const all = { ...LIMIT_FIGURES, ...params }
  const key = `importError.${code}` as MessageKey
  if (code === 'not-a-spreadsheet' && what) {
    const whatKey = `importError.what.${what}` as MessageKey
    const named = 'importError.namedFile' as MessageKey
    return {
      zh: formatMessage(zh[named], { ...all, what: zh[whatKey] }) + zh[key].replace(/^[^。]*。/, ''),
      en: formatMessage(en[named], { ...all, what: en[whatKey] }) + en[key].replace(/^[^.]*\./, ''),
    }
  }
  return { zh: formatMessage(zh[key], all), en: formatMessage(en[key], all) }
}

export class ImportError extends Error {
  readonly code: ImportErrorCode
  readonly messageEn: string
  /** Technical detail for the console, never shown as the clerk's message. */
  readonly detail: string | undefined
  /** The figures named in the message (what was found against what is allowed). */
  readonly params: ImportErrorParams

  constructor(code: ImportErrorCode, detail?: string, params: ImportErrorParams = {}, what?: OtherFileKind) {
    const text = importErrorText(code, params, what)
    super(text.zh)
    this.name = 'ImportError'
    this.code = code
    this.messageEn = text.en
    this.detail = detail
    this.params = params
  }
}

/** A refusal that names what the file is, when we can tell (a Word document, a PDF…). */
export function notASpreadsheet(what: OtherFileKind | null, detail?: string): ImportError {
  return new ImportError('not-a-spreadsheet', detail, {}, what ?? undefined)
}
