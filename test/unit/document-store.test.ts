// The document store's commit path: what an edit, a structural change and an undo hand to the
// grid (lastChange), to storage (listeners), to the assessment and to the 责任单位 filter.
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useDocumentStore } from '../../src/stores/document'
import type { TaskColumn, TaskRow } from '../../src/core'
import { TEST_COLUMNS, testDocument } from './support/testDocuments'

/** The shared test columns, with a 完成情况 and a 责任单位 column, which these tests edit. */
const COLUMNS: TaskColumn[] = [...TEST_COLUMNS.map((c) => ({ ...c })), { id: 'status', header: '完成情况', role: 'status' }, { id: 'owner', header: '责任单位', role: 'owner' }]

/** `n` tasks r1…rn under way, each with its own unit 单位1…单位n unless `owners` names them. */
function taskRows(n: number, owners?: readonly string[]): TaskRow[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `r${i + 1}`, kind: 'data' as const,
    cells: { seq: String(i + 1), task: `推进工作${i + 1}`, sched: '', status: '序时推进', owner: owners?.[i] ?? `单位${i + 1}` },
  }))
}

const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms))

beforeEach(() => { setActivePinia(createPinia()) })

function openStore(rows = taskRows(3)) {
  const docs = useDocumentStore()
  docs.open(testDocument({ columns: COLUMNS, rows }))
  const heard: { rows: string[]; fresh: string[] }[] = []
  docs.onChange((_after, _before, changed, fresh) => heard.push({ rows: [...changed.rows], fresh: [...fresh] }))
  return { docs, heard }
}

describe('document store: commit', () => {
  it('a cell edit patches its row only: one change to the grid, one to storage, counts follow', () => {
    const { docs, heard } = openStore()
    const revision = docs.revision
    expect(docs.assessment.counts.done).toBe(0)
    docs.setCells([{ rowId: 'r2', colId: 'status', value: '已完成' }])
    expect(docs.revision).toBe(revision + 1)
    expect(docs.lastChange).toEqual({ rows: ['r2'], structure: false, assessAll: false, focus: null })
    expect(heard).toEqual([{ rows: ['r2'], fresh: [] }])
    expect(docs.assessment.byRow.get('r2')?.state).toBe('done')
    expect(docs.assessment.counts.done).toBe(1)
    expect(docs.rowIndex.get('r2')?.cells.status).toBe('已完成')
  })

  it('an edit that changes nothing commits nothing', () => {
    const { docs, heard } = openStore()
    const revision = docs.revision
    docs.setCells([{ rowId: 'r1', colId: 'status', value: '序时推进' }])
    expect(docs.revision).toBe(revision)
    expect(heard).toEqual([])
    expect(docs.canUndo).toBe(false)
  })

  it('an inserted row is structure, a fresh row for storage, and one undo step', () => {
    const { docs, heard } = openStore()
    const id = docs.insertRow('r1', 'below')
    expect(id).not.toBeNull()
    expect(docs.lastChange?.structure).toBe(true)
    expect(heard.at(-1)?.fresh).toEqual([id])
    expect(docs.doc?.rows.map((r) => r.id)).toEqual(['r1', id, 'r2', 'r3'])
    docs.undo()
    expect(docs.doc?.rows.map((r) => r.id)).toEqual(['r1', 'r2', 'r3'])
    expect(docs.lastChange?.structure).toBe(true)
  })

  it('undo and redo restore the cells and the assessment', () => {
    const { docs } = openStore()
    docs.setCells([{ rowId: 'r1', colId: 'status', value: '已完成' }])
    docs.undo()
    expect(docs.rowIndex.get('r1')?.cells.status).toBe('序时推进')
    expect(docs.assessment.counts.done).toBe(0)
    docs.redo()
    expect(docs.assessment.counts.done).toBe(1)
  })

  it('a read-only document refuses edits', () => {
    const { docs, heard } = openStore()
    docs.setReadOnly(true)
    docs.setCells([{ rowId: 'r1', colId: 'status', value: '已完成' }])
    expect(heard).toEqual([])
  })

  it('the 责任单位 choices follow the cells after an edit, an undo and a redo (issue 17 #1)', async () => {
    const { docs } = openStore(taskRows(2, ['县民政局', '县财政局']))
    await settle()
    expect(docs.owners).toEqual(['县财政局', '县民政局'].sort((a, b) => a.localeCompare(b, 'zh')))
    docs.dispatch({ kind: 'replaceAll', cells: [{ rowId: 'r1', colId: 'owner', value: '县民政局(养老服务科)' }] })
    await settle()
    expect(docs.owners).toContain('县民政局(养老服务科)')
    expect(docs.owners).not.toContain('县民政局')
    docs.undo()
    await settle()
    expect(docs.owners).toContain('县民政局')
    expect(docs.owners).not.toContain('县民政局(养老服务科)')
    docs.redo()
    await settle()
    expect(docs.owners).toContain('县民政局(养老服务科)')
  })
})

describe('document store: a large list is assessed in slices', () => {
  it('states its progress until every row is assessed, then the final counts', async () => {
    const { docs } = openStore(taskRows(5000))
    expect(docs.assessProgress).not.toBeNull()
    expect(docs.assessProgress!.total).toBe(5000)
    expect(docs.assessProgress!.done).toBeLessThan(5000)
    for (let i = 0; i < 200 && docs.assessProgress; i++) await settle(20)
    expect(docs.assessProgress).toBeNull()
    expect(docs.assessing).toBeNull()
    expect(docs.assessment.byRow.size).toBe(5000)
  })
})

describe('document store: focus after a change is decided with the change', () => {
  it('an inserted row and a moved row carry the cell to focus; a plain edit carries none', () => {
    const { docs } = openStore()
    const id = docs.insertRow('r1', 'below', 'data', 'task')
    expect(docs.lastChange?.focus).toEqual({ rowId: id, colId: 'task' })
    docs.moveRowsBy(['r3'], -1, 'status')
    expect(docs.lastChange?.focus).toEqual({ rowId: 'r3', colId: 'status' })
    docs.setCells([{ rowId: 'r1', colId: 'status', value: '已完成' }])
    expect(docs.lastChange?.focus).toBeNull()
  })
})
