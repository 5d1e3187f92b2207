// Versions (snapshots) of a draft: taken whole, listed without their documents, restored undoably.
import type { IDBPTransaction } from 'idb'
import { newId, type TaskDocument } from '../core'
import { restoreDocument } from '../core/repairDocument'
import { loadFailure, plainRow, quiet, rowKeyRange, type LoadResult, type ReadResult, type Stores } from './draftRecords'
import { classifyStorageError, storageFailure, type WriteResult } from './results'
import { DraftRows } from './rowChanges'
import type { JinduSchema, SnapshotMeta, SnapshotReason } from './schema'

export class DraftVersions extends DraftRows {
  /** A full copy of the draft as stored now: flush the save queue first so it includes the latest edits. */
  takeSnapshot(draftId: string, name: string, reason: SnapshotReason): Promise<WriteResult<{ snapshotId: string }>> {
    return this.serial(draftId, () => this.write(['drafts', 'rows', 'snapshots', 'snapshotDocuments'], async (tx) => {
      const snapshotId = await this.snapshotInside(tx, draftId, name, reason)
      if (snapshotId === null) return storageFailure('unknown', `draft ${draftId} cannot be read`)
      return { ok: true, snapshotId }
    }))
  }

  protected async snapshotInside(
    tx: IDBPTransaction<JinduSchema, Stores, 'readwrite'>, draftId: string, name: string, reason: SnapshotReason,
  ): Promise<string | null> {
    const stored = await this.readRaw(tx, draftId)
    if (stored === undefined) return null
    const repaired = restoreDocument(stored.assembled)
    if (!repaired.doc) return null
    const document = { ...repaired.doc, id: draftId }
    const id = newId('s')
    const meta: SnapshotMeta = { id, draftId, name, reason, createdAt: Date.now(), rowCount: document.rows.length }
    quiet(tx.objectStore('snapshots').put(meta))
    quiet(tx.objectStore('snapshotDocuments').put({ id, document }))
    return id
  }

  /** Stores a ready snapshot for a draft (backup import); the document must already be repaired. */
  putSnapshot(
    draftId: string, label: { name: string; reason: SnapshotReason; createdAt: number }, document: TaskDocument,
  ): Promise<WriteResult<{ snapshotId: string }>> {
    return this.serial(draftId, () => this.write(['snapshots', 'snapshotDocuments'], async (tx) => {
      const id = newId('s')
      const meta: SnapshotMeta = { id, draftId, ...label, rowCount: document.rows.length }
      quiet(tx.objectStore('snapshots').put(meta))
      quiet(tx.objectStore('snapshotDocuments').put({ id, document: { ...document, id: draftId, rows: document.rows.map(plainRow) } }))
      return { ok: true, snapshotId: id }
    }))
  }

  /** The stored document of a snapshot, as is (no repair): for backups. */
  async readSnapshotDocument(snapshotId: string): Promise<unknown> {
    return (await this.idb.get('snapshotDocuments', snapshotId))?.document
  }

  /** A draft's snapshots, newest first, without their documents. */
  listSnapshots(draftId: string): Promise<ReadResult<{ snapshots: SnapshotMeta[] }>> {
    return this.read(async () => {
      const snapshots = await this.idb.getAllFromIndex('snapshots', 'byDraft', draftId)
      snapshots.sort((a, b) => b.createdAt - a.createdAt)
      return { snapshots }
    })
  }

  loadSnapshot(snapshotId: string): Promise<LoadResult> {
    return (async (): Promise<LoadResult> => {
      if (this.closedReason) return { ...this.closedReason, problems: [] }
      let record
      try {
        record = await this.idb.get('snapshotDocuments', snapshotId)
      } catch (error) {
        return { ...classifyStorageError(error), problems: [] }
      }
      if (!record) return loadFailure('not-found', 'snapshot')
      const repaired = restoreDocument(record.document)
      if (!repaired.doc) {
        await this.quarantine({ source: 'snapshot', draftId: null, problems: repaired.problems, raw: record })
        return loadFailure('damaged', 'snapshot', repaired.problems)
      }
      return { ok: true, doc: repaired.doc, problems: repaired.problems }
    })()
  }

  /**
   * Puts a snapshot's document back as its draft, in one transaction with a 'before-restore'
   * snapshot of the current state, so restoring is itself undoable (restore that one).
   */
  restoreSnapshot(snapshotId: string): Promise<WriteResult<{ draftId: string; beforeRestoreSnapshotId: string | null }>> {
    return this.idb.get('snapshots', snapshotId).then(
      (meta) => {
        if (!meta) return storageFailure('unknown', `snapshot ${snapshotId} not found`)
        return this.serial(meta.draftId, () => this.write(['drafts', 'rows', 'snapshots', 'snapshotDocuments'], async (tx) => {
          // Restored rows get new order keys: the draft is reloaded before it is edited again.
          this.forget(meta.draftId)
          const record = await tx.objectStore('snapshotDocuments').get(snapshotId)
          const repaired = restoreDocument(record?.document)
          if (!repaired.doc) return storageFailure('unknown', repaired.problems.join('; '))
          const current = await tx.objectStore('drafts').get(meta.draftId)
          const beforeRestoreSnapshotId = current
            ? await this.snapshotInside(tx, meta.draftId, `恢复「${meta.name}」之前`, 'before-restore')
            : null
          quiet(tx.objectStore('rows').delete(rowKeyRange(meta.draftId)))
          await this.putWhole(tx, { ...repaired.doc, id: meta.draftId, updatedAt: Date.now() }, current?.counts)
          return { ok: true, draftId: meta.draftId, beforeRestoreSnapshotId }
        }))
      },
      (error: unknown) => classifyStorageError(error),
    )
  }
}
