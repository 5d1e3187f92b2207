// Drafts in IndexedDB (fake-indexeddb): round trips, per-row writes, order keys, renames, duplicates, undoable deletes.
import { describe, expect, it } from 'vitest'
import { defaultSettings, emptyCounts, type TaskRow } from '../../src/core'
import { openDraftDatabase } from '../../src/storage'
import { closeAfterTest, closeDatabasesAfterEach, countReads, countWrites, freshDb, freshDbName, load, makeDoc } from './support/storageHelpers'

closeDatabasesAfterEach()

describe('drafts', () => {
  it('round-trips a document through create and load', async () => {
    const db = await freshDb()
    const doc = makeDoc(5)
    const counts = { ...emptyCounts(), pending: 5 }
    const created = await db.createDraft(doc, { counts })
    expect(created).toEqual({ ok: true, id: 'draft1' })
    const loaded = await db.loadDraft('draft1')
    expect(loaded.ok && loaded.doc).toEqual(doc)
    expect(loaded.ok && loaded.problems).toEqual([])
    const list = await db.listDrafts()
    expect(list.ok && list.drafts).toEqual([{
      id: 'draft1', name: doc.name, sourceFile: doc.sourceFile, title: doc.title, createdAt: 1000, updatedAt: 2000, rowCount: 5, counts,
    }])
  })

  it('gives a new id instead of overwriting an existing draft', async () => {
    const db = await freshDb()
    await db.createDraft(makeDoc(1))
    const again = await db.createDraft({ ...makeDoc(2), name: '另一份' })
    expect(again.ok && again.id).not.toBe('draft1')
    expect((await load(db, 'draft1')).rows).toHaveLength(1)
  })

  it('a cell edit writes exactly one row and touches the meta', async () => {
    const db = await freshDb()
    const doc = makeDoc(200)
    await db.createDraft(doc)
    const edited = { ...doc.rows[120]!, cells: { ...doc.rows[120]!.cells, task: '改过的任务' }, edited: ['task'] }
    const writes = await countWrites(() => db.putRows('draft1', [edited]))
    expect(writes).toEqual({ 'rows.put': 1, 'drafts.put': 1 })
    const after = await load(db, 'draft1')
    expect(after.rows[120]).toEqual(edited)
    expect(after.rows).toHaveLength(200)
    expect(after.updatedAt).toBeGreaterThan(doc.updatedAt)
  })

  it('a cell edit of a draft this connection stored or loaded reads nothing before writing', async () => {
    const name = freshDbName()
    const first = await openDraftDatabase(name)
    if (!first.ok) throw new Error(first.kind)
    closeAfterTest(first.db)
    const doc = makeDoc(50)
    await first.db.createDraft(doc)
    const edit = (i: number, text: string): TaskRow => ({ ...doc.rows[i]!, cells: { ...doc.rows[i]!.cells, task: text } })
    expect(await countReads(() => first.db.putRows('draft1', [edit(10, '甲')]))).toBe(0)
    // Another connection (a reload) that has not loaded the draft reads first, and gets it right.
    const second = await openDraftDatabase(name)
    if (!second.ok) throw new Error(second.kind)
    closeAfterTest(second.db)
    expect(await countReads(() => second.db.putRows('draft1', [edit(20, '乙')]))).toBeGreaterThan(0)
    await second.db.loadDraft('draft1')
    expect(await countReads(() => second.db.putRows('draft1', [edit(30, '丙')]))).toBe(0)
    const after = await load(second.db, 'draft1')
    expect(after.rows.map((r) => r.cells.task).filter((t) => t!.length === 1)).toEqual(['甲', '乙', '丙'])
    expect(after.rows.map((r) => r.id)).toEqual(doc.rows.map((r) => r.id))
  })

  it('edits without reading keep every row in place after inserts, moves, renumbering and deletes', async () => {
    const db = await freshDb()
    await db.createDraft(makeDoc(10))
    await db.insertRows('draft1', [{ id: 'n1', kind: 'data', cells: { task: '新' } }], 'r3')
    await db.moveRows('draft1', ['r10'], null)
    await db.putRowOrder('draft1', ['r2', 'r10'])
    await db.deleteRows('draft1', ['r5'])
    const expected = (await load(db, 'draft1')).rows.map((r) => r.id)
    expect(expected.slice(0, 2)).toEqual(['r2', 'r10'])
    for (const id of expected) {
      const reads = await countReads(() => db.putRows('draft1', [{ id, kind: 'data', cells: { task: `改${id}` } }]))
      expect(reads).toBe(0)
    }
    const after = await load(db, 'draft1')
    expect(after.rows.map((r) => r.id)).toEqual(expected)
    expect(after.rows.every((r) => r.cells.task === `改${r.id}`)).toBe(true)
    const list = await db.listDrafts()
    expect(list.ok && list.drafts[0]!.rowCount).toBe(10)
  })

  it('inserts, moves and deletes write only the rows they touch and keep the order', async () => {
    const db = await freshDb()
    await db.createDraft(makeDoc(100))
    const inserted: TaskRow[] = [{ id: 'n1', kind: 'data', cells: { task: '新1' } }, { id: 'n2', kind: 'section', cells: { seq: '二、' } }]
    const insertWrites = await countWrites(() => db.insertRows('draft1', inserted, 'r1'))
    expect(insertWrites).toEqual({ 'rows.put': 2, 'drafts.put': 1 })
    let ids = (await load(db, 'draft1')).rows.map((r) => r.id)
    expect(ids.slice(0, 4)).toEqual(['r1', 'n1', 'n2', 'r2'])

    const moveWrites = await countWrites(() => db.moveRows('draft1', ['r100'], null))
    expect(moveWrites).toEqual({ 'rows.put': 1, 'drafts.put': 1 })
    ids = (await load(db, 'draft1')).rows.map((r) => r.id)
    expect(ids.slice(0, 2)).toEqual(['r100', 'r1'])

    const deleteWrites = await countWrites(() => db.deleteRows('draft1', ['n2', 'nope']))
    expect(deleteWrites).toEqual({ 'rows.delete': 1, 'drafts.put': 1 })
    const after = await load(db, 'draft1')
    expect(after.rows.map((r) => r.id).slice(0, 4)).toEqual(['r100', 'r1', 'n1', 'r2'])
    const list = await db.listDrafts()
    expect(list.ok && list.drafts[0]!.rowCount).toBe(101)
  })

  it('keeps order through many inserts at one spot (renumbers once room runs out)', async () => {
    const db = await freshDb()
    await db.createDraft(makeDoc(3))
    const expected = ['r1']
    // Each insert goes right after r1, so the newest comes first: room between r1 and its neighbour halves each time.
    for (let i = 0; i < 70; i++) {
      const result = await db.insertRows('draft1', [{ id: `x${i}`, kind: 'data', cells: {} }], 'r1')
      expect(result.ok).toBe(true)
      expected.splice(1, 0, `x${i}`)
    }
    expected.push('r2', 'r3')
    expect((await load(db, 'draft1')).rows.map((r) => r.id)).toEqual(expected)
  })

  it('puts a whole new order and appends rows it did not know', async () => {
    const db = await freshDb()
    await db.createDraft(makeDoc(4))
    await db.putRowOrder('draft1', ['r4', 'r2'])
    await db.putRows('draft1', [{ id: 'r5', kind: 'data', cells: {} }])
    expect((await load(db, 'draft1')).rows.map((r) => r.id)).toEqual(['r4', 'r2', 'r1', 'r3', 'r5'])
  })

  it('renames via putMeta and keeps rows', async () => {
    const db = await freshDb()
    await db.createDraft(makeDoc(2))
    expect(await db.renameDraft('draft1', '新名字')).toEqual({ ok: true })
    await db.putMeta('draft1', { settings: { ...defaultSettings(), asOf: '2023-06-01' } })
    const doc = await load(db, 'draft1')
    expect(doc.name).toBe('新名字')
    expect(doc.settings.asOf).toBe('2023-06-01')
    expect(doc.rows).toHaveLength(2)
  })

  it('duplicates a draft under a new id', async () => {
    const db = await freshDb()
    await db.createDraft(makeDoc(3))
    const copy = await db.duplicateDraft('draft1')
    expect(copy.ok).toBe(true)
    if (!copy.ok) return
    const doc = await load(db, copy.id)
    expect(doc.name).toBe('开化县重点工作 副本')
    expect(doc.rows).toEqual(makeDoc(3).rows)
    await db.putRows(copy.id, [{ id: 'r1', kind: 'data', cells: { task: '只改副本' } }])
    expect((await load(db, 'draft1')).rows[0]!.cells.task).toBe('任务1')
  })

  it('deletes a draft and restores it from the trash', async () => {
    const db = await freshDb()
    const doc = makeDoc(3)
    await db.createDraft(doc, { counts: { ...emptyCounts(), overdue: 3 } })
    const deleted = await db.deleteDraft('draft1')
    expect(deleted).toEqual({ ok: true, trashId: 'draft1' })
    expect((await db.loadDraft('draft1')).ok).toBe(false)
    const list = await db.listDrafts()
    expect(list.ok && list.drafts).toEqual([])
    const trash = await db.listTrash()
    expect(trash.ok && trash.drafts.map((d) => d.id)).toEqual(['draft1'])

    const restored = await db.restoreDeletedDraft('draft1')
    expect(restored).toEqual({ ok: true, id: 'draft1' })
    expect(await load(db, 'draft1')).toEqual(doc)
    const relisted = await db.listDrafts()
    expect(relisted.ok && relisted.drafts[0]!.counts?.overdue).toBe(3)
    const emptied = await db.listTrash()
    expect(emptied.ok && emptied.drafts).toEqual([])
  })
})
