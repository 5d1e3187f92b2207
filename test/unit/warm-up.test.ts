// warmUpRules: the rules run over made-up rows in the document's columns; nothing in the document changes.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { warmUpRules, type TaskColumn } from '../../src/core'
import { whenIdle } from '../../src/stores/frames'
import { testDocument } from './support/testDocuments'

const ALL_ROLES: TaskColumn[] = [
  { id: 'a', header: '工作事项', role: 'task' },
  { id: 'b', header: '进度安排', role: 'schedule' },
  { id: 'c', header: '进展情况', role: 'progress' },
  { id: 'd', header: '完成情况', role: 'status' },
  { id: 'e', header: '完成时限', role: 'deadline' },
  { id: 'f', header: '责任单位', role: 'owner' },
]

describe('warmUpRules', () => {
  it('reads the made-up schedules in the document\'s own columns, numbered and unnumbered', () => {
    // Three milestones in the first made-up schedule, three in the second.
    expect(warmUpRules(testDocument({ columns: ALL_ROLES }), '2026-07-15')).toBe(6)
  })

  it('changes nothing in the document', () => {
    const doc = testDocument({ columns: ALL_ROLES })
    const before = structuredClone(doc)
    warmUpRules(doc, '2026-07-15')
    expect(doc).toEqual(before)
  })

  it('reads nothing when no column has a role the rules read', () => {
    const columns: TaskColumn[] = [{ id: 'x', header: '备注', role: 'note' }, { id: 'y', header: '其他', role: null }]
    expect(warmUpRules(testDocument({ columns }), '2026-07-15')).toBe(0)
  })
})

describe('whenIdle', () => {
  afterEach(() => { vi.useRealTimers(); vi.unstubAllGlobals() })

  it('asks the browser for an idle moment, with the latest time', () => {
    const calls: { timeout?: number }[] = []
    vi.stubGlobal('requestIdleCallback', (cb: () => void, o?: { timeout: number }) => { calls.push(o ?? {}); cb(); return 1 })
    const callback = vi.fn()
    whenIdle(callback, 2000)
    expect(callback).toHaveBeenCalledTimes(1)
    expect(calls).toEqual([{ timeout: 2000 }])
  })

  it('falls back to a timer where there are no idle callbacks', () => {
    vi.useFakeTimers()
    vi.stubGlobal('requestIdleCallback', undefined)
    const callback = vi.fn()
    whenIdle(callback, 3000)
    vi.advanceTimersByTime(999)
    expect(callback).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(callback).toHaveBeenCalledTimes(1)
  })
})
