// Repair on load never deletes what it did not read: rows are read by key range, orphans get an order, quarantine comes first.
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { exportBackup, importBackup, openDraftDatabase, type DraftDatabase } from '../../src/storage'
import { testDocument, testRow } from './support/testDocuments'

let dbCount = 0
const opened: DraftDatabase[] = []

async function freshDb(): Promise<DraftDatabase> {
  const result = await openDraftDatabase(`jindu-repair-${++dbCount}`)
  if (!result.ok) throw new Error(result.kind)
  opened.push(result.db)
  return result.db
}

afterEach(() => {
  vi.restoreAllMocks()
  while (opened.length) opened.pop()!.close()
})

describe('repair on load', () => {
  it('shows a row record that has no numeric order, after the ordered rows', async () => {
    const db = await freshDb()
    await db.createDraft(testDocument({ rowCount: 2 }))
    // As an older or damaged writer might leave it: the record exists, its order does not.
    await db.idb.put('rows', { ...testRow(9), draftId: 'draft1' } as never)
    const loaded = await db.loadDraft('draft1')
    if (!loaded.ok) throw new Error(loaded.kind)
    expect(loaded.doc.rows.map((r) => r.id)).toEqual(['r1', 'r2', 'r9'])
    expect(loaded.problems.join()).toContain('1行缺少排序号')
  })

  it('a repair rewrite keeps the orphan row and gives it an order, and the records as found are in quarantine', async () => {
    const db = await freshDb()
    await db.createDraft(testDocument({ rowCount: 2 }))
    await db.idb.put('rows', { ...testRow(9), draftId: 'draft1', order: 'x' } as never)
    // A damaged cell makes repair rewrite the draft (which deletes the key range first).
    const r2 = await db.idb.get('rows', ['draft1', 'r2'])
    await db.idb.put('rows', { ...r2!, cells: { ...r2!.cells, task: { bad: true } as never } })
    const first = await db.loadDraft('draft1')
    expect(first.ok).toBe(true)
    const second = await db.loadDraft('draft1')
    if (!second.ok) throw new Error(second.kind)
    expect(second.doc.rows.map((r) => r.id)).toEqual(['r1', 'r2', 'r9'])
    const stored = await db.idb.get('rows', ['draft1', 'r9'])
    expect(typeof stored?.order).toBe('number')
    const quarantined = await db.listQuarantine()
    expect(quarantined.ok && quarantined.records.some((q) => JSON.stringify(q.raw).includes('任务9'))).toBe(true)
  })

  it('does not rewrite (delete) the rows when the quarantine copy cannot be written', async () => {
    const db = await freshDb()
    await db.createDraft(testDocument({ rowCount: 2 }))
    await db.idb.put('rows', { ...testRow(9), draftId: 'draft1' } as never)
    vi.spyOn(db, 'quarantine').mockResolvedValue({ ok: false, kind: 'quota' })
    const loaded = await db.loadDraft('draft1')
    expect(loaded.ok).toBe(true)
    const stored = await db.idb.get('rows', ['draft1', 'r9'])
    expect(stored?.order).toBeUndefined()
  })

  it('what repair set aside can be restored as a new draft, and travels in backups', async () => {
    const db = await freshDb()
    await db.createDraft(testDocument({ rowCount: 2 }))
    await db.idb.put('rows', { ...testRow(7), draftId: 'draft1' } as never)
    const loaded = await db.loadDraft('draft1')
    expect(loaded.ok && loaded.problems.length).toBe(1)
    const listed = await db.listQuarantine()
    if (!listed.ok) throw new Error(listed.kind)
    expect(listed.records).toHaveLength(1)
    const restored = await db.restoreQuarantined(listed.records[0]!.id)
    expect(restored.ok && restored.rowCount).toBe(3)
    const backup = await exportBackup(db)
    if (!backup.ok) throw new Error(backup.kind)
    const target = await freshDb()
    const imported = await importBackup(target, backup.text)
    expect(imported.ok).toBe(true)
    const carried = await target.listQuarantine()
    expect(carried.ok && carried.records.some((q) => JSON.stringify(q.raw).includes('任务7'))).toBe(true)
  })
})
