// The grid's modules without AG Grid or a page: column definitions, keys, the IME box's keys,
// committing an open editor, row heights and the free width, each through plain objects.
import { describe, expect, it, vi } from 'vitest'
import type { TaskColumn, TaskRow } from '../../src/core'
import { STATE_COL, buildColumnDefs, leftToEditorOrApp, stateRank, tabToNextCell, type ColumnSource } from '../../src/components/grid/gridColumns'
import { imeKeyAction, startsImeEdit } from '../../src/components/grid/imeBox'
import { commitOnPageLeave, createEditorRegistry } from '../../src/components/grid/editorCommit'
import { createRowHeights } from '../../src/components/grid/rowHeights'
import { focusedCellOf, rowsShownFromFocus, type ShownRows } from '../../src/components/grid/gridClipboard'
import { fillFreeWidth, type WidthGrid } from '../../src/components/grid/columnWidths'
import { anyRowFilter, passesQuickFilter, passesRowFilters, quickFilterParts } from '../../src/stores/rowFilter'
import { TEST_COLUMNS } from './support/testDocuments'

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'isComposing', boolean>> = {}, keyCode = 0) =>
  ({ key: k, keyCode, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, isComposing: false, ...mods })

const COLUMNS: TaskColumn[] = [...TEST_COLUMNS.map((c) => ({ ...c })), { id: 'prog', header: '进展情况', role: 'progress' }, { id: 'status', header: '完成情况', role: 'status' }]

function source(over: Partial<ColumnSource> = {}): ColumnSource {
  return {
    columns: COLUMNS, pinTask: false, readOnly: () => false, stateHeader: '状态', roleLabel: (r) => r, stateLabel: (s) => s,
    stateOf: () => 'done', isMatch: () => false, isCurrentMatch: () => false, inRange: () => false, editor: 'Editor', ...over,
  }
}

describe('grid columns', () => {
  it('the state column first, then each column at its own width, long texts edited in a popup', () => {
    const defs = buildColumnDefs(source())
    expect(defs.map((d) => d.colId)).toEqual([STATE_COL, 'seq', 'task', 'sched', 'prog', 'status'])
    expect(defs.map((d) => d.width)).toEqual([200, 64, 320, 320, 320, 120])
    expect(defs.find((d) => d.colId === 'task')?.cellEditorPopup).toBe(true)
    expect(defs.find((d) => d.colId === 'status')?.cellEditorPopup).toBe(false)
    expect(defs.find((d) => d.colId === 'task')?.pinned).toBeNull()
    expect(buildColumnDefs(source({ pinTask: true })).find((d) => d.colId === 'task')?.pinned).toBe('left')
  })

  it('a section row spans every column from the first; a data row does not', () => {
    const first = buildColumnDefs(source()).find((d) => d.colId === 'seq')!
    const span = first.colSpan as (p: { data: TaskRow }) => number
    expect(span({ data: { id: 's1', kind: 'section', cells: {} } })).toBe(COLUMNS.length)
    expect(span({ data: { id: 'r1', kind: 'data', cells: {} } })).toBe(1)
  })

  it('sorts states worst first, an unknown state last', () => {
    expect(stateRank('overdue')).toBeLessThan(stateRank('done'))
    expect(stateRank('')).toBeGreaterThan(stateRank('done'))
  })

  it('leaves Enter, Shift+Enter and Tab to the editor, and the app’s row keys to the app', () => {
    expect(leftToEditorOrApp(key('Enter', { shiftKey: true }), true)).toBe(true)
    expect(leftToEditorOrApp(key('Enter', { ctrlKey: true }), true)).toBe(false)
    expect(leftToEditorOrApp(key('Tab'), true)).toBe(true)
    expect(leftToEditorOrApp(key('Enter', { ctrlKey: true, shiftKey: true }), false)).toBe(true)
    expect(leftToEditorOrApp(key('ArrowUp', { altKey: true }), false)).toBe(true)
    expect(leftToEditorOrApp(key('ArrowUp'), false)).toBe(false)
  })

  it('Tab stays in the row, and leaves the grid at its end', () => {
    const at = (rowIndex: number) => ({ rowIndex, rowPinned: null, column: {} as never })
    expect(tabToNextCell({ previousCellPosition: at(1), nextCellPosition: at(1) })).toEqual(at(1))
    expect(tabToNextCell({ previousCellPosition: at(1), nextCellPosition: at(2) })).toBe(false)
    expect(tabToNextCell({ previousCellPosition: at(1), nextCellPosition: null })).toBe(false)
  })
})

describe('the IME box', () => {
  it('opens for an input method’s key, never for a shortcut reported as one', () => {
    expect(startsImeEdit(key('Process'))).toBe(true)
    expect(startsImeEdit(key('a', {}, 229))).toBe(true)
    expect(startsImeEdit(key('Process', { ctrlKey: true }))).toBe(false)
    expect(startsImeEdit(key('a'))).toBe(false)
  })

  it('Ctrl+Z and Ctrl+Y in an empty box are the table’s undo and redo; with text typed, the box’s own', () => {
    expect(imeKeyAction(key('z', { ctrlKey: true }), '')).toBe('table-undo')
    expect(imeKeyAction(key('Z', { ctrlKey: true, shiftKey: true }), '')).toBe('table-redo')
    expect(imeKeyAction(key('y', { metaKey: true }), '')).toBe('table-redo')
    expect(imeKeyAction(key('z', { ctrlKey: true }), '进度')).toBe('none')
  })

  it('leaves the input method its keys; Esc cancels, Alt+Enter a new line, Ctrl+Enter and Tab commit', () => {
    expect(imeKeyAction(key('Enter', { isComposing: true }), 'jin')).toBe('ime')
    expect(imeKeyAction(key('Escape'), '进')).toBe('cancel')
    expect(imeKeyAction(key('Enter', { altKey: true }), '进')).toBe('newline')
    expect(imeKeyAction(key('Enter', { ctrlKey: true }), '进')).toBe('commit')
    expect(imeKeyAction(key('Tab', { shiftKey: true }), '进')).toBe('commit-tab')
    expect(imeKeyAction(key('a'), '进')).toBe('none')
  })
})

describe('committing an open editor when the page hides', () => {
  it('reads the open editors’ text as edits at once, once: closing them afterwards commits nothing again', () => {
    const registry = createEditorRegistry()
    let typed = '已完成'
    registry.add({ rowId: 'r1', colId: 'status', original: '序时推进', value: () => typed })
    const unchanged = registry.add({ rowId: 'r2', colId: 'status', original: '序时推进', value: () => '序时推进' })
    expect(registry.size).toBe(2)
    expect(registry.take()).toEqual([{ rowId: 'r1', colId: 'status', value: '已完成' }])
    typed = '又改了'
    expect(registry.take()).toEqual([])
    unchanged()
    expect(registry.size).toBe(0)
  })

  it('says at once when an editor opens or closes (the app’s keys wait for an open one)', () => {
    const registry = createEditorRegistry()
    const sizes: number[] = []
    registry.onChange(() => sizes.push(registry.size))
    const close = registry.add({ rowId: 'r1', colId: 'status', original: '', value: () => 'x' })
    close()
    registry.add({ rowId: 'r2', colId: 'status', original: '', value: () => 'y' })
    registry.take()
    expect(sizes).toEqual([1, 0, 1, 0])
  })

  it('an editor that closed by itself is forgotten', () => {
    const registry = createEditorRegistry()
    const closed = registry.add({ rowId: 'r1', colId: 'status', original: '', value: () => 'x' })
    closed()
    expect(registry.take()).toEqual([])
  })

  // (That it runs ahead of the app's listeners is the browser's capture order at the window: the e2e reload test.)
  it('commits on beforeunload, pagehide and a hidden page, and unbinds', () => {
    const win = new EventTarget()
    const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState })
    const commit = vi.fn()
    const unbind = commitOnPageLeave(win as unknown as Window, doc as unknown as Document, commit)
    win.dispatchEvent(new Event('beforeunload'))
    expect(commit).toHaveBeenCalledTimes(1)
    win.dispatchEvent(new Event('pagehide'))
    doc.dispatchEvent(new Event('visibilitychange'))
    expect(commit).toHaveBeenCalledTimes(2)
    doc.visibilityState = 'hidden'
    doc.dispatchEvent(new Event('visibilitychange'))
    expect(commit).toHaveBeenCalledTimes(3)
    unbind()
    win.dispatchEvent(new Event('pagehide'))
    expect(commit).toHaveBeenCalledTimes(3)
  })
})

describe('row heights and the free width', () => {
  const long = '推进'.repeat(40)
  it('a row is taller in a narrow column and shorter once the column is wider', () => {
    const heights = createRowHeights(() => COLUMNS)
    const row: TaskRow = { id: 'r1', kind: 'data', cells: { task: long } }
    const narrow = heights.of(row)
    heights.reset((id) => (id === 'task' ? 640 : undefined))
    expect(heights.of(row)).toBeLessThan(narrow)
    heights.reset((id) => (id === 'task' ? 320 : undefined))
    expect(heights.of(row)).toBe(narrow)
  })

  function widthGrid(widths: Record<string, number>): WidthGrid & { set: { key: string; newWidth: number }[][] } {
    const set: { key: string; newWidth: number }[][] = []
    return {
      set,
      isDestroyed: () => false,
      getAllDisplayedColumns: () => Object.entries(widths).map(([id, w]) => ({ getColId: () => id, getActualWidth: () => w })),
      setColumnWidths: (next) => { set.push(next); for (const w of next) widths[w.key] = w.newWidth },
    }
  }

  it('the task and progress columns share what a wide grid leaves free, and give it back when it narrows', () => {
    const widths = { [STATE_COL]: 200, seq: 64, task: 320, sched: 320, prog: 320, status: 120 }
    const grid = widthGrid(widths)
    const pinned = new Set([STATE_COL])
    expect(fillFreeWidth(grid, COLUMNS, 1744, pinned)).toBe(true)
    expect(grid.set.at(-1)).toEqual([{ key: 'task', newWidth: 320 + 300 }, { key: 'prog', newWidth: 320 + 300 }])
    expect(fillFreeWidth(grid, COLUMNS, 1744, pinned)).toBe(false)
    expect(fillFreeWidth(grid, COLUMNS, 1000, pinned)).toBe(true)
    expect(grid.set.at(-1)).toEqual([{ key: 'task', newWidth: 320 }, { key: 'prog', newWidth: 320 }])
  })

  it('a pinned task column keeps its width; the progress column takes the free width alone', () => {
    const grid = widthGrid({ [STATE_COL]: 200, seq: 64, task: 320, sched: 320, prog: 320, status: 120 })
    fillFreeWidth(grid, COLUMNS, 1124, new Set([STATE_COL, 'task']))
    expect(grid.set.at(-1)).toEqual([{ key: 'prog', newWidth: 620 }])
  })
})

describe('the grid’s row filters', () => {
  const task: TaskRow = { id: 'r1', kind: 'data', cells: {} }
  const section: TaskRow = { id: 's1', kind: 'section', cells: {} }
  const none = { state: null, owner: null, rowIds: null }
  const stateOf = () => 'overdue'
  const ownersOf = () => ['县民政局', '县财政局']
  it('with no filter every row passes; a section row only then', () => {
    expect(passesRowFilters(task, none, stateOf, ownersOf)).toBe(true)
    expect(passesRowFilters(section, none, stateOf, ownersOf)).toBe(true)
    expect(passesRowFilters(section, { ...none, state: 'overdue' }, stateOf, ownersOf)).toBe(false)
    expect(anyRowFilter(none)).toBe(false)
  })
  it('a task passes each filter by its state, any of its units, and the rows named', () => {
    expect(passesRowFilters(task, { ...none, state: 'overdue', owner: '县财政局' }, stateOf, ownersOf)).toBe(true)
    expect(passesRowFilters(task, { ...none, state: 'done' }, stateOf, ownersOf)).toBe(false)
    expect(passesRowFilters(task, { ...none, owner: '县公安局' }, stateOf, ownersOf)).toBe(false)
    expect(passesRowFilters(task, { ...none, rowIds: new Set(['r2']) }, stateOf, ownersOf)).toBe(false)
  })
})

describe('the grid’s quick filter, as the stores read it too', () => {
  const row: TaskRow = { id: 'r1', kind: 'data', cells: { task: 'Road repair 道路', sched: '' } }
  it('splits at plain spaces, in upper case; no text is no filter', () => {
    expect(quickFilterParts('road 道路')).toEqual(['ROAD', '道路'])
    expect(quickFilterParts('')).toBeNull()
  })
  it('every word must be in some column on screen or the state’s label', () => {
    expect(passesQuickFilter(row, quickFilterParts('repair 道路')!, COLUMNS, '')).toBe(true)
    expect(passesQuickFilter(row, quickFilterParts('repair 超期')!, COLUMNS, '已超期')).toBe(true)
    expect(passesQuickFilter(row, quickFilterParts('repair 超期')!, COLUMNS, '')).toBe(false)
    expect(passesQuickFilter(row, quickFilterParts('road')!, COLUMNS.map((c) => (c.id === 'task' ? { ...c, hidden: true } : c)), '')).toBe(false)
  })
})

describe('the grid’s clipboard reads what the grid shows', () => {
  function shown(ids: string[], focus: { rowIndex: number; colId: string } | null): ShownRows {
    return {
      getFocusedCell: () => (focus ? { rowIndex: focus.rowIndex, rowPinned: null, column: { getColId: () => focus.colId } } : null),
      getDisplayedRowAtIndex: (i: number) => (ids[i] ? { data: { id: ids[i] } } : undefined),
      getDisplayedRowCount: () => ids.length,
    } as unknown as ShownRows
  }
  it('the focused cell by row id, and the rows shown from it down in the grid’s order', () => {
    const grid = shown(['r3', 'r1', 'r2'], { rowIndex: 1, colId: 'task' })
    expect(focusedCellOf(grid)).toEqual({ rowId: 'r1', colId: 'task' })
    expect(rowsShownFromFocus(grid)).toEqual(['r1', 'r2'])
    expect(focusedCellOf(shown(['r1'], null))).toBeNull()
    expect(rowsShownFromFocus(shown(['r1'], null))).toEqual([])
  })
})
