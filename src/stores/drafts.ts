// Drafts: which draft is open, autosave of every change, the draft list, versions, backups and the two-tab lock.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { CellChange, TaskDocument } from '../core'
import {
  DraftSession, estimateStorage, exportBackup, importBackup, openDraftDatabase, requestPersistence,
  type DraftDatabase, type DraftSummary, type QuarantineRecord, type SaveIndicator, type SnapshotMeta, type SnapshotReason,
} from '../storage'
import { useDocumentStore } from './document'
import { nextPaint } from './frames'
import { useUiStore } from './ui'
import { useLocaleStore } from './locale'
import { storageFailureText } from './storageWords'

export type { SaveIndicator }

export const useDraftStore = defineStore('drafts', () => {
  const docs = useDocumentStore()
  const ui = useUiStore()
  const i18n = useLocaleStore()

  let db: DraftDatabase | null = null
  let session = new DraftSession(null)
  const currentId = ref<string | null>(null)
  const saveState = ref<SaveIndicator>('saved')
  const saveError = ref('')
  const list = shallowRef<DraftSummary[]>([])
  const snapshots = shallowRef<SnapshotMeta[]>([])
  const quarantine = shallowRef<QuarantineRecord[]>([])
  const storage = ref<{ usage: number; quota: number } | null>(null)
  const started = ref(false)

  const message = storageFailureText

  function reloadPage() { window.location.reload() }

  function createSession(database: DraftDatabase | null): DraftSession {
    return new DraftSession(database, {
      onSaveState: (state, failure, firstOfKind) => {
        saveState.value = state
        if (failure) {
          saveError.value = message(failure)
          // A retry that fails the same way says nothing new: one notice per kind of failure.
          if (firstOfKind) {
            const action = failure.kind === 'outdated' ? { label: i18n.t('storage.reload'), run: reloadPage } : undefined
            ui.notify('error', message(failure), action)
          }
        } else if (state === 'saved') {
          performance.mark('jindu:saved')
        }
      },
      onLockLost: () => {
        docs.setReadOnly(true)
        ui.notify('info', i18n.t('save.readOnly'))
      },
      onLockReleased: () => ui.notify('info', i18n.t('storage.lockReleased')),
      onOutdated: () => {
        docs.setReadOnly(true)
        ui.notify('info', i18n.t('storage.outdated'), { label: i18n.t('storage.reload'), run: reloadPage }, 0)
      },
    })
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
      ui.notify('error', message(opened), opened.kind === 'outdated' ? { label: i18n.t('storage.reload'), run: reloadPage } : undefined)
    } else {
      db = opened.db
      void requestPersistence()
    }
    session = createSession(db)
    session.bindPage(window, document)
    docs.onChange((doc, before, changed, fresh) => {
      if (!db) { saveState.value = 'memory'; return }
      const rowIndex = docs.rowIndex
      session.record({ doc, before, changed, fresh, rowById: (id) => rowIndex.get(id), counts: docs.assessing === null ? docs.assessment.counts : null })
    })
    const last = await session.lastDraftId()
    if (last && (await openDraft(last))) { started.value = true; return true }
    const listed = db ? await db.listDrafts() : null
    const newest = listed?.ok ? listed.drafts[0] : undefined
    if (newest && (await openDraft(newest.id))) { started.value = true; return true }
    started.value = true
    return false
  }


  async function takeLock() {
    docs.setReadOnly(!(await session.takeLock()))
  }

  async function takeOver() {
    if (!currentId.value) return
    await session.stealLock()
    // The other tab may have saved since we loaded: reload before editing.
    await openDraft(currentId.value)
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
    await session.rememberLastDraft(loaded.doc.id)
    currentId.value = loaded.doc.id
    session.attach(loaded.doc.id, loaded.counts)
    docs.open(loaded.doc)
    // Repair set something aside: say how much, and where it is kept.
    if (loaded.problems.length) ui.notify('info', i18n.t('storage.setAside', { n: loaded.problems.length }), { label: i18n.t('storage.showSetAside'), run: () => ui.openPanel('drafts') }, 12000)
    await takeLock()
    return true
  }

  /** A new draft from an import (never replaces the open one, so nothing needs a snapshot). */
  async function createFromDocument(doc: TaskDocument): Promise<void> {
    await flush()
    // The previous draft's queue must not receive this document's edits.
    session.detach()
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
    session.attach(currentId.value, docs.assessment.counts)
    // Edits made while the list was being stored are written now, whole (a rare, short window).
    if (docs.doc && docs.doc !== written && docs.doc.id === currentId.value) await db.replaceDraft(docs.doc, { counts: docs.assessment.counts })
    await takeLock()
    await session.rememberLastDraft(currentId.value)
    saveState.value = 'saved'
  }

  async function flush() {
    await session.flush()
  }

  /** True while an edit is not stored yet (pending, being written, or failed). */
  function hasUnsaved(): boolean {
    return session.hasUnsaved()
  }

  /**
   * The page is leaving with this text in open cell editors: the session keeps it where a reload
   * finds it, and it becomes an edit now (the write may not finish before the page ends).
   */
  function keepOpenEdits(edits: CellChange[]) {
    const id = docs.doc?.id
    if (id) session.keepOpenEdits(id, edits)
    docs.setCells(edits)
  }

  /** Applies what open editors held when the page last left before storage had it, to the open draft, once. */
  function applyRescuedEdits() {
    const id = docs.doc?.id
    if (!id) return
    const rows = docs.rowIndex
    const edits = session.takeRescuedEdits(id).filter((e) => { const row = rows.get(e.rowId); return row !== undefined && (row.cells[e.colId] ?? '') !== e.value })
    docs.setCells(edits)
  }

  async function refreshList() {
    if (!db) { list.value = []; return }
    const listed = await db.listDrafts()
    list.value = listed.ok ? listed.drafts : []
    storage.value = await estimateStorage()
  }

  /** Changes the name only: the open draft keeps its undo history, assessment and grid. */
  async function renameDraft(id: string, name: string) {
    const trimmed = name.trim()
    if (!db || !trimmed) return
    if (id === currentId.value) docs.setName(trimmed)
    const renamed = await session.rename(id, trimmed)
    if (!renamed.ok) ui.notify('error', message(renamed))
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
    if (id === currentId.value) { currentId.value = null; session.detach(); docs.open(null) }
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

  /** A version's document, read only (the overview compares with it); null when it cannot be read. */
  async function readSnapshot(snapshotId: string): Promise<TaskDocument | null> {
    if (!db) return null
    const loaded = await db.loadSnapshot(snapshotId)
    return loaded.ok ? loaded.doc : null
  }

  /** Another draft's document, read only, without opening it (the overview compares with it). */
  async function readDraft(draftId: string): Promise<TaskDocument | null> {
    if (!db) return null
    const loaded = await db.loadDraft(draftId)
    return loaded.ok ? loaded.doc : null
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
    ui.notify('success', i18n.t('storage.backupRestored', { n: result.imported }))
  }

  async function refreshQuarantine() {
    if (!db) { quarantine.value = []; return }
    const listed = await db.listQuarantine()
    quarantine.value = listed.ok ? [...listed.records].sort((a, b) => b.at - a.at) : []
  }

  /** Brings what repair set aside back as a new draft (the record stays in quarantine). */
  async function restoreQuarantined(id: string) {
    if (!db) return
    const restored = await db.restoreQuarantined(id)
    if (!restored.ok) { ui.notify('error', message(restored)); return }
    await refreshList()
    ui.notify('success', i18n.t('storage.quarantineRestored', { rows: restored.rowCount }))
  }

  async function getSetting<T>(key: string): Promise<T | undefined> {
    return session.getSetting<T>(key)
  }
  async function putSetting(key: string, value: unknown) {
    await session.putSetting(key, value)
  }

  return {
    getSetting, putSetting,
    currentId, saveState, saveError, list, snapshots, quarantine, storage, started,
    hasUnsaved, keepOpenEdits, applyRescuedEdits, refreshQuarantine, restoreQuarantined,
    start, openDraft, createFromDocument, flush, refreshList, renameDraft, duplicateDraft, deleteDraft,
    takeSnapshot, refreshSnapshots, restoreSnapshot, readSnapshot, readDraft, backupAll, restoreBackup, takeOver,
  }
})
