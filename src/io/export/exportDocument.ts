// The export's entry point: one TaskDocument and the clerk's choices in, named files out, errors as a result.
import { zipSync } from 'fflate'
import type { Workbook } from 'exceljs'
import { DOCUMENT_ID_PREFIX, effectiveAsOf, type DocumentAssessment, type TaskDocument, type TaskRow } from '../../core'
import { XLSX_MAX_CELL_CHARS } from './cellText'
import { exportBaseName, exportDownloadName, sanitizeFileName } from './fileName'
import { groupByOwner, hasOwnerColumn, uniqueSheetNames } from './splitByOwner'
import { buildTablePlan, type TablePlan } from './tablePlan'
import type { BookProperties, ExportFailure, ExportWarning, ExportFailureCode, ExportFile, ExportFormat, ExportOptions, ExportParams, ExportResult } from './types'
import { writeCsv } from './writeCsv'
import { writeSheetJs, XLS_MAX_CELL_CHARS, XLS_MAX_COLUMNS, XLS_MAX_ROWS } from './writeSheetJs'
import { writeXlsx } from './writeXlsx'
import { addSummarySheet } from './summarySheet'

export const EXPORT_MIME: Record<ExportFormat | 'zip', string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  csv: 'text/csv;charset=utf-8',
  zip: 'application/zip',
}

const UNASSIGNED = { zh: '未填责任单位', en: 'No unit' }

/** A refusal as a code and its figures: the words are the page's (src/i18n/exportMessages.ts). */
export function exportFailure(code: ExportFailureCode, params: ExportParams = {}): ExportFailure {
  return { ok: false, code, params }
}

/** Collects what the clerk should be told about files that were written anyway. */
interface WriteNotes { clippedCells: number }

/**
 * Cells cut to `limit` characters (a format's cell limit), ending in `…` so the cut shows; each
 * cut counted in `notes`. Plans and rows without a long cell are passed on as they are.
 */
function clipCells(plans: TablePlan[], limit: number, notes: WriteNotes): TablePlan[] {
  return plans.map((plan) => {
    let rows: TablePlan['rows'] | null = null
    for (let r = 0; r < plan.rows.length; r++) {
      const row = plan.rows[r]!
      if (!row.cells.some((text) => text.length > limit)) continue
      rows ??= plan.rows.slice()
      rows[r] = {
        ...row,
        cells: row.cells.map((text) => {
          if (text.length <= limit) return text
          notes.clippedCells++
          return `${text.slice(0, limit - 1)}…`
        }),
      }
    }
    return rows ? { ...plan, rows } : plan
  })
}

/** What the 汇总 sheet counts: the whole document on the as-of date, whichever rows the table sheets keep. */
interface SummarySource { doc: TaskDocument; assessment?: DocumentAssessment }

/** The workbook's title and, when rows carry their ids, the document's id (see DOCUMENT_ID_PREFIX). */
function bookProperties(doc: TaskDocument, options: ExportOptions): BookProperties {
  return { title: doc.title ?? doc.name, keywords: options.addRowIds ? `${DOCUMENT_ID_PREFIX}${doc.id}` : undefined }
}

async function writeBook(plans: TablePlan[], options: ExportOptions, notes: WriteNotes, summary?: SummarySource, properties?: BookProperties): Promise<Uint8Array> {
  switch (options.format) {
    case 'xlsx': {
      const images = options.summarySheet?.images
      const first = summary && images
        ? (workbook: Workbook) => addSummarySheet(workbook, summary.doc, summary.assessment, options.locale ?? 'zh', images, plans.map((p) => p.sheetName))
        : undefined
      return writeXlsx(clipCells(plans, XLSX_MAX_CELL_CHARS, notes), options.highlightStates ?? false, first, properties)
    }
    case 'csv': return writeCsv(plans[0]!)
    case 'xls': return writeSheetJs(clipCells(plans, XLS_MAX_CELL_CHARS, notes), 'biff8', properties)
    case 'ods': return writeSheetJs(plans, 'ods', properties)
  }
}

function tooBigForXls(plans: TablePlan[]): ExportResult | null {
  const rows = Math.max(...plans.map((p) => p.rows.length))
  const columns = Math.max(...plans.map((p) => p.columns.length))
  if (rows <= XLS_MAX_ROWS && columns <= XLS_MAX_COLUMNS) return null
  return exportFailure('too-big-for-xls', { maxRows: XLS_MAX_ROWS, maxColumns: XLS_MAX_COLUMNS })
}

function done(files: ExportFile[], notes: WriteNotes, format: ExportFormat): ExportResult {
  if (!notes.clippedCells) return { ok: true, files }
  const count = notes.clippedCells
  // Each format that limits a cell points to one that keeps it whole.
  const warning: ExportWarning = format === 'xls'
    ? { code: 'cells-cut-xls', params: { count, limit: XLS_MAX_CELL_CHARS } }
    : { code: 'cells-cut-xlsx', params: { count, limit: XLSX_MAX_CELL_CHARS } }
  return { ok: true, files, warnings: [warning] }
}

/**
 * Writes the document as the clerk chose. Never throws: a writer's failure comes back
 * as `{ ok: false, code, params }`, which the page words, so the UI can show it as state.
 */
export async function exportDocument(
  doc: TaskDocument, options: ExportOptions, assessment?: DocumentAssessment,
): Promise<ExportResult> {
  try {
    return await exportUnchecked(doc, options, assessment)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    return exportFailure('failed', { detail })
  }
}

async function exportUnchecked(
  doc: TaskDocument, options: ExportOptions, assessment?: DocumentAssessment,
): Promise<ExportResult> {
  const formats: ExportFormat[] = ['xlsx', 'xls', 'csv', 'ods']
  if (!formats.includes(options.format)) {
    return exportFailure('unsupported-format', { format: String(options.format) })
  }
  if (!doc.columns.some((c) => !c.hidden)) {
    return exportFailure('no-visible-columns')
  }
  const asOf = options.asOf ?? assessment?.asOf ?? effectiveAsOf(doc)
  const base = exportBaseName(doc, asOf)
  const ext = options.format
  const only = options.onlyRowIds
  const pass = only ? (row: TaskRow) => only.has(row.id) : null
  const split = options.split ?? 'none'

  const notes: WriteNotes = { clippedCells: 0 }

  if (split === 'none') {
    const plan = buildTablePlan({ doc, options, assessment, keep: pass, sheetName: uniqueSheetNames([doc.sheetName ?? 'Sheet1'])[0]! })
    if (ext === 'xls') { const tooBig = tooBigForXls([plan]); if (tooBig) return tooBig }
    return done([{ name: exportDownloadName(doc, asOf, ext, split), bytes: await writeBook([plan], options, notes, { doc, assessment }, bookProperties(doc, options)), mime: EXPORT_MIME[ext] }], notes, ext)
  }

  if (!hasOwnerColumn(doc)) {
    return exportFailure('no-owner-column')
  }
  const locale = options.locale ?? 'zh'
  const groups = groupByOwner(doc, pass ?? (() => true), UNASSIGNED[locale], options.splitUnits ?? 'lead')
  if (!groups.length) return exportFailure('no-tasks')

  if (split === 'owner-sheets') {
    if (options.format === 'csv') {
      return exportFailure('csv-one-sheet')
    }
    const names = uniqueSheetNames(groups.map((g) => g.owner))
    const plans = groups.map((g, i) => buildTablePlan({ doc, options, assessment, keep: g.keep, sheetName: names[i]! }))
    if (ext === 'xls') { const tooBig = tooBigForXls(plans); if (tooBig) return tooBig }
    return done([{ name: exportDownloadName(doc, asOf, ext, split), bytes: await writeBook(plans, options, notes, { doc, assessment }, bookProperties(doc, options)), mime: EXPORT_MIME[ext] }], notes, ext)
  }

  // owner-files: one file per unit, zipped so the browser downloads one thing.
  const entries: Record<string, Uint8Array> = {}
  const usedNames = new Set<string>()
  const sheetNames = uniqueSheetNames(groups.map((g) => g.owner))
  for (const [i, group] of groups.entries()) {
    const plan = buildTablePlan({ doc, options, assessment, keep: group.keep, sheetName: sheetNames[i]! })
    let name = `${base}_${sanitizeFileName(group.owner) || 'unit'}`
    for (let n = 2; usedNames.has(name.toLowerCase()); n++) name = `${base}_${sanitizeFileName(group.owner)}(${n})`
    usedNames.add(name.toLowerCase())
    if (ext === 'xls') { const tooBig = tooBigForXls([plan]); if (tooBig) return tooBig }
    const bytes = await writeBook([plan], options, notes, undefined, bookProperties(doc, options))
    entries[`${name}.${ext}`] = bytes
  }
  // .xlsx and .ods are zips already: storing them avoids compressing twice; CSV and BIFF compress well.
  const zip = zipSync(entries, { level: ext === 'xlsx' || ext === 'ods' ? 0 : 6 })
  return done([{ name: exportDownloadName(doc, asOf, ext, split), bytes: zip, mime: EXPORT_MIME.zip }], notes, ext)
}
