// The grid's store sync with a fake grid: what an edit, a structural change and a change with a
// focus target ask of the grid. (The editor rescue is the draft session's: edit-rescue.test.ts.)
import { computed, nextTick, ref, shallowRef } from 'vue'
import { describe, expect, it, vi } from 'vitest'
import type { GridApi } from 'ag-grid-community'
import type { TaskDocument, TaskRow } from '../../src/core'
import type { GridChange } from '../../src/stores/document'
import { useGridSync } from '../../src/components/grid/gridSync'
import { createRowHeights } from '../../src/components/grid/rowHeights'
import { testDocument } from './support/testDocuments'

function fakeGrid(doc: TaskDocument) {
  const calls: string[] = []
  let rows = doc.rows
  const node = (row: TaskRow, i: number) => ({
    data: row, rowIndex: i, rowHeight: 34,
    updateData(r: TaskRow) { calls.push(`update ${r.id}`) },
    setRowHeight(h: number) { this.rowHeight = h; calls.push(`height ${row.id}`) },
  })
  const grid = {
    calls,
    isDestroyed: () => false,
    updateGridOptions: () => { calls.push('start') },
    setGridOption: (name: string, value: unknown) => { calls.push(`set ${name}`); if (name === 'rowData') rows = value as TaskRow[] },
    redrawRows: () => { calls.push('redraw') },
    refreshCells: () => { calls.push('refresh') },
    resetRowHeights: () => { calls.push('reset heights') },
    onRowHeightChanged: () => { calls.push('relayout') },
    onFilterChanged: () => { calls.push('filter') },
    getColumn: () => null,
    getRowNode: (id: string) => { const i = rows.findIndex((r) => r.id === id); return i < 0 ? undefined : node(rows[i]!, i) },
    ensureIndexVisible: () => {},
    ensureColumnVisible: () => {},
    setFocusedCell: (rowIndex: number, colId: string) => { calls.push(`focus ${rowIndex} ${colId}`) },
  }
  return grid
}

function setUp() {
  const doc = shallowRef<TaskDocument>(testDocument())
  const saving = ref(false)
  const revision = ref(0)
  const change = shallowRef<GridChange | null>(null)
  const grid = fakeGrid(doc.value)
  const api = shallowRef(grid as unknown as GridApi<TaskRow>)
  // New columns with every other document, as the grid's column definitions follow the document's.
  const docId = computed(() => doc.value.id)
  const defs = computed(() => [{ colId: `seq-${docId.value}` }])
  const sync = useGridSync({
    api, columnDefs: defs, revision: () => revision.value, lastChange: () => change.value, doc: () => doc.value,
    rowIndex: () => new Map(doc.value.rows.map((r) => [r.id, r])), saving: () => saving.value, current: () => true,
    externalFilter: () => false, heights: createRowHeights(() => doc.value.columns), fillWidth: () => { grid.calls.push('fill width') },
  })
  sync.started(api.value!)
  grid.calls.length = 0
  const commit = async (next: TaskDocument, c: GridChange) => { doc.value = next; change.value = c; revision.value++; await nextTick() }
  /** A cell edit of `rowId`, as the document store commits it, its save handed to storage (`saving`). */
  const edit = async (rowId: string, text: string) => {
    saving.value = true
    const rows = doc.value.rows.map((r) => (r.id === rowId ? { ...r, cells: { ...r.cells, task: text } } : r))
    await commit({ ...doc.value, rows }, { rows: [rowId], structure: false, assessAll: false })
  }
  return { doc, grid, commit, saving, sync, edit }
}

describe('grid sync', () => {
  it('a cell edit updates its row’s node only, and its state cell; no reload, no redraw', async () => {
    const { doc, grid, commit } = setUp()
    const rows = doc.value.rows.map((r) => (r.id === 'r2' ? { ...r, cells: { ...r.cells, task: '新的任务' } } : r))
    await commit({ ...doc.value, rows }, { rows: ['r2'], structure: false, assessAll: false })
    expect(grid.calls).toEqual(['update r2', 'refresh'])
  })

  it('a structural change reloads the rows and focuses the cell the change names', async () => {
    const { doc, grid, commit } = setUp()
    const rows = [doc.value.rows[0]!, { id: 'new', kind: 'data' as const, cells: {} }, ...doc.value.rows.slice(1)]
    await commit({ ...doc.value, rows }, { rows: ['new'], structure: true, assessAll: false, focus: { rowId: 'new', colId: 'task' } })
    expect(grid.calls).toEqual(['set rowData', 'redraw', 'focus 1 task'])
  })

  it('another document comes with its columns before its rows, the old rows gone first, the free width shared again', async () => {
    const { grid, commit } = setUp()
    vi.stubGlobal('requestAnimationFrame', () => 0)
    const other = testDocument({ id: 'draft2', rowCount: 5 })
    await commit(other, null as unknown as GridChange)
    expect(grid.calls).toEqual(['set rowData', 'set columnDefs', 'fill width', 'set rowData'])
    vi.unstubAllGlobals()
  })

  it('a cell edit being saved is drawn once the save is written: the save does not wait for the redraw', async () => {
    const { grid, saving, edit } = setUp()
    await edit('r2', '先保存')
    expect(grid.calls).toEqual([])
    saving.value = false
    await nextTick()
    expect(grid.calls).toEqual(['update r2', 'refresh'])
  })

  it('edits made while a save is on its way are drawn together, each row once', async () => {
    const { grid, saving, edit } = setUp()
    await edit('r2', '甲')
    await edit('r3', '乙')
    await edit('r2', '丙')
    saving.value = false
    await nextTick()
    expect(grid.calls).toEqual(['update r2', 'update r3', 'refresh'])
  })

  it('a slow save holds the redraw two frames at the most', async () => {
    vi.useFakeTimers()
    const { grid, edit } = setUp()
    await edit('r2', '慢盘')
    vi.advanceTimersByTime(31)
    expect(grid.calls).toEqual([])
    vi.advanceTimersByTime(1)
    expect(grid.calls).toEqual(['update r2', 'refresh'])
    vi.useRealTimers()
  })

  it('a key or a press in the grid draws the edits first, so no editor opens on the text before them', async () => {
    const { grid, sync, edit } = setUp()
    await edit('r2', '马上再编辑')
    sync.drawPending()
    expect(grid.calls).toEqual(['update r2', 'refresh'])
    sync.drawPending()
    expect(grid.calls).toHaveLength(2)
  })

  it('a structural change while an edit waits reloads the rows, the edit with them', async () => {
    const { doc, grid, saving, commit, edit } = setUp()
    await edit('r2', '插行之前')
    const rows = [doc.value.rows[0]!, { id: 'new', kind: 'data' as const, cells: {} }, ...doc.value.rows.slice(1)]
    await commit({ ...doc.value, rows }, { rows: ['new'], structure: true, assessAll: false })
    saving.value = false
    await nextTick()
    expect(grid.calls).toEqual(['set rowData', 'redraw'])
  })

  it('without a save to wait for (no storage, a read-only tab), an edit is drawn at once', async () => {
    const { grid, commit, doc } = setUp()
    const rows = doc.value.rows.map((r) => (r.id === 'r1' ? { ...r, cells: { ...r.cells, task: '只在内存' } } : r))
    await commit({ ...doc.value, rows }, { rows: ['r1'], structure: false, assessAll: false })
    expect(grid.calls).toEqual(['update r1', 'refresh'])
  })
})
