// Drafts in IndexedDB: one meta record per draft plus one record per row, so saving cost follows the edit, not the list.
// Each job has its file: transactions, draftStore (whole drafts, quarantine), rowChanges (rows and order keys), versions, trash; settings here.
import { openDB } from 'idb'
import { plainJson, quiet } from './draftRecords'
import { classifyStorageError, storageFailure, type SaveResult, type StorageFailure } from './results'
import { DATABASE_NAME, DATABASE_VERSION, upgradeSchema, type JinduDatabase, type JinduSchema } from './schema'
import { DraftTrash } from './trash'

export {
  plainRow, type DraftChange, type DraftSummary, type LoadFailure, type LoadFailureKind, type LoadResult, type ReadResult,
} from './draftRecords'

export type OpenResult = { ok: true; db: DraftDatabase } | StorageFailure

export class DraftDatabase extends DraftTrash {
  async getSetting<T>(key: string): Promise<T | undefined> {
    if (this.closedReason) return undefined
    try {
      return (await this.idb.get('settings', key)) as T | undefined
    } catch {
      return undefined
    }
  }

  putSetting(key: string, value: unknown): Promise<SaveResult> {
    return this.serial(`setting:${key}`, () => this.write(['settings'], async (tx) => {
      quiet(tx.objectStore('settings').put(plainJson(value), key))
      return { ok: true }
    }))
  }
}

/**
 * Opens (creating or upgrading) the Jindu database. Resolves with a failure instead of
 * throwing when IndexedDB is missing (private modes, disabled storage), fails to open, or
 * is blocked by another tab holding an older version.
 */
export function openDraftDatabase(name: string = DATABASE_NAME): Promise<OpenResult> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(storageFailure('unavailable', 'indexedDB is undefined'))
  return new Promise<OpenResult>((resolve) => {
    let settled = false
    let wrapper: DraftDatabase | null = null
    const settle = (result: OpenResult): void => {
      if (settled) {
        if (result.ok) result.db.close()
        return
      }
      settled = true
      resolve(result)
    }
    let opening: Promise<JinduDatabase>
    try {
      opening = openDB<JinduSchema>(name, DATABASE_VERSION, {
        upgrade: (db, oldVersion) => upgradeSchema(db, oldVersion),
        blocked: () => settle(storageFailure('blocked')),
        blocking: () => { void wrapper?.stepAside() },
        terminated: () => wrapper?.markClosed(storageFailure('unavailable', 'the browser closed the database')),
      })
    } catch (error) {
      settle({ ...classifyStorageError(error), kind: 'unavailable' })
      return
    }
    opening.then(
      (db) => {
        wrapper = new DraftDatabase(db)
        settle({ ok: true, db: wrapper })
      },
      (error: unknown) => {
        const failure = classifyStorageError(error)
        settle(failure.kind === 'blocked' || failure.kind === 'outdated' ? failure : storageFailure('unavailable', failure.detail))
      },
    )
  })
}
