// The document model: one task list as the clerk edits it, independent of any file format or store.
import { headerPeriod } from './roles'
import type { MonthBeforeReading, Role, TaskFields } from './types'

/** Bumped whenever the stored shape changes; src/storage migrates older drafts forward. */
export const DOCUMENT_SCHEMA_VERSION = 1

export interface TaskColumn {
  /** Stable id: cells are keyed by it, so adding or moving columns never shifts data. */
  id: string
  header: string
  role: Role | null
  /** Grid width in CSS pixels, when the clerk resized it. */
  width?: number
  hidden?: boolean
}

export type RowKind = 'data' | 'section' | 'footer'

export interface TaskRow {
  /** Stable id: storage writes one row by its id. */
  id: string
  kind: RowKind
  /** Column id → text, line breaks as `\n`. A section/footer row keeps its label in the first column. */
  cells: Record<string, string>
  /** The 0-based row in the source sheet, when imported. */
  sheetRow?: number
  /** Clerk overrides of rule 5: milestone index → done. */
  overrides?: Record<number, boolean>
  /** Column ids edited since import (a subtle mark in the grid). */
  edited?: string[]
  /**
   * Vertical merges starting at this row, column id → number of rows covered (≥ 2).
   * The importer copies the merged value to every covered row; export merges again
   * while the covered rows still hold the same text.
   */
  spans?: Record<string, number>
}

/** A merged range inside the header block; rows are 0-based within `header.rows`. */
export interface HeaderMerge { r0: number; c0: number; r1: number; c1: number }

export interface DocumentHeader {
  /** The raw header grid as in the sheet, one array per header row, one string per column. */
  rows: string[][]
  merges: HeaderMerge[]
}

export interface DocumentSettings {
  /** The as-of date (rules §2); null means today. */
  asOf: string | null
  /** Due-soon window in days (rules §6). */
  soonDays: number
  monthBefore: MonthBeforeReading
  /** The document's year (rules §2); null falls back to the as-of year. */
  year: number | null
}

export interface TaskDocument {
  schemaVersion: number
  id: string
  /** The draft's name shown in the draft list. */
  name: string
  sourceFile: string | null
  /** The list bundled with the app for a first look, not the clerk's own: the app says so. */
  sample?: boolean
  sheetName: string | null
  title: string | null
  /** Lines between the title and the header (填报单位:… 填报日期:…), kept for export. */
  preamble: string[]
  header: DocumentHeader
  columns: TaskColumn[]
  rows: TaskRow[]
  settings: DocumentSettings
  /** The as-of date the title suggests (rules §2), offered to the clerk. */
  suggestedAsOf: string | null
  /** The words the suggested as-of date was read from (a title, or a `填报日期:…` line), shown to the clerk. */
  suggestedAsOfFrom?: string
  createdAt: number
  updatedAt: number
}

export function defaultSettings(): DocumentSettings {
  return { asOf: null, soonDays: 14, monthBefore: 'end-of-month', year: null }
}

/**
 * True for an id that can key a plain object safely: not a name every object inherits
 * (`constructor`, `toString`, `__proto__`…), which would read as a function or set a prototype.
 */
export function isPlainKey(id: string): boolean {
  return id !== '__proto__' && !(id in Object.prototype)
}

/** A cell map with no prototype: any column id, even `constructor`, is only ever an own key. */
export function emptyCells(): Record<string, string> {
  return Object.create(null) as Record<string, string>
}

/** A row's text in one column, '' when absent; reads own keys only, so an inherited name is never a cell. */
export function cellOf(row: Pick<TaskRow, 'cells'>, columnId: string): string {
  const text = Object.prototype.hasOwnProperty.call(row.cells, columnId) ? row.cells[columnId] : undefined
  return typeof text === 'string' ? text : ''
}

let idCounter = 0
/** Ids unique within this page and across pages (time + random + counter), without crypto. */
export function newId(prefix: string): string {
  idCounter = (idCounter + 1) % 1_000_000
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}${idCounter.toString(36)}`
}

/**
 * The texts of one row that the milestone engine reads, by role. Several task columns
 * (工作任务 / 年度目标 / 主要任务) are joined with line breaks, since a time named in any
 * of them counts as the time named in the task text. Schedule columns named by a period
 * (`一季度 | 二季度 | …`, `上半年`, `3月`) are one milestone each, due with its period:
 * joined with `；`, each cell followed by its period (`完成选址（一季度）`), so a date the cell
 * names itself is read first. For the other roles (and plain schedule columns) the first
 * non-empty column of that role speaks.
 */
export function taskFieldsOf(columns: readonly TaskColumn[], row: TaskRow): TaskFields {
  const fields: TaskFields = {}
  const tasks: string[] = []
  let steps: string[] | null = null
  let latest: string | undefined
  for (const column of columns) {
    const text = cellOf(row, column.id)
    if (!text.trim()) continue
    switch (column.role) {
      case 'task': tasks.push(text); break
      case 'schedule': {
        const period = periodOf(column.header)
        if (period === null) fields.schedule ??= text
        else (steps ??= []).push(`${text.trim()}（${period}）`)
        break
      }
      case 'deadline': fields.deadline ??= text; break
      case 'progress':
        // Progress columns per period (`一季度进展 | 二季度进展 | 三季度进展`): the latest filled
        // one is the work as it stands; an earlier period's `完成设计` says nothing of today.
        if (isPeriodProgress(column.header)) latest = text
        else fields.progress ??= text
        break
      case 'status': fields.status ??= text; break
      default: break
    }
  }
  if (tasks.length) fields.task = tasks.join('\n')
  // A plain progress column, when the list has one, is the progress; else the latest period's.
  if (fields.progress === undefined && latest !== undefined) fields.progress = latest
  // After a plain schedule column's milestones, if the list has one too.
  if (steps) fields.schedule = fields.schedule === undefined ? steps.join('；') : `${fields.schedule.trim()}；${steps.join('；')}`
  return fields
}

/** A progress header that names a period or a report date (`二季度进展`, `1-6月完成情况`, `截至9月底`). */
const PERIOD_WORDS = /[一二三四1-4]季度|\d{1,2}月|[上下]半年|截至|截止/
const PERIOD_PROGRESS = new Map<string, boolean>()
function isPeriodProgress(header: string): boolean {
  let period = PERIOD_PROGRESS.get(header)
  if (period === undefined) {
    period = PERIOD_WORDS.test(header)
    if (PERIOD_PROGRESS.size > 1000) PERIOD_PROGRESS.clear()
    PERIOD_PROGRESS.set(header, period)
  }
  return period
}

/** headerPeriod per header text, read once: every row of a list asks for the same few headers. */
const PERIODS = new Map<string, string | null>()
function periodOf(header: string): string | null {
  let period = PERIODS.get(header)
  if (period === undefined) {
    period = headerPeriod(header)
    if (PERIODS.size > 1000) PERIODS.clear()
    PERIODS.set(header, period)
  }
  return period
}
