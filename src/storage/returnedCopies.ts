// The copies units send back, kept per draft until the clerk clears them, so a merge can be reviewed again after a reload.
import { openDB } from 'idb'
import { restoreDocument } from '../core/repairDocument'
import { classifyStorageError, storageFailure, type StorageFailure } from './results'
import { plainJson } from './draftRecords'
import { DATABASE_NAME, DATABASE_VERSION, upgradeSchema, type JinduDatabase, type JinduSchema, type ReturnedCopyRecord } from './schema'

export type { ReturnedCopyRecord } from './schema'

export type CopiesResult<T> = { ok: true; value: T } | StorageFailure

/**
 * Returned copies over a connection of their own, so the drafts' connection and its write order
 * stay as they are. It closes when another tab needs a newer layout and opens again on the next
 * call; every failure is a value, so a copy that could not be kept costs the clerk one notice,
 * never the merge view.
 */
export class ReturnedCopyStore {
  private opening: Promise<JinduDatabase> | null = null

  constructor(private readonly name: string = DATABASE_NAME) {}

  private db(): Promise<JinduDatabase> {
    this.opening ??= openDB<JinduSchema>(this.name, DATABASE_VERSION, {
      upgrade: (db, oldVersion) => upgradeSchema(db, oldVersion),
      blocking: () => this.close(),
      terminated: () => { this.opening = null },
    })
    return this.opening
  }

  private async run<T>(work: (db: JinduDatabase) => Promise<T>): Promise<CopiesResult<T>> {
    if (typeof indexedDB === 'undefined') return storageFailure('unavailable', 'indexedDB is undefined')
    try {
      return { ok: true, value: await work(await this.db()) }
    } catch (error) {
      this.opening = null
      return classifyStorageError(error)
    }
  }

  /**
   * The draft's copies, oldest first. Each document passes the same repair as a draft; a record
   * that cannot be read is left where it is (not deleted) and not listed.
   */
  list(draftId: string): Promise<CopiesResult<ReturnedCopyRecord[]>> {
    return this.run(async (db) => {
      const records = await db.getAllFromIndex('returnedCopies', 'byDraft', draftId)
      const readable: ReturnedCopyRecord[] = []
      for (const record of records.sort((a, b) => a.addedAt - b.addedAt)) {
        const repaired = restoreDocument(record.doc)
        if (repaired.doc && typeof record.name === 'string') readable.push({ ...record, doc: repaired.doc })
      }
      return readable
    })
  }

  /** Adds a copy or replaces it (the clerk's choices changed). */
  put(record: ReturnedCopyRecord): Promise<CopiesResult<void>> {
    return this.run(async (db) => { await db.put('returnedCopies', plainJson(record)) })
  }

  /** Clears one copy, or every copy of the draft. */
  clear(draftId: string, id?: string): Promise<CopiesResult<void>> {
    return this.run(async (db) => {
      const tx = db.transaction('returnedCopies', 'readwrite')
      const keys = id ? [id] : await tx.store.index('byDraft').getAllKeys(draftId)
      await Promise.all([...keys.map((key) => tx.store.delete(key)), tx.done])
    })
  }

  close(): void {
    const opening = this.opening
    this.opening = null
    void opening?.then((db) => db.close(), () => undefined)
  }
}
