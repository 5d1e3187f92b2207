// The grid's block of cells and its column widths, without AG Grid: plain ids and numbers.
import { describe, expect, it } from 'vitest'
import { createCellRange } from '../../src/components/grid/cellRange'
import { defaultWidth, sharedWidths } from '../../src/components/grid/columnWidths'

const COLS = ['ag-Grid-SelectionColumn', '__state', 'seq', 'task', 'status']
const isData = (id: string) => ['seq', 'task', 'status'].includes(id)
const rowIdAt = (i: number) => (i < 5 ? `r${i}` : undefined)

describe('cell range', () => {
  it('Shift+arrows from an anchor make a block; it lists its rows and data columns in display order', () => {
    const range = createCellRange(isData)
    expect(range.focusMoved(1, 'seq', () => COLS)).toBe(false)
    range.noteKey({ shiftKey: true, key: 'ArrowDown' })
    expect(range.focusMoved(2, 'seq', () => COLS)).toBe(true)
    range.noteKey({ shiftKey: true, key: 'ArrowRight' })
    range.focusMoved(2, 'task', () => COLS)
    expect(range.block(COLS, rowIdAt)).toEqual({ rowIds: ['r1', 'r2'], colIds: ['seq', 'task'] })
    expect(range.includes(1, 'task')).toBe(true)
    expect(range.includes(3, 'task')).toBe(false)
    expect(range.includes(1, 'status')).toBe(false)
  })

  it('a plain move starts again: no block, one cell is not a block, and the highlight is cleared once', () => {
    const range = createCellRange(isData)
    range.focusMoved(0, 'seq', () => COLS)
    range.notePointer({ shiftKey: true })
    range.focusMoved(0, 'seq', () => COLS)
    expect(range.block(COLS, rowIdAt)).toBeNull()
    range.noteKey({ shiftKey: false, key: 'ArrowDown' })
    expect(range.focusMoved(1, 'seq', () => COLS)).toBe(true)
    expect(range.focusMoved(2, 'seq', () => COLS)).toBe(false)
    expect(range.block(COLS, rowIdAt)).toBeNull()
  })

  it('the state column anchors nothing, and clear forgets the block', () => {
    const range = createCellRange(isData)
    range.focusMoved(0, '__state', () => COLS)
    range.noteKey({ shiftKey: true, key: 'ArrowDown' })
    range.focusMoved(1, 'seq', () => COLS)
    expect(range.block(COLS, rowIdAt)).toBeNull()
    range.notePointer({ shiftKey: true })
    range.focusMoved(3, 'task', () => COLS)
    expect(range.block(COLS, rowIdAt)).not.toBeNull()
    range.clear()
    expect(range.block(COLS, rowIdAt)).toBeNull()
  })
})

describe('column widths', () => {
  const task = { id: 'task', role: 'task' as const }
  const progress = { id: 'progress', role: 'progress' as const, width: 400 }
  it('shares the free width equally among the growing columns, on top of their own widths', () => {
    expect(sharedWidths([task, progress], 600, 1920)).toEqual([{ key: 'task', newWidth: 320 + 300 }, { key: 'progress', newWidth: 400 + 300 }])
  })
  it('gives nothing extra when the columns already fill or overflow the grid', () => {
    expect(sharedWidths([task, progress], 1000, 1280)).toEqual([{ key: 'task', newWidth: 320 }, { key: 'progress', newWidth: 400 }])
    expect(sharedWidths([], 100, 1920)).toEqual([])
  })
  it('knows each role’s own width', () => {
    expect(defaultWidth({ role: 'seq' })).toBe(64)
    expect(defaultWidth({ role: 'task' })).toBe(320)
    expect(defaultWidth({ role: null })).toBe(160)
  })
})
