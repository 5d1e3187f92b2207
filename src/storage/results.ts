// Storage outcomes as values: every write reports quota, unavailable, blocked or unknown instead of throwing across layers.

/**
 * quota: the browser's share is used up; disk: the disk itself is full (the browser cannot write
 * its files); outdated: a newer Jindu upgraded the database, this page must reload to go on.
 */
export type StorageFailureKind = 'quota' | 'disk' | 'outdated' | 'unavailable' | 'blocked' | 'unknown'

export interface StorageFailure {
  ok: false
  kind: StorageFailureKind
  /** What the browser said, for the clerk's message and the console (the words are the page's: `storageError.<kind>`). */
  detail?: string
}

/** The result of a write; `T` carries what the write produced (a new id, an undo record…). */
export type WriteResult<T extends object = object> = ({ ok: true } & T) | StorageFailure
export type SaveResult = WriteResult

export function storageFailure(kind: StorageFailureKind, detail?: string): StorageFailure {
  return detail ? { ok: false, kind, detail } : { ok: false, kind }
}

function errorName(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string') return error.name
  return ''
}

function isQuota(error: unknown, depth = 0): boolean {
  if (depth > 3 || typeof error !== 'object' || error === null) return false
  const name = errorName(error)
  // Old Firefox used NS_ERROR_DOM_QUOTA_REACHED; Safari code 22 with name QuotaExceededError.
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true
  if ('code' in error && error.code === 22) return true
  // idb rejects tx.done with the transaction's error, or an AbortError whose cause says why.
  if ('cause' in error && isQuota(error.cause, depth + 1)) return true
  return false
}

/** Chromium reports a full disk as `Failed to write blobs (IOError)` (UnknownError or AbortError), Node-backed shims as ENOSPC. */
function isDiskFull(error: unknown, depth = 0): boolean {
  if (depth > 3 || typeof error !== 'object' || error === null) return false
  const text = `${errorName(error)} ${'message' in error ? String(error.message) : ''}`
  if (/IOError|ENOSPC|no space left|disk (is )?full/i.test(text)) return true
  return 'cause' in error && isDiskFull(error.cause, depth + 1)
}

/** Sorts a thrown IndexedDB error into a failure the UI can act on. */
export function classifyStorageError(error: unknown): StorageFailure {
  if (isQuota(error)) return storageFailure('quota')
  const name = errorName(error)
  const detail = error instanceof Error ? error.message : String(error)
  if (isDiskFull(error)) return storageFailure('disk')
  // InvalidStateError: the connection closed (another tab upgraded, the browser evicted us);
  // SecurityError / UnknownError: private modes and disabled storage.
  if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'UnknownError') {
    return storageFailure('unavailable', detail)
  }
  // The database is newer than this page (another tab upgraded it): this page is the old one.
  if (name === 'VersionError') return storageFailure('outdated')
  return storageFailure('unknown', detail)
}
