// One factory for test documents: a small, valid task list with overridable parts, so tests state only what they vary.
import { DOCUMENT_SCHEMA_VERSION, defaultSettings, type TaskColumn, type TaskDocument, type TaskRow } from '../../../src/core'

export const TEST_COLUMNS: readonly TaskColumn[] = [
  { id: 'seq', header: '序号', role: 'seq' },
  { id: 'task', header: '工作事项', role: 'task' },
  { id: 'sched', header: '进度安排', role: 'schedule' },
]

/** Row `n` (1-based) of a test list: id `r<n>`, a numbered task with a schedule. */
export function testRow(n: number, cells: Record<string, string> = {}): TaskRow {
  return { id: `r${n}`, kind: 'data', cells: { seq: String(n), task: `任务${n}`, sched: '3月底前完成', ...cells } }
}

export interface TestDocumentOptions extends Partial<Omit<TaskDocument, 'rows'>> {
  /** How many rows `testRow(1..n)` to make (default 3); ignored when `rows` is given. */
  rowCount?: number
  rows?: TaskRow[]
}

/** A valid document in the current schema; every part can be overridden. */
export function testDocument(options: TestDocumentOptions = {}): TaskDocument {
  const { rowCount = 3, rows, ...rest } = options
  const columns = rest.columns ?? TEST_COLUMNS.map((c) => ({ ...c }))
  return {
    schemaVersion: DOCUMENT_SCHEMA_VERSION,
    id: 'draft1',
    name: '开化县重点工作',
    sourceFile: 'kaihua.xlsx',
    sheetName: 'Sheet1',
    title: '开化县2023年一季度重点工作清单',
    preamble: [],
    header: { rows: [columns.map((c) => c.header)], merges: [] },
    settings: { ...defaultSettings(), year: 2023 },
    suggestedAsOf: '2023-03-31',
    createdAt: 1000,
    updatedAt: 2000,
    ...rest,
    columns,
    rows: rows ?? Array.from({ length: rowCount }, (_, i) => testRow(i + 1)),
  }
}
