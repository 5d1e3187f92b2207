// Storage outcomes as values: every write reports quota, unavailable, blocked or unknown instead of throwing across layers.

/**
 * quota: the browser's share is used up; disk: the disk itself is full (the browser cannot write
 * its files); outdated: a newer Jindu upgraded the database, this page must reload to go on.
 */
export type StorageFailureKind = 'quota' | 'disk' | 'outdated' | 'unavailable' | 'blocked' | 'unknown'

export interface StorageFailure {
  ok: false
  kind: StorageFailureKind
  /** For the clerk, zh-CN. */
  message: string
  messageEn: string
}

/** The result of a write; `T` carries what the write produced (a new id, an undo record…). */
export type WriteResult<T extends object = object> = ({ ok: true } & T) | StorageFailure
export type SaveResult = WriteResult

const MESSAGES: Record<StorageFailureKind, { zh: string; en: string }> = {
  quota: {
    zh: '浏览器存储空间已满，最近的修改未能保存。请导出备份或删除不用的草稿后重试。',
    en: 'Browser storage is full; recent changes were not saved. Export a backup or delete unused drafts, then retry.',
  },
  disk: {
    zh: '磁盘空间不足，最近的修改未能保存。请清理磁盘（删除不用的文件或清空回收站）后再编辑一处以重试，或先导出文件保留工作。',
    en: 'The disk is full; recent changes were not saved. Free disk space (delete unused files, empty the recycle bin), then edit again to retry, or export a file first.',
  },
  outdated: {
    zh: '另一个标签页打开了更新版本的进度并升级了数据库。请刷新页面使用新版本，草稿会一并打开。',
    en: 'Another tab opened a newer Jindu and upgraded the database. Reload to use the new version; the draft opens with it.',
  },
  unavailable: {
    zh: '浏览器存储不可用（可能处于无痕模式或已被禁用），修改不会保存。请导出文件保留工作。',
    en: 'Browser storage is unavailable (private mode or disabled); changes will not be kept. Export a file to keep your work.',
  },
  blocked: {
    zh: '另一个标签页正在使用旧版本的数据库，请关闭其他进度标签页后重试。',
    en: 'Another tab holds an older version of the database; close other Jindu tabs and retry.',
  },
  unknown: {
    zh: '保存时出错，修改可能未保存。',
    en: 'Saving failed; changes may not have been saved.',
  },
}

export function storageFailure(kind: StorageFailureKind, detail?: string): StorageFailure {
  const m = MESSAGES[kind]
  return {
    ok: false,
    kind,
    message: detail ? `${m.zh}（${detail}）` : m.zh,
    messageEn: detail ? `${m.en} (${detail})` : m.en,
  }
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
