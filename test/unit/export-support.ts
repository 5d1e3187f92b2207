// Test support for the export tests: fixture documents, reading exported files back, LibreOffice conversion.
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as XLSX from '@e965/xlsx'
import {
  defaultSettings, DOCUMENT_SCHEMA_VERSION, newId,
  type DocumentAssessment, type HeaderMerge, type Role, type TaskAssessment, type TaskColumn, type TaskDocument,
  type TaskRow, type TaskState,
} from '../../src/core'
import { readWorkbook } from '../../src/io'
import { toDocument } from '../../src/io/toDocument'

export const FIXTURES = join(__dirname, '..', 'fixtures')

export const FIXTURE_FILES = ['kaihua-2023-q1.xlsx', 'linan-2023-h1.xls', 'tunxi-2020-plan.xlsx'] as const

interface ExpectedLayout {
  sheet: string
  title: string | null
  title_rows: number[]
  unit_rows: number[]
  header_rows: number[]
  columns: { header: string; role: Role | null }[]
  data_rows: number[]
  section_rows: { row: number }[]
  footer_rows: (number | { row: number })[]
  document_year: number
  default_as_of: string | null
  as_of_dates: string[]
}

export function expectedOf(file: string): ExpectedLayout {
  const name = file.replace(/\.(xlsx|xls)$/, '.expected.json')
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as ExpectedLayout
}

function textGrid(sheet: XLSX.WorkSheet): string[][] {
  return XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false, defval: '', blankrows: true })
    .map((row) => row.map((cell) => String(cell ?? '').replace(/\r\n?/g, '\n')))
}

/**
 * A TaskDocument built from a fixture with SheetJS and the fixture's labelled layout, as the
 * importer would build it. It stands in for readWorkbook + toDocument while those are being
 * written, and keeps the export tests independent of the importer's heuristics.
 */
export function documentFromFixture(file: string): TaskDocument {
  const layout = expectedOf(file)
  const book = XLSX.read(readFileSync(join(FIXTURES, file)), { cellDates: false })
  const sheet = book.Sheets[layout.sheet] ?? book.Sheets[book.SheetNames[0]!]!
  const grid = textGrid(sheet)
  const merges = sheet['!merges'] ?? []
  const width = layout.columns.length
  const columns: TaskColumn[] = layout.columns.map((c) => ({ id: newId('c'), header: c.header, role: c.role }))
  const headerRows = layout.header_rows
  const h0 = headerRows[0]!
  const h1 = headerRows[headerRows.length - 1]!
  const header = {
    rows: headerRows.map((r) => Array.from({ length: width }, (_, c) => grid[r]?.[c] ?? '')),
    merges: merges
      .filter((m) => m.s.r >= h0 && m.e.r <= h1)
      .map((m): HeaderMerge => ({ r0: m.s.r - h0, c0: m.s.c, r1: m.e.r - h0, c1: m.e.c })),
  }
  const sectionRows = new Set(layout.section_rows.map((s) => s.row))
  const footerRows = new Set(layout.footer_rows.map((f) => (typeof f === 'number' ? f : f.row)))
  const dataRows = new Set(layout.data_rows)
  const rows: TaskRow[] = []
  for (let r = h1 + 1; r < grid.length; r++) {
    const kind = sectionRows.has(r) ? 'section' : footerRows.has(r) ? 'footer' : dataRows.has(r) ? 'data' : null
    if (!kind) continue
    const cells: Record<string, string> = {}
    columns.forEach((column, c) => { cells[column.id] = grid[r]?.[c] ?? '' })
    const row: TaskRow = { id: newId('r'), kind, cells, sheetRow: r }
    // Vertical merges in the body: copy the value down, as the importer does, and remember the span.
    for (const m of merges) {
      if (m.s.r !== r || m.e.r === m.s.r || m.s.c !== m.e.c || kind !== 'data') continue
      const column = columns[m.s.c]
      if (column) row.spans = { ...row.spans, [column.id]: m.e.r - m.s.r + 1 }
    }
    rows.push(row)
  }
  for (const [i, row] of rows.entries()) {
    for (const [columnId, span] of Object.entries(row.spans ?? {})) {
      for (let k = 1; k < span; k++) {
        const below = rows[i + k]
        if (below) below.cells[columnId] = row.cells[columnId] ?? ''
      }
    }
  }
  const title = layout.title_rows.length ? (grid[layout.title_rows[0]!]?.[0] ?? null) : null
  return {
    schemaVersion: DOCUMENT_SCHEMA_VERSION,
    id: newId('d'),
    name: file,
    sourceFile: file,
    sheetName: layout.sheet,
    title,
    preamble: layout.unit_rows.map((r) => (grid[r] ?? []).filter(Boolean).join(' ')),
    header,
    columns,
    rows,
    settings: { ...defaultSettings(), asOf: layout.default_as_of, year: layout.document_year },
    suggestedAsOf: layout.default_as_of,
    createdAt: 0,
    updatedAt: 0,
  }
}

/** A small document built by hand: one header row, given columns and rows. */
export function handmadeDocument(
  columns: { header: string; role: Role | null; hidden?: boolean; width?: number }[],
  rows: { kind?: TaskRow['kind']; cells: string[]; spans?: Record<number, number> }[],
  extra: Partial<TaskDocument> = {},
): TaskDocument {
  const cols: TaskColumn[] = columns.map((c) => ({ id: newId('c'), ...c }))
  return {
    schemaVersion: DOCUMENT_SCHEMA_VERSION,
    id: newId('d'),
    name: 'handmade',
    sourceFile: null,
    sheetName: 'Sheet1',
    title: '测试县2023年度重点工作清单',
    preamble: [],
    header: { rows: [cols.map((c) => c.header)], merges: [] },
    columns: cols,
    rows: rows.map((row) => ({
      id: newId('r'),
      kind: row.kind ?? 'data',
      cells: Object.fromEntries(cols.map((c, i) => [c.id, row.cells[i] ?? ''])),
      ...(row.spans ? { spans: Object.fromEntries(Object.entries(row.spans).map(([c, n]) => [cols[Number(c)]!.id, n])) } : {}),
    })),
    settings: { ...defaultSettings(), asOf: '2023-03-31', year: 2023 },
    suggestedAsOf: null,
    createdAt: 0,
    updatedAt: 0,
    ...extra,
  }
}

/** An assessment that gives data rows the states listed, cycling; reasons name the row. */
export function handmadeAssessment(doc: TaskDocument, states: TaskState[]): DocumentAssessment {
  const byRow = new Map<string, TaskAssessment>()
  let i = 0
  for (const row of doc.rows) {
    if (row.kind !== 'data') continue
    const state = states[i++ % states.length]!
    const milestoneState = state === 'behind' ? 'pending' : state
    byRow.set(row.id, {
      state,
      milestones: [
        { index: 1, text: '3月底前完成', due: '2023-03-20', kind: 'dated', done: state === 'done', state: milestoneState,
          reason: `第${i}项:3月底前 → 2023-03-20,已过期` },
        { index: 2, text: '年底前完成', due: '2023-12-31', kind: 'dated', done: false, state: 'pending', reason: '年底前 → 2023-12-31' },
      ],
      ...(state === 'behind' ? { reasons: { zh: '完成情况写“滞后”', en: 'Status says behind' } } : {}),
    })
  }
  const counts = { overdue: 0, behind: 0, 'due-soon': 0, pending: 0, recurring: 0, undated: 0, done: 0 }
  for (const a of byRow.values()) counts[a.state]++
  return { asOf: doc.settings.asOf ?? '2023-03-31', year: 2023, byRow, counts }
}

export interface ReadBackSheet {
  name: string
  grid: string[][]
  merges: string[]
}

/** Reads a written workbook back with SheetJS: text grid and merges as A1 ranges. */
export function readBack(bytes: Uint8Array): ReadBackSheet[] {
  const book = XLSX.read(bytes, { type: 'array' })
  return book.SheetNames.map((name) => {
    const sheet = book.Sheets[name]!
    return {
      name,
      grid: textGrid(sheet),
      merges: (sheet['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m)).sort(),
    }
  })
}

/** RFC 4180 parsing; a bare LF also ends a record (LibreOffice writes LF), CRLF is checked separately. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let field = ''
  let record: string[] = []
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++ }
      else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') { record.push(field); field = '' }
    else if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
      record.push(field); records.push(record); record = []; field = ''
      if (ch === '\r') i++
    }
    else field += ch
  }
  if (field || record.length) { record.push(field); records.push(record) }
  return records
}

/** The rows an export should hold, in order: cells of visible columns, section labels. */
export function expectedBody(doc: TaskDocument): { kind: TaskRow['kind']; cells: string[] }[] {
  const visible = doc.columns.filter((c) => !c.hidden)
  return doc.rows.map((row) => ({
    kind: row.kind,
    cells: row.kind === 'data'
      ? visible.map((c) => row.cells[c.id] ?? '')
      : [row.cells[doc.columns[0]!.id] ?? ''],
  }))
}

function findSoffice(): string | null {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const path = join(dir, 'soffice')
    if (dir && existsSync(path)) return path
  }
  return null
}

export const SOFFICE = findSoffice()

/**
 * Converts `file` with LibreOffice headless into `target` (csv, pdf) and returns the
 * output's bytes. A private user profile per call lets parallel runs coexist.
 */
export async function convertWithSoffice(
  bytes: Uint8Array, fileName: string, target: string, inFilter?: string,
): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'jindu-export-'))
  const profile = mkdtempSync(join(tmpdir(), 'lo-'))
  try {
    const input = join(dir, fileName)
    writeFileSync(input, bytes)
    const outDir = join(dir, 'out')
    await new Promise<void>((resolve, reject) => {
      execFile(SOFFICE!, [
        `-env:UserInstallation=file://${profile}`, '--headless', ...(inFilter ? [`--infilter=${inFilter}`] : []),
        '--convert-to', target, '--outdir', outDir, input,
      ], { timeout: 120_000 }, (error, _stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve()))
    })
    const produced = existsSync(outDir) ? readdirSync(outDir) : []
    if (!produced.length) throw new Error(`soffice wrote nothing for ${fileName} → ${target}`)
    return new Uint8Array(readFileSync(join(outDir, produced[0]!)))
  } finally {
    rmSync(dir, { recursive: true, force: true })
    rmSync(profile, { recursive: true, force: true })
  }
}

/** The fixture through the real importer: readWorkbook, then toDocument of its first sheet. */
export async function importDocument(bytes: Uint8Array, fileName: string): Promise<TaskDocument> {
  const book = await readWorkbook(bytes, fileName)
  return toDocument(book.sheets[0]!, fileName)
}

export async function importFixture(file: string): Promise<TaskDocument> {
  return importDocument(new Uint8Array(readFileSync(join(FIXTURES, file))), file)
}
