// Autosave of the open draft, storage-side: the save queue, the tab lock, flush on hide, the unsaved-edits warning, the rescue of open editors' text and the settings keys.
import type { CellChange, StateCounts, TaskDocument, TaskRow } from '../core'
import type { Changed } from '../core/commands'
import type { DraftDatabase } from './draftDatabase'
import { acquireDraftLock, type DraftLock, type DraftLockOptions } from './draftLock'
import type { SaveResult, StorageFailure, StorageFailureKind } from './results'
import { createEditRescue, type EditRescue, type KeyValueStore } from './editRescue'
import { createSaveQueue, type SaveQueue } from './saveQueue'
import { SETTING_LAST_DRAFT, pageStorage } from './settingKeys'

/** What the save indicator shows: memory = no storage, edits live only in this page. */
export type SaveIndicator = 'saved' | 'saving' | 'error' | 'memory'

/** One committed document change, as the document store reports it, with what the session cannot know itself. */
export interface DocumentChange {
  doc: TaskDocument
  before: TaskDocument
  changed: Changed
  /** Ids of rows that did not exist before this change. */
  fresh: ReadonlySet<string>
  /** The rows by id after the change (the document store keeps this index). */
  rowById(id: string): TaskRow | undefined
  /** State counts for the draft list; null while they are still being computed. */
  counts: StateCounts | null
}

export interface DraftSessionEvents {
  /** `firstOfKind`: the first failure of this kind since the last good save (retries fail alike: say it once). */
  onSaveState?(state: SaveIndicator, failure: StorageFailure | null, firstOfKind: boolean): void
  onLockLost?(): void
  onLockReleased?(): void
  /** Another tab upgraded the database; pending writes went out first. The page should offer to reload. */
  onOutdated?(): void
}

export interface DraftSessionOptions {
  lock?: Pick<DraftLockOptions, 'locks' | 'openChannel'>
  /** Where open editors' text is kept as the page leaves (default: the page's localStorage; null: nowhere). */
  rescueStore?: KeyValueStore | null
}

type PageTarget = Pick<Window, 'addEventListener' | 'removeEventListener'>
type DocTarget = Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>

export class DraftSession {
  private queue: SaveQueue | null = null
  private lock: DraftLock | null = null
  private draftId: string | null = null
  private lastCounts = ''
  private notifiedKind: StorageFailureKind | null = null
  private state: SaveIndicator
  private readonly rescue: EditRescue

  constructor(readonly db: DraftDatabase | null, private readonly events: DraftSessionEvents = {}, private readonly options: DraftSessionOptions = {}) {
    this.state = db ? 'saved' : 'memory'
    this.rescue = createEditRescue(options.rescueStore === undefined ? pageStorage() : options.rescueStore)
    db?.onOutdated(async () => {
      await this.flush()
      this.events.onOutdated?.()
    })
  }

  get currentId(): string | null { return this.draftId }
  get saveState(): SaveIndicator { return this.state }
  get owned(): boolean { return this.lock?.owned ?? true }

  /** True while an edit handed in is not known to be stored: pending, being written, or failed. */
  hasUnsaved(): boolean {
    return this.state === 'saving' || this.state === 'error' || (this.queue !== null && this.queue.state !== 'idle')
  }

  private setState(state: SaveIndicator, failure: StorageFailure | null): void {
    this.state = state
    let first = false
    if (failure) {
      first = failure.kind !== this.notifiedKind
      this.notifiedKind = failure.kind
    } else if (state === 'saved') {
      this.notifiedKind = null
      // Whatever open editors held as the page left is stored now.
      this.rescue.clear()
    }
    this.events.onSaveState?.(state, failure, first)
  }

  /** From now on changes are written to `draftId` (already stored); no lock is taken here. */
  attach(draftId: string, counts?: StateCounts): void {
    this.draftId = draftId
    this.lastCounts = counts ? JSON.stringify(counts) : ''
    this.queue = this.db ? createSaveQueue(this.db, draftId) : null
    this.queue?.subscribe((state, error) => {
      if (state === 'error' && error) this.setState('error', error)
      else this.setState(state === 'saving' ? 'saving' : 'saved', null)
    })
  }

  /** No draft is open any more: later changes are not written anywhere. */
  detach(): void {
    this.draftId = null
    this.queue = null
    this.releaseLock()
  }

  /** Becomes (or not) the editing tab of the attached draft; returns whether this tab may edit. */
  async takeLock(): Promise<boolean> {
    // Reopening the draft this tab already edits (after a take-over, a restore) keeps its lock:
    // releasing and asking again could find it not yet released and leave this tab read-only.
    if (this.lock && this.lock.draftId === this.draftId && this.lock.owned) return true
    this.releaseLock()
    if (!this.draftId) return true
    this.lock = await acquireDraftLock(this.draftId, {
      ...this.options.lock,
      onLost: () => this.events.onLockLost?.(),
      onReleased: () => this.events.onLockReleased?.(),
    })
    return this.lock.owned
  }

  async stealLock(): Promise<void> {
    await this.lock?.steal()
  }

  releaseLock(): void {
    this.lock?.release()
    this.lock = null
  }

  /** Turns one document change into storage writes: a cell edit writes one row. */
  record(change: DocumentChange): void {
    const queue = this.queue
    if (!queue || change.doc.id !== this.draftId) return
    const { doc, before, changed, fresh } = change
    if (changed.removedRows.length) queue.deleteRows(changed.removedRows)
    if (changed.rows.length) {
      const put: TaskRow[] = []
      if (fresh.size === 0) {
        for (const id of changed.rows) { const row = change.rowById(id); if (row) put.push(row) }
      } else {
        // New rows go after their predecessor in the new order; a run of new rows is one insert.
        const touched = new Set(changed.rows)
        let run: TaskRow[] = []
        let runAfter: string | null = null
        let previous: string | null = null
        const endRun = (): void => { if (run.length) queue.insertRows(run, runAfter); run = [] }
        for (const row of doc.rows) {
          if (fresh.has(row.id)) { if (run.length === 0) runAfter = previous; run.push(row) }
          else { endRun(); if (touched.has(row.id)) put.push(row) }
          previous = row.id
        }
        endRun()
      }
      if (put.length) queue.putRows(put)
    }
    // The draft list shows state counts: keep them current with a tiny meta patch when they move.
    const countsKey = change.counts ? JSON.stringify(change.counts) : this.lastCounts
    if (!changed.meta && change.counts && countsKey !== this.lastCounts) {
      this.lastCounts = countsKey
      queue.putMeta({ counts: { ...change.counts } })
    }
    if (changed.meta) {
      this.lastCounts = countsKey
      queue.putMeta({
        name: doc.name, title: doc.title, preamble: doc.preamble, header: doc.header, columns: doc.columns,
        settings: doc.settings, suggestedAsOf: doc.suggestedAsOf, ...(change.counts ? { counts: { ...change.counts } } : {}),
      })
      if (before.rows.length === doc.rows.length && changed.removedRows.length === 0) {
        let moved = false
        for (let i = 0; i < doc.rows.length && !moved; i++) moved = doc.rows[i]!.id !== before.rows[i]!.id
        if (moved) queue.putRowOrder(doc.rows.map((r) => r.id))
      }
    }
    // This change's writes are all queued: start them now, while the grid draws the edit.
    void queue.flush()
  }

  /** Renames a draft: only its name is written (the open draft keeps its rows, undo and assessment). */
  rename(draftId: string, name: string): Promise<SaveResult> {
    if (draftId === this.draftId && this.queue) {
      this.queue.putMeta({ name })
      return this.queue.flush()
    }
    return this.db ? this.db.renameDraft(draftId, name) : Promise.resolve({ ok: true })
  }

  /**
   * The page is leaving with these edits still in open editors: they are kept synchronously
   * (IndexedDB may not finish before the page ends) until a save completes. The caller then hands
   * them in as an ordinary edit.
   */
  keepOpenEdits(docId: string, edits: readonly CellChange[]): void {
    this.rescue.keep(docId, edits)
  }

  /** What open editors held when the page last left before storage had it, for `docId`; taken once. */
  takeRescuedEdits(docId: string): CellChange[] {
    return this.rescue.takeFor(docId)
  }

  async flush(): Promise<SaveResult> {
    return this.queue ? this.queue.flush() : { ok: true }
  }

  /**
   * Flushes when the page is hidden or closed (the last chance on mobile and on tab close) and
   * asks before the tab closes while an edit is unsaved. Returns a function that unbinds.
   */
  bindPage(win: PageTarget, doc: DocTarget): () => void {
    const onPageHide = (): void => { void this.flush() }
    const onVisibility = (): void => { if (doc.visibilityState === 'hidden') void this.flush() }
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      if (!this.hasUnsaved()) return
      void this.flush()
      event.preventDefault()
      // Older Chromium shows the prompt only when returnValue is set (a plain Event has it read-only).
      try { event.returnValue = '' } catch { /* preventDefault alone asks in current browsers */ }
    }
    win.addEventListener('pagehide', onPageHide)
    win.addEventListener('beforeunload', onBeforeUnload as EventListener)
    doc.addEventListener('visibilitychange', onVisibility)
    return () => {
      win.removeEventListener('pagehide', onPageHide)
      win.removeEventListener('beforeunload', onBeforeUnload as EventListener)
      doc.removeEventListener('visibilitychange', onVisibility)
    }
  }

  // ——— settings (every key is spelled in settingKeys.ts) ———

  async lastDraftId(): Promise<string | undefined> {
    const id = this.db ? await this.db.getSetting<unknown>(SETTING_LAST_DRAFT) : undefined
    return typeof id === 'string' ? id : undefined
  }

  async rememberLastDraft(id: string): Promise<void> {
    if (this.db) await this.db.putSetting(SETTING_LAST_DRAFT, id)
  }

  async getSetting<T>(key: string): Promise<T | undefined> {
    return this.db ? this.db.getSetting<T>(key) : undefined
  }

  async putSetting(key: string, value: unknown): Promise<void> {
    if (this.db) await this.db.putSetting(key, value)
  }
}
