// The export's public vocabulary: what the clerk chooses and what comes back, as a result union (never a throw).
import type { UnitScope } from '../../core'

export type ExportFormat = 'xlsx' | 'xls' | 'csv' | 'ods'

/** none: one file; owner-files: one file per 责任单位, zipped; owner-sheets: one workbook, a sheet per unit. */
export type ExportSplit = 'none' | 'owner-files' | 'owner-sheets'

export type ExportLocale = 'zh' | 'en'

export interface ExportOptions {
  format: ExportFormat
  /** Fill data rows in 三色督办 colours (overdue red, behind yellow, due-soon blue, done green). */
  highlightStates?: boolean
  /** Append a 状态 column with each task's state label. */
  addStateColumn?: boolean
  /** Append a 逾期说明 column: why overdue / due-soon milestones are flagged (zh reasons). */
  addReasonColumn?: boolean
  /**
   * Append a hidden 行标识 column with each row's id (`JD:…`), so the copies units send back are
   * matched row for row even when they renumber, sort or reword (the export dialog turns it on).
   */
  addRowIds?: boolean
  /** Only these data rows (the grid's filter); a section row stays when any of its rows stays. */
  onlyRowIds?: Set<string>
  split?: ExportSplit
  /** Who gets a file or sheet when split: lead units only (default), or supporting units too. */
  splitUnits?: UnitScope
  /** Language of state labels and of the added columns' headers. Defaults to zh. */
  locale?: ExportLocale
  /** The as-of date named in the file name; defaults to the assessment's, else the document's. */
  asOf?: string
  /**
   * .xlsx, one file (not split into files): a first sheet 汇总 with the per-unit counts and these
   * chart pictures (see summarySheet.ts).
   */
  summarySheet?: { images: SummaryChartImage[] }
}

/** A chart the page drew (PNG bytes and its pixel size), placed on the 汇总 sheet. */
export interface SummaryChartImage { png: Uint8Array; width: number; height: number }

export interface ExportFile {
  name: string
  bytes: Uint8Array
  mime: string
}

/** Why an export wrote nothing; the clerk's words are `exportError.<code>` in src/i18n, filled with `params`. */
export type ExportFailureCode =
  | 'unsupported-format' | 'no-visible-columns' | 'no-owner-column' | 'no-tasks' | 'csv-one-sheet' | 'too-big-for-xls'
  | 'failed' | 'no-worker'

export type ExportParams = Record<string, string | number>

export interface ExportFailure { ok: false; code: ExportFailureCode; params: ExportParams }

/** Something the clerk should know about a file that was still written (cells cut): `exportWarning.<code>`. */
export interface ExportWarning { code: 'cells-cut-xls' | 'cells-cut-xlsx'; params: ExportParams }

export type ExportResult =
  | { ok: true; files: ExportFile[]; warnings?: ExportWarning[] }
  | ExportFailure

/** A written workbook's properties: its title, and the document id a returned copy is known by. */
export interface BookProperties { title?: string; keywords?: string }
