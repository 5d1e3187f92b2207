// Why an import failed, as a code and the figures behind it. The clerk's words live in src/i18n: the
// page composes them from the code (the worker posts no text); the one exception is this error's own
// message, which readWorkbook's callers outside the page (tests, checks) read, composed there by
// src/i18n/importErrorTexts.ts: the only door from io to the words, pinned by a lint rule.
import { importErrorTexts } from '../../i18n/importErrorTexts'
import { importFailure, type ImportErrorCode, type ImportErrorParams, type ImportFailure, type OtherFileKind } from './failure'

export { MAX_ENTRY_RATIO, MAX_FILE_BYTES, MAX_UNPACKED_BYTES } from './readLimits'
export { importFailure, type ImportErrorCode, type ImportErrorParams, type ImportFailure, type OtherFileKind } from './failure'

export class ImportError extends Error {
  readonly code: ImportErrorCode
  readonly messageEn: string
  /** Technical detail for the console, never shown as the clerk's message. */
  readonly detail: string | undefined
  /** The figures named in the message (what was found against what is allowed). */
  readonly params: ImportErrorParams
  /** What the file is, for a file that is no spreadsheet. */
  readonly what: OtherFileKind | undefined

  constructor(code: ImportErrorCode, detail?: string, params: ImportErrorParams = {}, what?: OtherFileKind) {
    const text = importErrorTexts(importFailure(code, params, what))
    super(text.zh)
    this.name = 'ImportError'
    this.code = code
    this.messageEn = text.en
    this.detail = detail
    this.params = params
    this.what = what
  }

  /** What crosses to the page: the code and the figures, no words. */
  get failure(): ImportFailure {
    return importFailure(this.code, this.params, this.what)
  }
}

/** A refusal that names what the file is, when we can tell (a Word document, a PDF…). */
export function notASpreadsheet(what: OtherFileKind | null, detail?: string): ImportError {
  return new ImportError('not-a-spreadsheet', detail, {}, what ?? undefined)
}
