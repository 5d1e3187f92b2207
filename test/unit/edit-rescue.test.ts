// The editor rescue, storage-side: open editors' text kept synchronously as the page leaves, for the
// same draft only, once; cleared once a save completes; damaged or missing storage throws nothing.
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { DraftSession, createEditRescue, openDraftDatabase, type DraftDatabase } from '../../src/storage'
import { testDocument, testRow } from './support/testDocuments'

function memory() {
  const items = new Map<string, string>()
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => { items.set(k, v) }, removeItem: (k: string) => { items.delete(k) }, items }
}

describe('editor rescue', () => {
  it('keeps the edits of a page that left, for the same draft only, once', () => {
    const store = memory()
    const rescue = createEditRescue(store)
    rescue.keep('draft1', [{ rowId: 'r1', colId: 'status', value: '重新加载前输入' }])
    expect(rescue.takeFor('draft2')).toEqual([])
    expect(rescue.takeFor('draft1')).toEqual([{ rowId: 'r1', colId: 'status', value: '重新加载前输入' }])
    expect(rescue.takeFor('draft1')).toEqual([])
  })

  it('a completed save clears it; damaged or missing storage loses nothing else and throws nothing', () => {
    const store = memory()
    const rescue = createEditRescue(store)
    rescue.keep('draft1', [{ rowId: 'r1', colId: 'status', value: 'x' }])
    rescue.clear()
    expect(rescue.takeFor('draft1')).toEqual([])
    store.setItem('jindu.editorRescue', '{not json')
    expect(rescue.takeFor('draft1')).toEqual([])
    store.setItem('jindu.editorRescue', JSON.stringify({ docId: 'draft1', edits: [{ rowId: 1 }, { rowId: 'r1', colId: 'c', value: 'ok' }] }))
    expect(rescue.takeFor('draft1')).toEqual([{ rowId: 'r1', colId: 'c', value: 'ok' }])
    const none = createEditRescue(null)
    none.keep('draft1', [{ rowId: 'r1', colId: 'c', value: 'v' }])
    expect(none.takeFor('draft1')).toEqual([])
  })
})

describe('the draft session owns the rescue', () => {
  const opened: DraftDatabase[] = []
  afterEach(() => { while (opened.length) opened.pop()!.close() })

  it('keeps open editors’ text until the edit it became is stored, and hands it back once after a reload', async () => {
    const store = memory()
    const doc = testDocument()
    // The page leaves: the text is kept; a reload before the write finds it, for this draft only.
    const leaving = new DraftSession(null, {}, { rescueStore: store })
    leaving.keepOpenEdits(doc.id, [{ rowId: 'r1', colId: 'task', value: '离开前输入' }])
    const reloaded = new DraftSession(null, {}, { rescueStore: store })
    expect(reloaded.takeRescuedEdits('other')).toEqual([])
    expect(reloaded.takeRescuedEdits(doc.id)).toEqual([{ rowId: 'r1', colId: 'task', value: '离开前输入' }])
    expect(reloaded.takeRescuedEdits(doc.id)).toEqual([])

    // Kept again, then the edit is written: a completed save clears it.
    const result = await openDraftDatabase('jindu-rescue-1')
    if (!result.ok) throw new Error(result.kind)
    opened.push(result.db)
    await result.db.createDraft(doc)
    const session = new DraftSession(result.db, {}, { lock: { locks: null, openChannel: null }, rescueStore: store })
    session.attach(doc.id)
    session.keepOpenEdits(doc.id, [{ rowId: 'r1', colId: 'task', value: '离开前输入' }])
    expect(store.items.size).toBe(1)
    const rows = doc.rows.map((r) => (r.id === 'r1' ? testRow(1, { task: '离开前输入' }) : r))
    session.record({ doc: { ...doc, rows }, before: doc, changed: { rows: ['r1'], removedRows: [], meta: false }, fresh: new Set(), rowById: (id) => rows.find((r) => r.id === id), counts: null })
    await session.flush()
    expect(store.items.size).toBe(0)
  })
})
