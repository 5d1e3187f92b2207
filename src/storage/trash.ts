// Copies and the trash: deleting moves a draft whole, so it can come back.
import { newId, type TaskDocument } from '../core'
import { restoreDocument } from '../core/repairDocument'
import { countsOf, quiet, rowKeyRange, type ReadResult } from './draftRecords'
import { storageFailure, type WriteResult } from './results'
import type { TrashRecord } from './schema'
import { DraftVersions } from './versions'

export class DraftTrash extends DraftVersions {
  /** Copies a draft under a new id (rows keep their ids: they are unique per draft). */
  duplicateDraft(draftId: string, name?: string): Promise<WriteResult<{ id: string }>> {
    return this.loadDraft(draftId).then(async (loaded) => {
      if (!loaded.ok) return loaded.kind === 'not-found' || loaded.kind === 'damaged' || loaded.kind === 'newer' ? storageFailure('unknown', `draft ${loaded.kind}`) : { ...loaded, kind: loaded.kind }
      const now = Date.now()
      const copy: TaskDocument = { ...loaded.doc, id: newId('d'), name: name ?? `${loaded.doc.name} 副本`, createdAt: now, updatedAt: now }
      return this.createDraft(copy, loaded.counts ? { counts: loaded.counts } : {})
    })
  }

  /** Moves a draft to the trash (whole), so `restoreDeletedDraft(id)` can put it back. Its snapshots stay. */
  deleteDraft(draftId: string): Promise<WriteResult<{ trashId: string }>> {
    this.forget(draftId)
    return this.serial(draftId, () => this.write(['drafts', 'rows', 'trash'], async (tx) => {
      const stored = await this.readRaw(tx, draftId)
      if (stored === undefined) return storageFailure('unknown', `draft ${draftId} not found`)
      const repaired = restoreDocument(stored.assembled)
      // Even a damaged draft goes to the trash whole: deleting must never be the step that loses data.
      const document = repaired.doc ? { ...repaired.doc, id: draftId } : (stored.original as TaskDocument)
      const record: TrashRecord = { id: draftId, deletedAt: Date.now(), document }
      const counts = countsOf(stored.assembled)
      if (counts) record.counts = counts
      quiet(tx.objectStore('trash').put(record))
      quiet(tx.objectStore('rows').delete(rowKeyRange(draftId)))
      quiet(tx.objectStore('drafts').delete(draftId))
      return { ok: true, trashId: draftId }
    }))
  }

  /** Undoes deleteDraft. If the id was taken meanwhile the draft comes back under a new id. */
  restoreDeletedDraft(trashId: string): Promise<WriteResult<{ id: string }>> {
    return this.serial(trashId, () => this.write(['drafts', 'rows', 'trash'], async (tx) => {
      const record = await tx.objectStore('trash').get(trashId)
      if (!record) return storageFailure('unknown', `nothing in the trash under ${trashId}`)
      const repaired = restoreDocument(record.document)
      if (!repaired.doc) return storageFailure('unknown', repaired.problems.join('; '))
      const taken = await tx.objectStore('drafts').getKey(record.id)
      const doc = { ...repaired.doc, id: taken === undefined ? record.id : newId('d') }
      this.forget(doc.id)
      await this.putWhole(tx, doc, record.counts)
      quiet(tx.objectStore('trash').delete(trashId))
      return { ok: true, id: doc.id }
    }))
  }

  listTrash(): Promise<ReadResult<{ drafts: { id: string; name: string; deletedAt: number; rowCount: number }[] }>> {
    return this.read(async () => {
      const records = await this.idb.getAll('trash')
      const drafts = records
        .map((r) => ({ id: r.id, name: String(r.document?.name ?? ''), deletedAt: r.deletedAt, rowCount: Array.isArray(r.document?.rows) ? r.document.rows.length : 0 }))
        .sort((a, b) => b.deletedAt - a.deletedAt)
      return { drafts }
    })
  }
}
