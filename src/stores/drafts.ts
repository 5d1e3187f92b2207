// Drafts: which draft is open, autosave of every change, the draft list, versions, backups and the two-tab lock.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { StateCounts, TaskDocument, TaskRow } from '../core'
import type { Changed } from '../core'
import {
  acquireDraftLock, createSaveQueue, estimateStorage, exportBackup, importBackup, openDraftDatabase, requestPersistence,
  type DraftDatabase, type DraftLock, type DraftSummary, type SaveQueue, type SnapshotMeta, type SnapshotReason,
} from '../storage'
import { useDocumentStore } from './document'
import { nextPaint } from './frames'
import { useUiStore } from './ui'
import { useLocaleStore } from './locale'

export type SaveIndicator = 'saved' | 'saving' | 'error' | 'memory'

const LAST_DRAFT = 'lastDraftId'

export const useDraftStore = defineStore('drafts', () => {
  const docs = useDocumentStore()
  const ui = useUiStore()
  const i18n = useLocaleStore()

  let db: DraftDatabase | null = null
  let queue: SaveQueue | null = null
  let lock: DraftLock | null = null
  const currentId = ref<string | null>(null)
  const saveState = ref<SaveIndicator>('saved')
  const saveError = ref('')
  const list = shallowRef<DraftSummary[]>([])
  const snapshots = shallowRef<SnapshotMeta[]>([])
  const storage = ref<{ usage: number; quota: number } | null>(null)
  const started = ref(false)
  let lastCounts = ''

  function message(failure: { message: string; messageEn: string }): string {
    return i18n.locale === 'en' ? failure.messageEn : failure.message
  }

  /**
   * Opens the last draft (or the newest) and says whether there was one; the app shell then
   * warms the import worker or opens the bundled sample. The import store depends on this one,
   * never the other way round.
   */
  async function start(): Promise<boolean> {
    const opened = await openDraftDatabase()
    if (!opened.ok) {
      saveState.value = 'memory'
      ui.notify('error', message(opened))
    } else {
      db = opened.db
      void requestPersistence()
    }
    docs.onChange(persist)
    const last = db ? await db.getSetting<string>(LAST_DRAFT) : undefined
    if (last && (await openDraft(last))) { started.value = true; return true }
    const listed = db ? await db.listDrafts() : null
    const newest = listed?.ok ? listed.drafts[0] : undefined
    if (newest && (await openDraft(newest.id))) { started.value = true; return true }
    started.value = true
    return false
  }

  async function releaseLock() {
    lock?.release()
    lock = null
  }

  async function takeLock(id: string) {
    await releaseLock()
    lock = await acquireDraftLock(id, {
      onLost: () => {
        docs.setReadOnly(true)
        ui.notify('info', i18n.t('save.readOnly'))
      },
      onReleased: () => ui.notify('info', i18n.locale === 'en' ? 'The other tab closed this draft: you can edit it here.' : '另一个标签页已关闭此草稿，可以在此编辑。'),
    })
    docs.setReadOnly(!lock.owned)
  }

  async function takeOver() {
    if (!currentId.value || !lock) return
    await lock.steal()
    // The other tab may have saved since we loaded: reload before editing.
    await openDraft(currentId.value)
  }

  function attachQueue(id: string) {
    queue = db ? createSaveQueue(db, id) : null
    queue?.subscribe((state, error) => {
      if (state === 'error' && error) {
        saveState.value = 'error'
        saveError.value = message(error)
        ui.notify('error', message(error))
      } else {
        saveState.value = state === 'saving' ? 'saving' : 'saved'
        if (state === 'idle') performance.mark('jindu:saved')
      }
    })
  }

  async function openDraft(id: string): Promise<boolean> {
    if (!db) return false
    await flush()
    const loaded = await db.loadDraft(id)
    if (!loaded.ok) {
      if (loaded.kind !== 'not-found') ui.notify('error', message(loaded))
      return false
    }
    // Remembered before it shows, so a reload right after returns to this draft.
    await db.putSetting(LAST_DRAFT, loaded.doc.id)
    currentId.value = loaded.doc.id
    attachQueue(loaded.doc.id)
    docs.open(loaded.doc)
    await takeLock(loaded.doc.id)
    return true
  }

  /** A new draft from an import (never replaces the open one, so nothing needs a snapshot). */
  async function createFromDocument(doc: TaskDocument): Promise<void> {
    await flush()
    // The previous draft's queue must not receive this document's edits.
    queue = null
    await releaseLock()
    docs.open(doc)
    currentId.value = doc.id
    if (!db) { saveState.value = 'memory'; return }
    // Paint first: storing a large list clones every row on this thread, which would hold the
    // first frame back; until it lands the indicator says 保存中.
    saveState.value = 'saving'
    await nextPaint()
    const written = docs.doc ?? doc
    const created = await db.createDraft(written, { counts: docs.assessment.counts })
    if (!created.ok) {
      saveState.value = 'error'
      saveError.value = message(created)
      ui.notify('error', message(created))
      return
    }
    if (created.id !== doc.id) { docs.open({ ...written, id: created.id }); currentId.value = created.id }
    attachQueue(currentId.value)
    // Edits made while the list was being stored are written now, whole (a rare, short window).
    if (docs.doc && docs.doc !== written && docs.doc.id === currentId.value) await db.replaceDraft(docs.doc, { counts: docs.assessment.counts })
    await takeLock(currentId.value)
    await db.putSetting(LAST_DRAFT, currentId.value)
    saveState.value = 'saved'
  }

  /** Hands exactly what changed to the save queue: a cell edit writes one row. */
  function persist(doc: TaskDocument, before: TaskDocument, changed: Changed, fresh: ReadonlySet<string>) {
    if (!queue || doc.id !== currentId.value) {
      if (!db) saveState.value = 'memory'
      return
    }
    if (changed.removedRows.length) queue.deleteRows(changed.removedRows)
    if (changed.rows.length) {
      const put: TaskRow[] = []
      if (fresh.size === 0) {
        const byId = docs.rowIndex
        for (const id of changed.rows) { const row = byId.get(id); if (row) put.push(row) }
      } else {
        // New rows go after their predecessor in the new order; a run of new rows is one insert.
        const touched = new Set(changed.rows)
        let run: TaskRow[] = []
        let runAfter: string | null = null
        let previous: string | null = null
        const endRun = () => { if (run.length) queue!.insertRows(run, runAfter); run = [] }
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
    const counts = docs.assessment.counts
    const key = JSON.stringify(counts)
    if (!changed.meta && key !== lastCounts && docs.assessing === null) {
      lastCounts = key
      queue.putMeta({ counts: { ...counts } })
    }
    if (changed.meta) {
      lastCounts = key
      queue.putMeta({
        name: doc.name, title: doc.title, preamble: doc.preamble, header: doc.header, columns: doc.columns,
        settings: doc.settings, suggestedAsOf: doc.suggestedAsOf, counts: docs.assessment.counts as StateCounts,
      })
      if (before.rows.length === doc.rows.length && changed.removedRows.length === 0) {
        let moved = false
        for (let i = 0; i < doc.rows.length && !moved; i++) moved = doc.rows[i]!.id !== before.rows[i]!.id
        if (moved) queue.putRowOrder(doc.rows.map((r) => r.id))
      }
    }
    // This command's writes are all queued: start them now, while the grid draws the edit.
    void queue.flush()
  }

  async function flush() {
    if (queue) await queue.flush()
  }

  async function refreshList() {
    if (!db) { list.value = []; return }
    const listed = await db.listDrafts()
    list.value = listed.ok ? listed.drafts : []
    storage.value = await estimateStorage()
  }

  async function renameDraft(id: string, name: string) {
    if (!db || !name.trim()) return
    if (id === currentId.value && docs.doc) docs.open({ ...docs.doc, name: name.trim() }, { readOnly: docs.readOnly })
    await db.renameDraft(id, name.trim())
    await refreshList()
  }

  async function duplicateDraft(id: string) {
    if (!db) return
    await flush()
    await db.duplicateDraft(id)
    await refreshList()
  }

  async function deleteDraft(id: string) {
    if (!db) return
    await flush()
    const name = list.value.find((d) => d.id === id)?.name ?? ''
    const deleted = await db.deleteDraft(id)
    if (!deleted.ok) { ui.notify('error', message(deleted)); return }
    if (id === currentId.value) { currentId.value = null; queue = null; await releaseLock(); docs.open(null) }
    await refreshList()
    ui.notify('info', i18n.t('drafts.deleted', { name }), {
      label: i18n.t('drafts.undoDelete'),
      run: () => { void db!.restoreDeletedDraft(deleted.trashId).then(() => refreshList()) },
    }, 12000)
  }

  async function takeSnapshot(name: string, reason: SnapshotReason = 'manual') {
    if (!db || !currentId.value) return
    await flush()
    await db.takeSnapshot(currentId.value, name, reason)
    await refreshSnapshots()
  }

  async function refreshSnapshots() {
    if (!db || !currentId.value) { snapshots.value = []; return }
    const listed = await db.listSnapshots(currentId.value)
    snapshots.value = listed.ok ? listed.snapshots : []
  }

  async function restoreSnapshot(snapshotId: string) {
    if (!db) return
    await flush()
    const restored = await db.restoreSnapshot(snapshotId)
    if (!restored.ok) { ui.notify('error', message(restored)); return }
    await openDraft(restored.draftId)
    await refreshSnapshots()
  }

  async function backupAll(): Promise<{ name: string; text: string } | null> {
    if (!db) return null
    await flush()
    const backup = await exportBackup(db)
    if (!backup.ok) { ui.notify('error', message(backup)); return null }
    const stamp = new Date().toISOString().slice(0, 10)
    return { name: `进度草稿备份_${stamp}.json`, text: backup.text }
  }

  async function restoreBackup(bytes: Uint8Array) {
    if (!db) return
    const result = await importBackup(db, bytes)
    if (!result.ok) { ui.notify('error', message(result)); return }
    await refreshList()
    ui.notify('success', i18n.locale === 'en' ? `Restored ${result.imported} drafts` : `已恢复 ${result.imported} 份草稿`)
  }

  async function getSetting<T>(key: string): Promise<T | undefined> {
    return db ? db.getSetting<T>(key) : undefined
  }
  async function putSetting(key: string, value: unknown) {
    if (db) await db.putSetting(key, value)
  }

  return {
    getSetting, putSetting,
    currentId, saveState, saveError, list, snapshots, storage, started,
    start, openDraft, createFromDocument, flush, refreshList, renameDraft, duplicateDraft, deleteDraft,
    takeSnapshot, refreshSnapshots, restoreSnapshot, backupAll, restoreBackup, takeOver,
  }
})
