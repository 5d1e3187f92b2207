// The IndexedDB connection of the drafts: write order per draft, one transaction per write, closing when another tab upgrades.
import { classifyStorageError, storageFailure, type StorageFailure, type WriteResult } from './results'
import { quiet, type ReadResult, type RwTx, type Stores } from './draftRecords'
import type { DraftMeta, JinduDatabase } from './schema'

/**
 * Every request of the write is made: the database commits as soon as they are done. Left to
 * itself, a transaction commits only after the page has handled each request's success event,
 * and those wait for the page's thread (the frame that draws the edit, the grid's own work): a
 * cell edit's save finished one round trip through a busy thread later. A transaction that
 * already finished (or a browser without commit()) has nothing more to do.
 */
function commitNow(tx: { commit?: () => void }): void {
  try { tx.commit?.() } catch { /* finished already: tx.done says how */ }
}

/** The connection and its plumbing: per-draft write order, one transaction per write, failures as values. */
export class DraftConnection {
  /** Per-draft write chains: a later write starts only after the earlier one settled, so it lands last. */
  protected readonly chains = new Map<string, Promise<unknown>>()
  protected closedReason: StorageFailure | null = null
  /**
   * The draft last stored or loaded whole, as this connection knows it is stored: its record and
   * its rows' order keys. A cell edit then writes its row and the record without reading them
   * first: each read is a round trip that waits for the page's thread, and it was most of an
   * edit's save time. Kept current by every change this class writes (after it commits);
   * dropped by writes whose outcome it does not follow, which then read as before. Another tab
   * writes a draft only after taking its lock, and this tab reloads the draft before it writes again.
   */
  protected known: { draftId: string; meta: DraftMeta; orders: Map<string, number> } | null = null

  protected forget(draftId: string): void {
    if (this.known?.draftId === draftId) this.known = null
  }

  constructor(readonly idb: JinduDatabase) {}

  /** Called when another tab upgrades the database or the browser drops the connection. */
  markClosed(failure: StorageFailure): void {
    this.closedReason = failure
    this.idb.close()
  }

  close(): void {
    this.markClosed(storageFailure('unavailable', 'closed'))
  }

  protected readonly outdatedListeners = new Set<() => unknown>()

  /** `listener` runs when another tab upgrades the database, before this connection closes: the last chance to write. */
  onOutdated(listener: () => unknown): () => void {
    this.outdatedListeners.add(listener)
    return () => { this.outdatedListeners.delete(listener) }
  }

  /**
   * Another tab wants a newer layout. The upgrade waits until this connection closes, so the
   * listeners first finish what they have to write (bounded: the other tab is waiting); every
   * later call then reports 'outdated', which the page answers by offering to reload.
   */
  async stepAside(waitMs = 3000): Promise<void> {
    const work = Promise.allSettled([...this.outdatedListeners].map(async (listener) => { await listener() }))
    await Promise.race([work, new Promise((resolve) => setTimeout(resolve, waitMs))])
    this.markClosed(storageFailure('outdated'))
  }

  // ——— plumbing ———

  protected serial<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.chains.get(key)
    // With nothing ahead, the work starts now: its transaction and first requests are made before
    // the caller's task goes on (to draw the edit), so the database works meanwhile.
    const next = previous ? previous.then(work, work) : work()
    const tail = next.catch(() => undefined)
    this.chains.set(key, tail)
    void tail.then(() => { if (this.chains.get(key) === tail) this.chains.delete(key) })
    return next
  }

  /** Runs `work` in one readwrite transaction; any throw aborts it, so nothing half-written commits. */
  protected async write<S extends Stores, T extends object>(
    stores: S, work: (tx: RwTx<S>) => Promise<WriteResult<T>>,
  ): Promise<WriteResult<T>> {
    if (this.closedReason) return this.closedReason
    let tx: RwTx<S>
    try {
      tx = this.idb.transaction(stores, 'readwrite')
    } catch (error) {
      return classifyStorageError(error)
    }
    try {
      const result = await work(tx)
      if (!result.ok) {
        tx.abort()
        quiet(tx.done)
        return result
      }
      commitNow(tx)
      await tx.done
      return result
    } catch (error) {
      try { tx.abort() } catch { /* already finished */ }
      quiet(tx.done)
      // An AbortError from tx.done hides the reason; the transaction's own error names it (e.g. quota).
      const reason = tx.error && (error as { name?: string })?.name === 'AbortError' ? tx.error : error
      return classifyStorageError(reason)
    }
  }

  protected async read<T extends object>(work: () => Promise<T>): Promise<ReadResult<T>> {
    if (this.closedReason) return this.closedReason
    try {
      return { ok: true, ...(await work()) }
    } catch (error) {
      return classifyStorageError(error)
    }
  }
}
