// Why a read failed, as data: a code, the figures its text names, what the file is. No words: this
// crosses to the page, whose store says it in the clerk's words (src/i18n/importErrorText.ts).
import { MAX_CELLS, MAX_COLUMNS, MAX_ENTRY_RATIO, MAX_FILE_BYTES, MAX_ROWS, MAX_UNPACKED_BYTES, READ_TIME_LIMIT_MS } from './readLimits'

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

/** A refusal as data: its code, every figure its text may name, and what the file is when we can tell. */
export interface ImportFailure<Code extends string = ImportErrorCode> {
  code: Code
  params: ImportErrorParams
  what?: OtherFileKind
}

/** The failure with the reader's limits among its figures (a thrower's own figures win). */
export function importFailure<Code extends string>(code: Code, params: ImportErrorParams = {}, what?: OtherFileKind): ImportFailure<Code> {
  return { code, params: { ...LIMIT_FIGURES, ...params }, ...(what ? { what } : {}) }
}
