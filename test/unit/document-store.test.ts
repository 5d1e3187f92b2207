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

describe('document store: row actions, paste and copy take what the grid shows as arguments', () => {
  const none = { selectedRowIds: [], focused: null, firstColumnId: 'task' }

  it('a row action applies to the selected rows in document order, else the focused row; a new row is focused where the clerk types', () => {
    const { docs } = openStore(taskRows(4))
    docs.rowAction('duplicate', { ...none, selectedRowIds: ['r3', 'r1'] })
    expect(docs.doc?.rows.map((r) => r.cells.task)).toEqual(['推进工作1', '推进工作1', '推进工作2', '推进工作3', '推进工作3', '推进工作4'])
    docs.undo()
    docs.rowAction('delete', { ...none, focused: { rowId: 'r2', colId: 'status' } })
    expect(docs.doc?.rows.map((r) => r.id)).toEqual(['r1', 'r3', 'r4'])
    docs.rowAction('insert-below', { ...none, focused: { rowId: 'r3', colId: 'status' } })
    const inserted = docs.doc!.rows[2]!.id
    expect(docs.doc?.rows.map((r) => r.id)).toEqual(['r1', 'r3', inserted, 'r4'])
    expect(docs.lastChange?.focus).toEqual({ rowId: inserted, colId: 'status' })
    // No focused cell: below the last row, in the first column on screen.
    docs.rowAction('insert-below', none)
    expect(docs.lastChange?.focus).toEqual({ rowId: docs.doc!.rows.at(-1)!.id, colId: 'task' })
  })

  it('a row inserted while a filter is on clears the filters first, and says so', async () => {
    const { docs } = openStore()
    const { useUiStore } = await import('../../src/stores/ui')
    const ui = useUiStore()
    ui.quickFilter = '推进'
    docs.rowAction('insert-above', { ...none, focused: { rowId: 'r1', colId: 'task' } })
    expect(ui.quickFilter).toBe('')
    expect(ui.notices.at(-1)?.kind).toBe('info')
  })

  it('a paste goes down the rows the grid shows from the focused cell, across the columns on screen, as one undo step', () => {
    const { docs } = openStore(taskRows(4))
    // Shown sorted r4, r2, r3, r1: the block lands on r2 and r3, not on r2's neighbour in the document.
    docs.pasteCells('', '甲\t乙\n丙\t丁', { at: { rowId: 'r2', colId: 'task' }, colIds: ['seq', 'task', 'status', 'owner'], rowIds: ['r2', 'r3', 'r1'] })
    expect(docs.rowIndex.get('r2')?.cells).toMatchObject({ task: '甲', status: '乙' })
    expect(docs.rowIndex.get('r3')?.cells).toMatchObject({ task: '丙', status: '丁' })
    expect(docs.rowIndex.get('r1')?.cells.task).toBe('推进工作1')
    docs.undo()
    expect(docs.rowIndex.get('r2')?.cells.task).toBe('推进工作2')
    expect(docs.rowIndex.get('r3')?.cells.task).toBe('推进工作3')
  })

  it('a paste past the last row shown adds rows; one at a column not on screen does nothing', () => {
    const { docs } = openStore(taskRows(2))
    docs.pasteCells('', 'a\nb\nc', { at: { rowId: 'r2', colId: 'task' }, colIds: ['task'], rowIds: ['r2'] })
    expect(docs.doc?.rows).toHaveLength(4)
    expect(docs.doc?.rows.slice(1).map((r) => r.cells.task)).toEqual(['a', 'b', 'c'])
    const revision = docs.revision
    docs.pasteCells('', 'x', { at: { rowId: 'r1', colId: 'sched' }, colIds: ['task'], rowIds: ['r1'] })
    expect(docs.revision).toBe(revision)
  })

  it('copy takes the Shift block, else the selected rows with headers, else the focused cell', () => {
    const { docs } = openStore()
    const source = { block: null, selectedRowIds: [], colIds: ['task', 'owner'], focused: { rowId: 'r2', colId: 'owner' } }
    expect(docs.copyBlock(source)?.tsv.trimEnd()).toBe('单位2')
    expect(docs.copyBlock({ ...source, selectedRowIds: ['r3', 'r1'] })?.tsv.split(/\r?\n/).filter(Boolean)).toEqual(['推进工作3\t单位3', '推进工作1\t单位1'])
    expect(docs.copyBlock({ ...source, selectedRowIds: ['r1'] })?.html).toContain('工作事项')
    const block = docs.copyBlock({ ...source, block: { rowIds: ['r1', 'r2'], colIds: ['owner'] } })
    expect(block?.tsv.split(/\r?\n/).filter(Boolean)).toEqual(['单位1', '单位2'])
    expect(docs.copyBlock({ ...source, focused: null })).toBeNull()
  })
})
