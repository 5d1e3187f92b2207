// The autosave queue: coalescing, order, one transaction per flush, error state with retry, and pagehide flushing.
import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import { DOCUMENT_SCHEMA_VERSION, defaultSettings, type TaskDocument, type TaskRow } from '../../src/core'
import {
  createSaveQueue, openDraftDatabase, storageFailure,
  type DraftChange, type DraftDatabase, type SaveResult, type SaveState,
} from '../../src/storage'

function row(id: string, task: string): TaskRow {
  return { id, kind: 'data', cells: { task } }
}

/** A database stand-in that records each applyChanges call (one call = one transaction). */
function recordingDb(results: SaveResult[] = []) {
  const calls: DraftChange[][] = []
  let release: (() => void) | null = null
  let hold = false
  return {
    calls,
    holdNext() { hold = true },
    releaseHeld() { release?.() },
    async applyChanges(_draftId: string, changes: readonly DraftChange[]): Promise<SaveResult> {
      calls.push(structuredClone([...changes]))
      if (hold) {
        hold = false
        await new Promise<void>((r) => { release = r })
      }
      return results.shift() ?? { ok: true }
    },
  }
}

describe('createSaveQueue', () => {
  it('coalesces a burst of edits into one transaction where the latest version of each row wins', async () => {
    const db = recordingDb()
    const queue = createSaveQueue(db, 'd')
    for (let i = 0; i < 50; i++) queue.putRows([row('r1', `v${i}`)])
    queue.putRows([row('r2', 'a'), row('r1', 'last')])
    expect(queue.state).toBe('saving')
    expect(await queue.flush()).toEqual({ ok: true })
    expect(db.calls).toEqual([[{ type: 'put', rows: [row('r1', 'last'), row('r2', 'a')] }]])
    expect(queue.state).toBe('idle')
  })

  it('starts writing once the current task’s code has run, before any timer, with all it was handed', async () => {
    const db = recordingDb()
    const queue = createSaveQueue(db, 'd')
    const timerSawCalls = new Promise<number>((resolve) => setTimeout(() => resolve(db.calls.length), 0))
    queue.putRows([row('r1', 'a')])
    queue.putMeta({ name: '新名' })
    expect(db.calls).toHaveLength(0)
    await Promise.resolve()
    expect(db.calls).toHaveLength(1)
    expect(db.calls[0]!.map((c) => c.type)).toEqual(['put', 'meta'])
    expect(await timerSawCalls).toBe(1)
  })

  it('keeps structural changes in order between row writes', async () => {
    const db = recordingDb()
    const queue = createSaveQueue(db, 'd')
    queue.insertRows([row('n1', '')], 'r1')
    queue.putRows([row('n1', '填了')])
    queue.deleteRows(['r2'])
    queue.putRows([row('r3', 'x')])
    queue.putMeta({ name: 'a' })
    queue.putMeta({ title: 'b' })
    await queue.flush()
    expect(db.calls).toEqual([[
      { type: 'insert', rows: [row('n1', '')], afterRowId: 'r1' },
      { type: 'put', rows: [row('n1', '填了')] },
      { type: 'delete', rowIds: ['r2'] },
      { type: 'put', rows: [row('r3', 'x')] },
      { type: 'meta', patch: { name: 'a', title: 'b' } },
    ]])
  })

  it('writes on its own after the delay, and copies rows so later mutation does not leak in', async () => {
    vi.useFakeTimers()
    try {
      const db = recordingDb()
      const queue = createSaveQueue(db, 'd', { delayMs: 200 })
      const r = row('r1', 'before')
      queue.putRows([r])
      r.cells.task = 'mutated after hand-in'
      await vi.advanceTimersByTimeAsync(199)
      expect(db.calls).toHaveLength(0)
      await vi.advanceTimersByTimeAsync(1)
      expect(db.calls).toEqual([[{ type: 'put', rows: [row('r1', 'before')] }]])
    } finally {
      vi.useRealTimers()
    }
  })

  it('flush waits for a write in flight and then writes what came meanwhile, in order', async () => {
    const db = recordingDb()
    const queue = createSaveQueue(db, 'd')
    const states: SaveState[] = []
    queue.subscribe((s) => states.push(s))
    db.holdNext()
    queue.putRows([row('r1', 'first')])
    const first = queue.flush()
    queue.putRows([row('r1', 'second')])
    const second = queue.flush()
    let secondDone = false
    void second.then(() => { secondDone = true })
    await new Promise((r) => setTimeout(r, 5))
    expect(secondDone).toBe(false)
    db.releaseHeld()
    await Promise.all([first, second])
    expect(db.calls.map((c) => (c[0] as unknown as { rows: TaskRow[] }).rows[0]!.cells.task)).toEqual(['first', 'second'])
    expect(states.at(-1)).toBe('idle')
    expect(states).toContain('saving')
  })

  it('reports an error, keeps the failed edits and retries them before newer ones', async () => {
    const quota = storageFailure('quota')
    const db = recordingDb([quota])
    const queue = createSaveQueue(db, 'd')
    const seen: [SaveState, string | null][] = []
    queue.subscribe((s, e) => seen.push([s, e?.kind ?? null]))
    queue.putRows([row('r1', 'a'), row('r2', 'b')])
    expect(await queue.flush()).toEqual(quota)
    expect(queue.state).toBe('error')
    expect(queue.lastError).toEqual(quota)
    queue.putRows([row('r1', 'newer')])
    expect(queue.state).toBe('error') // stays visible until a write succeeds
    expect(await queue.flush()).toEqual({ ok: true })
    expect(db.calls[1]).toEqual([{ type: 'put', rows: [row('r1', 'newer'), row('r2', 'b')] }])
    expect(queue.state).toBe('idle')
    expect(seen).toEqual([['saving', null], ['error', 'quota'], ['idle', null]])
  })

  it('lands edits in IndexedDB, one transaction per flush', async () => {
    const opened = await openDraftDatabase('jindu-queue-test')
    if (!opened.ok) throw new Error(opened.kind)
    const db: DraftDatabase = opened.db
    const doc: TaskDocument = {
      schemaVersion: DOCUMENT_SCHEMA_VERSION, id: 'q', name: 'q', sourceFile: null, sheetName: null, title: null, preamble: [],
      header: { rows: [['工作事项']], merges: [] }, columns: [{ id: 'task', header: '工作事项', role: 'task' }],
      rows: [row('r1', '一'), row('r2', '二')], settings: defaultSettings(), suggestedAsOf: null, createdAt: 1, updatedAt: 1,
    }
    await db.createDraft(doc)
    const spy = vi.spyOn(db, 'applyChanges')
    const queue = createSaveQueue(db, 'q')
    queue.putRows([row('r1', '一改')])
    queue.insertRows([row('r3', '三')], 'r1')
    queue.putRows([row('r2', '二改')])
    queue.putRowOrder(['r2'])
    expect(await queue.flush()).toEqual({ ok: true })
    expect(spy).toHaveBeenCalledTimes(1)
    const loaded = await db.loadDraft('q')
    expect(loaded.ok && loaded.doc.rows).toEqual([row('r2', '二改'), row('r1', '一改'), row('r3', '三')])
    db.close()
  })
})
