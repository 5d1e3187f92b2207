// The IndexedDB layout of Jindu: store names, record shapes and the one upgrade path.
import type { DBSchema, IDBPDatabase } from 'idb'
import type { StateCounts, TaskDocument, TaskRow } from '../core'

export const DATABASE_NAME = 'jindu'
/** The IndexedDB layout version (stores and indexes), distinct from the document schema version. */
export const DATABASE_VERSION = 2

/** Everything of a draft except its rows: small, so a cell edit can touch `updatedAt` cheaply. */
export interface DraftMeta extends Omit<TaskDocument, 'rows'> {
  rowCount: number
  /** Task-state counts for the draft list, as the store last assessed them. */
  counts?: StateCounts
}

/** The meta fields a caller may change with putMeta. */
export type DraftMetaPatch = Partial<Omit<DraftMeta, 'id' | 'schemaVersion' | 'createdAt' | 'rowCount'>>

/**
 * One row of one draft. `order` is a number, not a position: rows sort by it, an insert
 * or move takes a value between its neighbours, so even structural edits write only the
 * rows they touch (see orderKeys.ts).
 */
export type StoredRow = TaskRow & { draftId: string; order: number }

export type SnapshotReason = 'before-import' | 'before-replace' | 'before-merge' | 'manual' | 'before-restore'

/** A snapshot's label; its document lives in `snapshotDocuments` so listing snapshots reads no rows. */
export interface SnapshotMeta {
  id: string
  draftId: string
  name: string
  reason: SnapshotReason
  createdAt: number
  rowCount: number
}

export interface SnapshotDocument { id: string; document: TaskDocument }

/** A deleted draft, whole, so deleting is undoable. */
export interface TrashRecord { id: string; deletedAt: number; document: TaskDocument; counts?: StateCounts }

/** A raw record that failed to load or import: kept aside, never deleted by Jindu. */
export interface QuarantineRecord {
  id: string
  at: number
  source: 'draft' | 'backup' | 'snapshot'
  draftId: string | null
  problems: string[]
  raw: unknown
}

/**
 * A copy a unit sent back, read into a document and kept with its draft until the clerk clears
 * it, so a merge can be reviewed again after a reload (version 2). The clerk's choices ride along.
 */
export interface ReturnedCopyRecord {
  id: string
  draftId: string
  name: string
  addedAt: number
  doc: TaskDocument
  /** The unit the clerk said sent it (else read from the file). */
  unit?: string
  /** Returned row id → the master row the clerk chose, or null for "none: a new row". */
  pairs?: Record<string, string | null>
  /** The clerk's verdicts on this copy's changes and added rows, by a key of the merge view's. */
  verdicts?: Record<string, boolean>
  /** False while a copy whose layout was new waits for the clerk to confirm its columns. */
  layoutConfirmed?: boolean
}

export interface JinduSchema extends DBSchema {
  drafts: { key: string; value: DraftMeta }
  rows: {
    key: [string, string]
    value: StoredRow
    indexes: { byDraft: string; byOrder: [string, number] }
  }
  snapshots: { key: string; value: SnapshotMeta; indexes: { byDraft: string } }
  snapshotDocuments: { key: string; value: SnapshotDocument }
  settings: { key: string; value: unknown }
  trash: { key: string; value: TrashRecord }
  quarantine: { key: string; value: QuarantineRecord }
  returnedCopies: { key: string; value: ReturnedCopyRecord; indexes: { byDraft: string } }
}

export type JinduDatabase = IDBPDatabase<JinduSchema>

/**
 * Brings the layout from `oldVersion` up to `toVersion` one step at a time; a step only adds
 * stores or indexes, so the drafts already kept are untouched. (`toVersion` lets a test build an
 * older layout.)
 */
export function upgradeSchema(db: JinduDatabase, oldVersion: number, toVersion: number = DATABASE_VERSION): void {
  if (oldVersion < 1 && toVersion >= 1) {
    db.createObjectStore('drafts', { keyPath: 'id' })
    const rows = db.createObjectStore('rows', { keyPath: ['draftId', 'id'] })
    rows.createIndex('byDraft', 'draftId')
    rows.createIndex('byOrder', ['draftId', 'order'])
    const snapshots = db.createObjectStore('snapshots', { keyPath: 'id' })
    snapshots.createIndex('byDraft', 'draftId')
    db.createObjectStore('snapshotDocuments', { keyPath: 'id' })
    db.createObjectStore('settings')
    db.createObjectStore('trash', { keyPath: 'id' })
    db.createObjectStore('quarantine', { keyPath: 'id' })
  }
  // Version 2: the copies units send back, per draft (merge view).
  if (oldVersion < 2 && toVersion >= 2) {
    db.createObjectStore('returnedCopies', { keyPath: 'id' }).createIndex('byDraft', 'draftId')
  }
}
