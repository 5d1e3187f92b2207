// The draft session: document changes become storage writes; unsaved edits warn before the tab closes; a failure is said once.
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { emptyCounts, type StateCounts, type TaskDocument } from '../../src/core'
import { DraftSession, openDraftDatabase, storageFailure, type DraftDatabase, type DraftSessionEvents } from '../../src/storage'
import { testDocument, testRow } from './support/testDocuments'

let dbCount = 0
const opened: DraftDatabase[] = []
afterEach(() => { vi.restoreAllMocks(); while (opened.length) opened.pop()!.close() })

async function sessionWith(doc: TaskDocument, events: DraftSessionEvents = {}): Promise<{ db: DraftDatabase; session: DraftSession }> {
  const result = await openDraftDatabase(`jindu-session-${++dbCount}`)
  if (!result.ok) throw new Error(result.kind)
  opened.push(result.db)
  await result.db.createDraft(doc)
  const session = new DraftSession(result.db, events, { lock: { locks: null, openChannel: null } })
  session.attach(doc.id)
  return { db: result.db, session }
}

/** A cell edit of row `n`, as the document store reports it. */
function cellEdit(before: TaskDocument, n: number, text: string, counts: StateCounts | null = null) {
  const rows = before.rows.map((r) => (r.id === `r${n}` ? testRow(n, { task: text }) : r))
  const doc = { ...before, rows }
  return { doc, before, changed: { rows: [`r${n}`], removedRows: [], meta: false }, fresh: new Set<string>(), rowById: (id: string) => rows.find((r) => r.id === id), counts }
}

function fakePage() {
  const win = new EventTarget()
  const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState })
  return { win, doc }
}

function beforeUnload(win: EventTarget): { prevented: boolean } {
  const event = new Event('beforeunload', { cancelable: true }) as BeforeUnloadEvent
  win.dispatchEvent(event)
  return { prevented: event.defaultPrevented }
}

describe('DraftSession', () => {
  it('writes a cell edit as its row, and the stored draft reads back edited', async () => {
    const doc = testDocument({ rowCount: 3 })
    const { db, session } = await sessionWith(doc)
    session.record(cellEdit(doc, 2, '改过'))
    expect((await session.flush()).ok).toBe(true)
    const loaded = await db.loadDraft(doc.id)
    expect(loaded.ok && loaded.doc.rows[1]!.cells.task).toBe('改过')
  })

  it('a cell edit is one transaction writing that row and the draft record, committed as soon as both are asked for', async () => {
    const doc = testDocument({ rowCount: 200 })
    const { db, session } = await sessionWith(doc)
    const writes: string[] = []
    const put = IDBObjectStore.prototype.put
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      writes.push(`${this.name} ${(args[0] as { id: string }).id}`)
      const request = put.apply(this, args)
      request.addEventListener('success', () => writes.push('answer'))
      return request
    })
    const commit = IDBTransaction.prototype.commit
    vi.spyOn(IDBTransaction.prototype, 'commit').mockImplementation(function (this: IDBTransaction) {
      writes.push('commit')
      commit.apply(this)
    })
    const transaction = vi.spyOn(db.idb, 'transaction')
    session.record(cellEdit(doc, 120, '只写这一行', { ...emptyCounts(), done: 1 }))
    // Asked for in the task of the edit itself: nothing waits for a timer or the next frame.
    expect(writes).toEqual(['rows r120', `drafts ${doc.id}`])
    expect((await session.flush()).ok).toBe(true)
    // Committed before the page handled the answers: the database does not wait for the page's thread.
    expect(writes).toEqual(['rows r120', `drafts ${doc.id}`, 'commit', 'answer', 'answer'])
    expect(transaction).toHaveBeenCalledTimes(1)
    const loaded = await db.loadDraft(doc.id)
    expect(loaded.ok && loaded.doc.rows[119]!.cells.task).toBe('只写这一行')
    expect(loaded.ok && loaded.counts?.done).toBe(1)
  })

  it('warns before the tab closes while an edit is pending or failed, not once it is stored', async () => {
    const doc = testDocument()
    const { db, session } = await sessionWith(doc)
    const { win, doc: page } = fakePage()
    const unbind = session.bindPage(win as unknown as Window, page as unknown as Document)
    expect(beforeUnload(win).prevented).toBe(false)
    session.record(cellEdit(doc, 1, '未保存'))
    expect(beforeUnload(win).prevented).toBe(true)
    await session.flush()
    expect(beforeUnload(win).prevented).toBe(false)
    vi.spyOn(db, 'applyChanges').mockImplementation(async () => storageFailure('disk'))
    session.record(cellEdit(doc, 1, '磁盘满了'))
    await session.flush()
    expect(session.saveState).toBe('error')
    expect(beforeUnload(win).prevented).toBe(true)
    unbind()
    expect(beforeUnload(win).prevented).toBe(false)
  })

  it('flushes when the page is hidden', async () => {
    const doc = testDocument()
    const { session } = await sessionWith(doc)
    const { win, doc: page } = fakePage()
    session.bindPage(win as unknown as Window, page as unknown as Document)
    const flush = vi.spyOn(session, 'flush')
    page.visibilityState = 'hidden'
    page.dispatchEvent(new Event('visibilitychange'))
    win.dispatchEvent(new Event('pagehide'))
    expect(flush).toHaveBeenCalledTimes(2)
  })

  it('says a failure once while retries fail the same way, and again after a good save', async () => {
    const doc = testDocument()
    const seen: boolean[] = []
    const { db, session } = await sessionWith(doc, { onSaveState: (_state, failure, first) => { if (failure) seen.push(first) } })
    const spy = vi.spyOn(db, 'applyChanges').mockImplementation(async () => storageFailure('disk'))
    for (let i = 0; i < 3; i++) { session.record(cellEdit(doc, 1, `第${i}次`)); await session.flush() }
    expect(seen).toEqual([true, false, false])
    spy.mockRestore()
    session.record(cellEdit(doc, 1, '好了'))
    await session.flush()
    expect(session.saveState).toBe('saved')
    vi.spyOn(db, 'applyChanges').mockImplementation(async () => storageFailure('disk'))
    session.record(cellEdit(doc, 1, '又满了'))
    await session.flush()
    expect(seen).toEqual([true, false, false, true])
  })

  it('renaming the open draft writes only its name, in order with pending edits', async () => {
    const doc = testDocument()
    const { db, session } = await sessionWith(doc)
    session.record(cellEdit(doc, 3, '先改的'))
    const spy = vi.spyOn(db, 'applyChanges')
    expect((await session.rename(doc.id, '新名字')).ok).toBe(true)
    const patches = spy.mock.calls.flatMap(([, changes]) => changes.filter((c) => c.type === 'meta').map((c) => c.type === 'meta' && c.patch))
    expect(patches.at(-1)).toEqual({ name: '新名字' })
    const loaded = await db.loadDraft(doc.id)
    expect(loaded.ok && loaded.doc.name).toBe('新名字')
    expect(loaded.ok && loaded.doc.rows[2]!.cells.task).toBe('先改的')
  })

  it('keeps the draft list counts current without a write when they did not move', async () => {
    const doc = testDocument()
    const { db, session } = await sessionWith(doc)
    const counts = { overdue: 1 } as unknown as StateCounts
    session.record(cellEdit(doc, 1, 'a', counts))
    await session.flush()
    const spy = vi.spyOn(db, 'applyChanges')
    session.record(cellEdit(doc, 1, 'b', counts))
    await session.flush()
    expect(spy.mock.calls[0]![1].some((c) => c.type === 'meta')).toBe(false)
    const listed = await db.listDrafts()
    expect(listed.ok && listed.drafts[0]!.counts).toEqual(counts)
  })
})

describe('DraftSession lock', () => {
  it('reopening the draft this tab holds keeps the lock (no release-and-ask race)', async () => {
    const doc = testDocument()
    const { session } = await sessionWith(doc)
    expect(await session.takeLock()).toBe(true)
    const release = vi.spyOn(session, 'releaseLock')
    session.attach(doc.id)
    expect(await session.takeLock()).toBe(true)
    expect(release).not.toHaveBeenCalled()
  })
})
