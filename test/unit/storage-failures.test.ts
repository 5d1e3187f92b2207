// Failures named the clerk's way round: a full disk, a database another tab upgraded, a backup version written as text.
import 'fake-indexeddb/auto'
import { openDB } from 'idb'
import { afterEach, describe, expect, it } from 'vitest'
import { classifyStorageError, importBackup, openDraftDatabase, type DraftDatabase } from '../../src/storage'
import { testDocument } from './support/testDocuments'
import { storageWords } from './support/storageWords'

let dbCount = 0
const opened: DraftDatabase[] = []
afterEach(() => { while (opened.length) opened.pop()!.close() })

async function freshDb(name = `jindu-failures-${++dbCount}`): Promise<DraftDatabase> {
  const result = await openDraftDatabase(name)
  if (!result.ok) throw new Error(result.kind)
  opened.push(result.db)
  return result.db
}

describe('a full disk', () => {
  it('Chromium\'s "Failed to write blobs (IOError)" reads as 磁盘空间不足 with what to do', () => {
    const error = new DOMException('Failed to write blobs (IOError)', 'UnknownError')
    const failure = classifyStorageError(error)
    expect(failure.kind).toBe('disk')
    expect(storageWords(failure).zh).toContain('磁盘空间不足')
    expect(storageWords(failure).zh).toContain('清理磁盘')
    const aborted = Object.assign(new DOMException('aborted', 'AbortError'), { cause: error })
    expect(classifyStorageError(aborted).kind).toBe('disk')
  })
})

describe('another tab upgrades the database', () => {
  it('this tab finishes its writes, closes, and then reports "outdated" (reload), not "unavailable"', async () => {
    const name = `jindu-upgrade-${++dbCount}`
    const db = await freshDb(name)
    await db.createDraft(testDocument({ rowCount: 1 }))
    let flushed = false
    db.onOutdated(async () => { await db.renameDraft('draft1', '升级前的修改'); flushed = true })
    const newer = await openDB(name, 99)
    newer.close()
    expect(flushed).toBe(true)
    const after = await db.renameDraft('draft1', '之后')
    expect(!after.ok && after.kind).toBe('outdated')
    expect(!after.ok && storageWords(after).zh).toContain('刷新页面')
    const reopened = await openDB(name, 99)
    const meta = await reopened.get('drafts', 'draft1') as { name: string }
    reopened.close()
    expect(meta.name).toBe('升级前的修改')
  })

  it('a page older than the database is told to reload (VersionError), not to close other tabs', async () => {
    const name = `jindu-older-page-${++dbCount}`
    const newer = await openDB(name, 99)
    newer.close()
    const result = await openDraftDatabase(name)
    expect(!result.ok && result.kind).toBe('outdated')
  })
})

describe('backup version', () => {
  it('a backup whose version is the text "1" is read as version 1', async () => {
    const db = await freshDb()
    const text = JSON.stringify({ format: 'jindu-backup', version: '1', exportedAt: '', drafts: [{ document: testDocument({ id: 'b1' }) }] })
    const result = await importBackup(db, text)
    expect(result.ok && result.imported).toBe(1)
    const newer = await importBackup(db, JSON.stringify({ format: 'jindu-backup', version: '2', drafts: [] }))
    expect(newer).toMatchObject({ ok: false, kind: 'invalid', reason: 'newer' })
    expect(!newer.ok && storageWords(newer).en).toContain('newer')
  })
})
