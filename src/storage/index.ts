// The storage layer's public surface: the only code that touches IndexedDB. Stores wrap it; components never see it.
export * from './results'
export type {
  DraftMeta, DraftMetaPatch, SnapshotMeta, SnapshotReason, QuarantineRecord, TrashRecord, StoredRow,
} from './schema'
export { DATABASE_NAME, DATABASE_VERSION } from './schema'
export {
  DraftDatabase, openDraftDatabase,
  type DraftChange, type DraftSummary, type LoadResult, type LoadFailure, type LoadFailureKind, type ReadResult, type OpenResult,
} from './draftDatabase'
export { exportBackup, importBackup, BACKUP_FORMAT, BACKUP_VERSION, type Backup, type BackupRefusal, type ExportBackupResult, type ImportBackupResult } from './backup'
export { createSaveQueue, type SaveQueue, type SaveState, type SaveStateListener, type SaveQueueOptions } from './saveQueue'
export { requestPersistence, estimateStorage } from './persistence'
export { acquireDraftLock, type DraftLock, type DraftLockOptions, type LockManagerLike, type ChannelLike } from './draftLock'
export { SETTING_LAST_DRAFT, loadLanguage, saveLanguage, type UiLanguage } from './settingKeys'
export { createEditRescue, type EditRescue, type KeyValueStore } from './editRescue'
export { DraftSession, type DocumentChange, type DraftSessionEvents, type DraftSessionOptions, type SaveIndicator } from './draftSession'
export { ReturnedCopyStore, type ReturnedCopyRecord, type CopiesResult } from './returnedCopies'
