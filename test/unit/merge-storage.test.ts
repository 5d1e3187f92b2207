// Returned copies kept per draft in IndexedDB until the clerk clears them; the database version 1 → 2 upgrade keeps every draft.
import 'fake-indexeddb/auto'
import { openDB } from 'idb'
import { describe, expect, it } from 'vitest'
import { DATABASE_VERSION, DraftDatabase, ReturnedCopyStore, openDraftDatabase } from '../../src/storage'
import { upgradeSchema, type JinduSchema } from '../../src/storage/schema'
import { testDocument } from './support/testDocuments'

let count = 0

describe('ReturnedCopyStore', () => {
  it('keeps copies per draft, with the clerk\'s choices, across connections; clears one or all', async () => {
    const name = `jindu-copies-${++count}`
    const doc = testDocument({ rowCount: 4, id: 'copy-doc' })
    const store = new ReturnedCopyStore(name)
    const put = (id: string, draftId: string, addedAt: number, extra = {}) => store.put({ id, draftId, name: `${id}.xlsx`, addedAt, doc, ...extra })
    expect((await put('b', 'd1', 2)).ok).toBe(true)
    expect((await put('a', 'd1', 1, { unit: '发改局', pairs: { r1: 'm1', r2: null }, verdicts: { k1: false } })).ok).toBe(true)
    expect((await put('c', 'd2', 3)).ok).toBe(true)
    store.close()

    const again = new ReturnedCopyStore(name)
    const listed = await again.list('d1')
    if (!listed.ok) throw new Error(listed.kind)
    expect(listed.value.map((r) => r.id)).toEqual(['a', 'b'])
    expect(listed.value[0]).toMatchObject({ unit: '发改局', pairs: { r1: 'm1', r2: null }, verdicts: { k1: false } })
    expect(listed.value[0]!.doc.rows.map((r) => r.cells)).toEqual(doc.rows.map((r) => r.cells))

    await again.clear('d1', 'a')
    const one = await again.list('d1')
    expect(one.ok && one.value.map((r) => r.id)).toEqual(['b'])
    await again.clear('d1')
    const none = await again.list('d1')
    expect(none.ok && none.value).toEqual([])
    const other = await again.list('d2')
    expect(other.ok && other.value.map((r) => r.id)).toEqual(['c'])
    again.close()
  })

  it('a damaged record is not listed and not deleted', async () => {
    const name = `jindu-copies-${++count}`
    const store = new ReturnedCopyStore(name)
    await store.put({ id: 'ok', draftId: 'd1', name: 'ok.xlsx', addedAt: 1, doc: testDocument() })
    await store.put({ id: 'bad', draftId: 'd1', name: 'bad.xlsx', addedAt: 2, doc: 'not a document' as never })
    const listed = await store.list('d1')
    expect(listed.ok && listed.value.map((r) => r.id)).toEqual(['ok'])
    store.close()
    const raw = await openDB<JinduSchema>(name, DATABASE_VERSION)
    expect(await raw.getKey('returnedCopies', 'bad')).toBe('bad')
    raw.close()
  })
})

describe('database upgrade 1 → 2', () => {
  it('keeps the drafts of version 1 whole and adds the returned copies', async () => {
    expect(DATABASE_VERSION).toBe(2)
    const name = `jindu-upgrade-copies-${++count}`
    const doc = testDocument({ rowCount: 5, id: 'old-draft' })
    // A database as version 1 left it, with a draft and a version of it.
    const v1 = await openDB<JinduSchema>(name, 1, { upgrade: (db, oldVersion) => upgradeSchema(db, oldVersion, 1) })
    expect([...v1.objectStoreNames]).not.toContain('returnedCopies')
    const old = new DraftDatabase(v1)
    expect((await old.createDraft(doc)).ok).toBe(true)
    expect((await old.takeSnapshot('old-draft', '季度初', 'manual')).ok).toBe(true)
    old.close()

    const opened = await openDraftDatabase(name)
    if (!opened.ok) throw new Error(opened.kind)
    expect(opened.db.idb.version).toBe(2)
    const loaded = await opened.db.loadDraft('old-draft')
    expect(loaded.ok && loaded.doc.rows.map((r) => r.cells)).toEqual(doc.rows.map((r) => r.cells))
    const versions = await opened.db.listSnapshots('old-draft')
    expect(versions.ok && versions.snapshots.map((s) => s.name)).toEqual(['季度初'])
    // Both connections at once, as in the page: the drafts' and the copies'.
    const copies = new ReturnedCopyStore(name)
    expect((await copies.put({ id: 'c1', draftId: 'old-draft', name: 'c1.xlsx', addedAt: 1, doc })).ok).toBe(true)
    const listed = await copies.list('old-draft')
    expect(listed.ok && listed.value.length).toBe(1)
    copies.close()
    opened.db.close()
  })
})
