// A whole draft is written in batches (the page's thread is free between them), and still all or nothing.
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { openDraftDatabase, type DraftDatabase } from '../../src/storage'
import { testDocument, testRow } from './support/testDocuments'

let dbCount = 0
const opened: DraftDatabase[] = []
afterEach(() => { while (opened.length) opened.pop()!.close() })

async function freshDb(): Promise<DraftDatabase> {
  const result = await openDraftDatabase(`jindu-whole-${++dbCount}`)
  if (!result.ok) throw new Error(result.kind)
  opened.push(result.db)
  return result.db
}

describe('writing a whole draft', () => {
  it('stores every row of a list longer than several batches, in order', async () => {
    const db = await freshDb()
    const doc = testDocument({ rowCount: 1234 })
    expect((await db.createDraft(doc)).ok).toBe(true)
    const loaded = await db.loadDraft('draft1')
    expect(loaded.ok && loaded.doc.rows.map((r) => r.id)).toEqual(doc.rows.map((r) => r.id))
    expect(loaded.ok && loaded.doc.rows[1000]!.cells.task).toBe('任务1001')
  })

  it('keeps nothing when a row in a later batch cannot be stored (the transaction aborts)', async () => {
    const db = await freshDb()
    const rows = Array.from({ length: 1000 }, (_, i) => testRow(i + 1))
    // A value IndexedDB cannot clone, far past the first batch.
    ;(rows[900]!.cells as Record<string, unknown>).task = () => 'not data'
    const result = await db.createDraft(testDocument({ rows }))
    expect(result.ok).toBe(false)
    const listed = await db.listDrafts()
    expect(listed.ok && listed.drafts).toEqual([])
  })
})
