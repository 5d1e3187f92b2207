// Autosave for one open draft: edits coalesce (latest row version wins) and land in one transaction per tick, in order.
import type { TaskRow } from '../core'
import { plainRow, type DraftChange, type DraftDatabase } from './draftDatabase'
import type { SaveResult, StorageFailure } from './results'
import type { DraftMetaPatch } from './schema'

export type SaveState = 'idle' | 'saving' | 'error'

export type SaveStateListener = (state: SaveState, error: StorageFailure | null) => void

export interface SaveQueue {
  /** idle: everything handed in is stored (已保存); saving: some is not yet (保存中); error: the last write failed, edits kept for retry. */
  readonly state: SaveState
  readonly lastError: StorageFailure | null
  putRows(rows: readonly TaskRow[]): void
  insertRows(rows: readonly TaskRow[], afterRowId: string | null): void
  deleteRows(rowIds: readonly string[]): void
  putRowOrder(rowIds: readonly string[]): void
  putMeta(patch: DraftMetaPatch): void
  /** Writes everything handed in so far; resolves when it is durable (or failed). For pagehide / visibilitychange. */
  flush(): Promise<SaveResult>
  subscribe(listener: SaveStateListener): () => void
}

export interface SaveQueueOptions {
  /** Wait before writing, so a burst of edits becomes one transaction. 0 = once the current task's code has run. */
  delayMs?: number
}

/** Puts coalesce into one map while no structural change comes between them; everything else keeps its place. */
type QueuedChange = { type: 'put'; rows: Map<string, TaskRow> } | Exclude<DraftChange, { type: 'put' }>

function append(queue: QueuedChange[], change: QueuedChange): void {
  const last = queue.at(-1)
  if (change.type === 'put' && last?.type === 'put') {
    for (const [id, row] of change.rows) last.rows.set(id, row)
  } else if (change.type === 'meta' && last?.type === 'meta') {
    queue[queue.length - 1] = { type: 'meta', patch: { ...last.patch, ...change.patch } }
  } else {
    queue.push(change)
  }
}

function toChanges(queue: readonly QueuedChange[]): DraftChange[] {
  return queue.map((c) => (c.type === 'put' ? { type: 'put', rows: [...c.rows.values()] } : c))
}

export function createSaveQueue(
  db: Pick<DraftDatabase, 'applyChanges'>, draftId: string, options: SaveQueueOptions = {},
): SaveQueue {
  const delayMs = options.delayMs ?? 0
  let pending: QueuedChange[] = []
  let running: Promise<SaveResult> | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  let state: SaveState = 'idle'
  let lastError: StorageFailure | null = null
  const listeners = new Set<SaveStateListener>()

  const setState = (next: SaveState, error: StorageFailure | null): void => {
    if (next === state && error === lastError) return
    state = next
    lastError = error
    for (const listener of listeners) listener(state, lastError)
  }

  let microtaskQueued = false
  const schedule = (): void => {
    if (delayMs <= 0) {
      // The write starts as soon as the edit's own code has run, ahead of the frame that draws
      // it: a timer would wait behind that frame and any task already queued (tens of ms with a
      // large grid on screen). Everything handed in during the same task still goes in one batch.
      if (microtaskQueued) return
      microtaskQueued = true
      queueMicrotask(() => { microtaskQueued = false; void flush() })
      return
    }
    if (timer !== null) return
    timer = setTimeout(() => {
      timer = null
      void flush()
    }, delayMs)
  }

  const enqueue = (change: QueuedChange): void => {
    append(pending, change)
    // An error stays visible until a write succeeds; otherwise there is now something unsaved.
    if (state !== 'error') setState('saving', null)
    schedule()
  }

  const run = async (batch: QueuedChange[]): Promise<SaveResult> => {
    try {
      const result = await db.applyChanges(draftId, toChanges(batch))
      if (!result.ok) {
        // Keep the failed edits ahead of newer ones, so a retry writes them in the original order.
        const retry: QueuedChange[] = []
        for (const change of [...batch, ...pending]) append(retry, change)
        pending = retry
        setState('error', result)
      } else {
        setState(pending.length ? 'saving' : 'idle', null)
      }
      return result
    } finally {
      running = null
    }
  }

  const flush = async (): Promise<SaveResult> => {
    if (timer !== null) {
      clearTimeout(timer)
      timer = null
    }
    for (;;) {
      if (running) {
        const result = await running
        if (!result.ok) return result
        continue
      }
      if (!pending.length) return lastError ?? { ok: true }
      const batch = pending
      pending = []
      running = run(batch)
    }
  }

  return {
    get state() { return state },
    get lastError() { return lastError },
    putRows(rows) {
      if (rows.length) enqueue({ type: 'put', rows: new Map(rows.map((r) => [r.id, plainRow(r)])) })
    },
    insertRows(rows, afterRowId) {
      if (rows.length) enqueue({ type: 'insert', rows: rows.map(plainRow), afterRowId })
    },
    deleteRows(rowIds) {
      if (rowIds.length) enqueue({ type: 'delete', rowIds: [...rowIds] })
    },
    putRowOrder(rowIds) {
      enqueue({ type: 'order', rowIds: [...rowIds] })
    },
    putMeta(patch) {
      enqueue({ type: 'meta', patch: { ...patch } })
    },
    flush,
    subscribe(listener) {
      listeners.add(listener)
      return () => { listeners.delete(listener) }
    },
  }
}
