// Drafts in IndexedDB (fake-indexeddb): snapshots, backups, migration, quarantine, quota, settings.
import { describe, expect, it, vi } from 'vitest'
import { DOCUMENT_SCHEMA_VERSION, emptyCounts, type TaskRow } from '../../src/core'
import { classifyStorageError, exportBackup, importBackup, openDraftDatabase } from '../../src/storage'
import { closeDatabasesAfterEach, freshDb, load, makeDoc } from './support/storageHelpers'
import { storageWords } from './support/storageWords'

closeDatabasesAfterEach()

describe('drafts: versions, backups and damage', () => {
  it('takes, lists and restores snapshots, and the restore is itself undoable', async () => {
    const db = await freshDb()
    const original = makeDoc(3)
    await db.createDraft(original)
    const snap = await db.takeSnapshot('draft1', '导入前', 'before-import')
    expect(snap.ok).toBe(true)
    if (!snap.ok) return
    await db.putRows('draft1', [{ ...original.rows[0]!, cells: { task: '后来改的' } }])
    await db.deleteRows('draft1', ['r3'])
    const edited = await load(db, 'draft1')

    const listed = await db.listSnapshots('draft1')
    expect(listed.ok && listed.snapshots.map((s) => [s.name, s.reason, s.rowCount])).toEqual([['导入前', 'before-import', 3]])
    const snapDoc = await db.loadSnapshot(snap.snapshotId)
    expect(snapDoc.ok && snapDoc.doc.rows).toEqual(original.rows)

    const restored = await db.restoreSnapshot(snap.snapshotId)
    expect(restored.ok).toBe(true)
    if (!restored.ok) return
    expect((await load(db, 'draft1')).rows).toEqual(original.rows)
    expect(restored.beforeRestoreSnapshotId).not.toBeNull()
    const after = await db.listSnapshots('draft1')
    expect(after.ok && after.snapshots.map((s) => s.reason).sort()).toEqual(['before-import', 'before-restore'])

    // Undo the restore: restore the before-restore snapshot.
    await db.restoreSnapshot(restored.beforeRestoreSnapshotId!)
    expect((await load(db, 'draft1')).rows).toEqual(edited.rows)
  })

  it('exports a backup and imports it into a fresh database with the same drafts', async () => {
    const source = await freshDb()
    await source.createDraft(makeDoc(4, 'a'), { counts: { ...emptyCounts(), pending: 4 } })
    await source.createDraft({ ...makeDoc(2, 'b'), name: '第二份' })
    await source.takeSnapshot('a', '手动', 'manual')
    const backup = await exportBackup(source, new Date('2024-01-02T03:04:05Z'))
    expect(backup.ok).toBe(true)
    if (!backup.ok) return
    const parsed = JSON.parse(backup.text) as { format: string; version: number; exportedAt: string; drafts: unknown[] }
    expect([parsed.format, parsed.version, parsed.exportedAt, parsed.drafts.length]).toEqual(['jindu-backup', 1, '2024-01-02T03:04:05.000Z', 2])

    const target = await freshDb()
    const imported = await importBackup(target, new TextEncoder().encode(backup.text))
    expect(imported.ok && [imported.imported, imported.skipped, imported.problems]).toEqual([2, 0, []])
    for (const id of ['a', 'b']) expect(await load(target, id)).toEqual(await load(source, id))
    const snaps = await target.listSnapshots('a')
    expect(snaps.ok && snaps.snapshots.map((s) => s.name)).toEqual(['手动'])
    const list = await target.listDrafts()
    expect(list.ok && list.drafts.find((d) => d.id === 'a')?.counts?.pending).toBe(4)

    // Importing the same backup again never overwrites: the copies get new ids.
    const again = await importBackup(target, backup.text)
    expect(again.ok && again.draftIds.every((id) => id !== 'a' && id !== 'b')).toBe(true)
    const relisted = await target.listDrafts()
    expect(relisted.ok && relisted.drafts).toHaveLength(4)
  })

  it('reads a backup whose version is written as text ("1"), and still refuses a newer one', async () => {
    const db = await freshDb()
    const asText = JSON.stringify({ format: 'jindu-backup', version: '1', exportedAt: '', drafts: [{ document: makeDoc(1, 'txt') }] })
    const result = await importBackup(db, asText)
    expect(result.ok && result.imported).toBe(1)
    const newer = JSON.stringify({ format: 'jindu-backup', version: '99', exportedAt: '', drafts: [] })
    expect(await importBackup(db, newer)).toMatchObject({ ok: false, kind: 'invalid' })
  })

  it('rejects a file that is not a backup and skips unreadable drafts into quarantine', async () => {
    const db = await freshDb()
    expect(await importBackup(db, 'not json')).toMatchObject({ ok: false, kind: 'invalid' })
    expect(await importBackup(db, '{"format":"other"}')).toMatchObject({ ok: false, kind: 'invalid' })
    const text = JSON.stringify({ format: 'jindu-backup', version: 1, exportedAt: '', drafts: [{ document: makeDoc(1, 'ok') }, { document: 42 }, { document: { schemaVersion: 99 } }] })
    const result = await importBackup(db, text)
    expect(result.ok && [result.imported, result.skipped]).toEqual([1, 2])
    const quarantined = await db.listQuarantine()
    expect(quarantined.ok && quarantined.records).toHaveLength(2)
  })

  it('migrates a v0 draft record on load and rewrites it in the current layout', async () => {
    const db = await freshDb()
    const v0 = {
      id: 'old', name: '旧草稿', asOf: '2023-03-31', savedAt: 5000,
      columns: ['序号', { header: '工作事项', role: 'task' }],
      rows: [{ cells: ['1', '推进项目'] }, { kind: 'section', cells: ['一、'] }],
    }
    const tx = db.idb.transaction('drafts', 'readwrite')
    await tx.objectStore('drafts').put(v0 as never)
    await tx.done
    const doc = await load(db, 'old')
    expect(doc.schemaVersion).toBe(DOCUMENT_SCHEMA_VERSION)
    expect(doc.settings.asOf).toBe('2023-03-31')
    expect(doc.updatedAt).toBe(5000)
    expect(doc.rows.map((r) => [r.kind, Object.values(r.cells)])).toEqual([['data', ['1', '推进项目']], ['section', ['一、']]])
    // Rewritten: the meta lost its inline rows and row edits now work.
    const meta = await db.idb.get('drafts', 'old') as unknown as Record<string, unknown>
    expect(meta.rows).toBeUndefined()
    expect(meta.schemaVersion).toBe(DOCUMENT_SCHEMA_VERSION)
    await db.putRows('old', [{ ...doc.rows[0]!, cells: { col1: '1', col2: '改' } }])
    expect((await load(db, 'old')).rows[0]!.cells.col2).toBe('改')
  })

  it('sets a damaged draft aside in quarantine, returns an error and leaves the record in place', async () => {
    const db = await freshDb()
    const tx = db.idb.transaction('drafts', 'readwrite')
    await tx.objectStore('drafts').put({ id: 'bad', schemaVersion: 1, updatedAt: 7, rows: 'nonsense', columns: 5 } as never)
    // A newer-version draft is refused but not touched.
    await tx.objectStore('drafts').put({ id: 'future', schemaVersion: 99, rows: [] } as never)
    await tx.done
    const raw = structuredClone(await db.idb.get('drafts', 'bad'))

    const loaded = await db.loadDraft('bad')
    // Rows and columns that are no arrays: repair still makes an (empty) document, and the
    // record is rewritten only after a copy of the original is quarantined.
    expect(loaded.ok).toBe(true)
    const quarantined = await db.listQuarantine()
    expect(quarantined.ok && quarantined.records.map((r) => r.raw)).toEqual([{ meta: raw, rows: [] }])

    const future = await db.loadDraft('future')
    expect(future).toMatchObject({ ok: false, kind: 'newer' })
    expect(await db.idb.get('drafts', 'future')).toEqual({ id: 'future', schemaVersion: 99, rows: [] })

    expect(await db.loadDraft('missing')).toMatchObject({ ok: false, kind: 'not-found' })
  })

  it('a draft that repair cannot read at all goes to quarantine and stays where it was', async () => {
    const db = await freshDb()
    await db.createDraft(makeDoc(2))
    // Corrupt the meta so that it is no document at all (e.g. a truncated write by an old browser).
    const damaged = ['not', 'a', 'document']
    const tx = db.idb.transaction('drafts', 'readwrite')
    await tx.objectStore('drafts').put(Object.assign(damaged, { id: 'draft1' }) as never)
    await tx.done

    const loaded = await db.loadDraft('draft1')
    expect(loaded).toMatchObject({ ok: false, kind: 'damaged' })
    expect(loaded.ok || loaded.problems.length).toBeGreaterThan(0)
    const quarantined = await db.listQuarantine()
    expect(quarantined.ok && quarantined.records.map((r) => r.draftId)).toEqual(['draft1'])
    // The record is still there, rows included: nothing was deleted.
    expect(await db.idb.get('drafts', 'draft1')).toBeDefined()
    expect(await db.idb.count('rows')).toBe(2)
    // Loading again does not pile up copies.
    await db.loadDraft('draft1')
    const again = await db.listQuarantine()
    expect(again.ok && again.records).toHaveLength(1)
  })

  it('reports a quota error as a result, leaves the stored draft and the caller\'s data untouched', async () => {
    const db = await freshDb()
    const doc = makeDoc(3)
    await db.createDraft(doc)
    const edit: TaskRow[] = [
      { ...doc.rows[0]!, cells: { task: '改1' } },
      { ...doc.rows[1]!, cells: { task: '改2' } },
    ]
    const before = structuredClone(edit)
    const put = IDBObjectStore.prototype.put
    let calls = 0
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      // Let the first row through, fail the second: the first must not commit either.
      if (this.name === 'rows' && ++calls === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      return put.apply(this, args)
    })
    const result = await db.putRows('draft1', edit)
    vi.restoreAllMocks()
    expect(result).toMatchObject({ ok: false, kind: 'quota' })
    expect(!result.ok && storageWords(result).zh).toContain('存储空间已满')
    expect(edit).toEqual(before)
    expect((await load(db, 'draft1')).rows).toEqual(doc.rows)
    // And the database still works afterwards.
    expect(await db.putRows('draft1', edit)).toEqual({ ok: true })
  })

  it('classifies quota hidden in an AbortError, closed connections and unknown errors', () => {
    const abort = Object.assign(new DOMException('aborted', 'AbortError'), { cause: new DOMException('full', 'QuotaExceededError') })
    expect(classifyStorageError(abort).kind).toBe('quota')
    expect(classifyStorageError(new DOMException('closing', 'InvalidStateError')).kind).toBe('unavailable')
    expect(classifyStorageError(new Error('boom')).kind).toBe('unknown')
    expect(classifyStorageError(new Error('boom')).detail).toBe('boom')
    expect(storageWords(classifyStorageError(new Error('boom'))).en).toBe('Saving failed; changes may not have been saved. (boom)')
  })

  it('reports unavailable storage when indexedDB is missing, and after the connection closed', async () => {
    const saved = globalThis.indexedDB
    vi.stubGlobal('indexedDB', undefined)
    try {
      expect(await openDraftDatabase('nope')).toMatchObject({ ok: false, kind: 'unavailable' })
    } finally {
      vi.stubGlobal('indexedDB', saved)
      vi.unstubAllGlobals()
    }
    const db = await freshDb()
    db.close()
    expect(await db.putRows('x', [])).toMatchObject({ ok: false, kind: 'unavailable' })
    expect(await db.loadDraft('x')).toMatchObject({ ok: false, kind: 'unavailable' })
  })

  it('serialises writes per draft: the later write lands last', async () => {
    const db = await freshDb()
    const doc = makeDoc(1)
    await db.createDraft(doc)
    const writes = Array.from({ length: 20 }, (_, i) => db.putRows('draft1', [{ ...doc.rows[0]!, cells: { task: `v${i}` } }]))
    await Promise.all(writes)
    expect((await load(db, 'draft1')).rows[0]!.cells.task).toBe('v19')
  })

  it('keeps settings by key', async () => {
    const db = await freshDb()
    expect(await db.getSetting('lastDraftId')).toBeUndefined()
    await db.putSetting('lastDraftId', 'draft1')
    await db.putSetting('headerRoles:序号|工作事项', { 序号: 'seq', 工作事项: 'task' })
    expect(await db.getSetting('lastDraftId')).toBe('draft1')
    expect(await db.getSetting('headerRoles:序号|工作事项')).toEqual({ 序号: 'seq', 工作事项: 'task' })
  })
})
