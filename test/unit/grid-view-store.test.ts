// The grid view store: what the grid reports (focus, selection, columns) becomes a row action's
// target; the rows the filters let through are derived from the document, not asked of the grid.
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useDocumentStore } from '../../src/stores/document'
import { useGridViewStore } from '../../src/stores/gridView'
import { useUiStore } from '../../src/stores/ui'
import { useLocaleStore } from '../../src/stores/locale'
import type { TaskColumn, TaskRow } from '../../src/core'
import { TEST_COLUMNS, testDocument } from './support/testDocuments'

const COLUMNS: TaskColumn[] = [...TEST_COLUMNS.map((c) => ({ ...c })), { id: 'status', header: '完成情况', role: 'status' }, { id: 'owner', header: '责任单位', role: 'owner' }]
const rows: TaskRow[] = [
  { id: 's1', kind: 'section', cells: { seq: '一、民生' } },
  { id: 'r1', kind: 'data', cells: { seq: '1', task: '道路修缮', status: '已完成', owner: '县交通局' } },
  { id: 'r2', kind: 'data', cells: { seq: '2', task: '养老服务', status: '序时推进', owner: '县民政局' } },
  { id: 'r3', kind: 'data', cells: { seq: '3', task: '道路绿化', status: '序时推进', owner: '县民政局、县林业局' } },
]

beforeEach(() => { setActivePinia(createPinia()) })

describe('grid view store', () => {
  it('a row action’s target is what the grid reported last', () => {
    const view = useGridViewStore()
    expect(view.rowTarget()).toEqual({ selectedRowIds: [], focused: null, firstColumnId: null })
    view.focused = { rowId: 'r2', colId: 'task' }
    view.selectedRowIds = ['r3']
    view.columnIds = ['seq', 'task']
    expect(view.rowTarget()).toEqual({ selectedRowIds: ['r3'], focused: { rowId: 'r2', colId: 'task' }, firstColumnId: 'seq' })
    view.reset()
    expect(view.rowTarget().focused).toBeNull()
  })

  it('clearing the sort is a request the grid carries out', () => {
    const view = useGridViewStore()
    const before = view.clearSortRequest
    view.clearSort()
    expect(view.clearSortRequest).toBe(before + 1)
  })

  it('the rows the filters let through: every row with none; tasks only under a filter; the quick filter as the grid reads it', () => {
    const docs = useDocumentStore()
    const ui = useUiStore()
    const view = useGridViewStore()
    docs.open(testDocument({ columns: COLUMNS, rows }))
    expect([...view.shownRowIds()]).toEqual(['s1', 'r1', 'r2', 'r3'])
    ui.ownerFilter = '县民政局'
    expect([...view.shownRowIds()]).toEqual(['r2', 'r3'])
    ui.quickFilter = '道路'
    expect([...view.shownRowIds()]).toEqual(['r3'])
    ui.clearFilters()
    ui.quickFilter = '道路 修缮'
    expect([...view.shownRowIds()]).toEqual(['r1'])
    // The state column's label counts as text, as in the grid.
    expect(docs.assessment.byRow.get('r1')?.state).toBe('done')
    ui.quickFilter = `养老 ${useLocaleStore().t('state.done')}`
    expect([...view.shownRowIds()]).toEqual([])
    ui.quickFilter = useLocaleStore().t('state.done')
    expect([...view.shownRowIds()]).toEqual(['r1'])
  })
})
