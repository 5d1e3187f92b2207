// Whole-database backups as versioned JSON: every draft and its snapshots out, and back in through the repair funnel.
import { newId, type StateCounts, type TaskDocument } from '../core'
import { isNewerDocument } from '../core/migrations'
import { restoreDocument } from '../core/repairDocument'
import type { DraftDatabase } from './draftDatabase'
import { storageFailure, type StorageFailure } from './results'
import type { QuarantineRecord, SnapshotReason } from './schema'

export const BACKUP_FORMAT = 'jindu-backup'
export const BACKUP_VERSION = 1

export interface BackupSnapshot { name: string; reason: SnapshotReason; createdAt: number; document: TaskDocument }

export interface BackupDraft { document: TaskDocument; counts?: StateCounts; snapshots: BackupSnapshot[] }

export interface Backup {
  format: typeof BACKUP_FORMAT
  version: typeof BACKUP_VERSION
  /** ISO timestamp. */
  exportedAt: string
  drafts: BackupDraft[]
  /** Drafts that could not be read, raw, so a backup never drops anything the database held. */
  unreadable: { draftId: string; problems: string[]; raw: unknown }[]
  /** What repair set aside (quarantine), as kept: a backup carries it so nothing set aside is lost with the browser. */
  quarantine?: QuarantineRecord[]
}

export type ExportBackupResult = { ok: true; text: string; draftCount: number } | StorageFailure

export type ImportBackupResult =
  | { ok: true; imported: number; skipped: number; problems: string[]; draftIds: string[] }
  | StorageFailure
  | BackupRefusal

const SNAPSHOT_REASONS: readonly SnapshotReason[] = ['before-import', 'before-replace', 'before-merge', 'manual', 'before-restore']

/** Reads every draft (migrated and repaired) and its snapshots into one JSON text. */
export async function exportBackup(db: DraftDatabase, now: Date = new Date()): Promise<ExportBackupResult> {
  const list = await db.listDrafts()
  if (!list.ok) return list
  const backup: Backup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), drafts: [], unreadable: [] }
  // Oldest first, so importing recreates the list in the order it was made.
  for (const summary of [...list.drafts].reverse()) {
    const loaded = await db.loadDraft(summary.id)
    if (!loaded.ok) {
      if (loaded.kind !== 'not-found' && loaded.kind !== 'damaged' && loaded.kind !== 'newer') {
        return storageFailure(loaded.kind, loaded.detail)
      }
      const quarantined = await db.listQuarantine()
      const raw = quarantined.ok ? quarantined.records.filter((r) => r.draftId === summary.id).at(-1)?.raw : undefined
      backup.unreadable.push({ draftId: summary.id, problems: loaded.problems, raw: raw ?? null })
      continue
    }
    const entry: BackupDraft = { document: loaded.doc, snapshots: [] }
    if (loaded.counts) entry.counts = loaded.counts
    const snapshots = await db.listSnapshots(summary.id)
    if (!snapshots.ok) return snapshots
    for (const meta of [...snapshots.snapshots].reverse()) {
      const document = await db.readSnapshotDocument(meta.id)
      if (document === undefined) continue
      entry.snapshots.push({ name: meta.name, reason: meta.reason, createdAt: meta.createdAt, document: document as TaskDocument })
    }
    backup.drafts.push(entry)
  }
  const quarantined = await db.listQuarantine()
  if (!quarantined.ok) return quarantined
  backup.quarantine = quarantined.records
  return { ok: true, text: JSON.stringify(backup), draftCount: backup.drafts.length }
}

/** A file that is no backup this Jindu can read; the page's words are `storageError.invalid.<reason>`. */
export interface BackupRefusal { ok: false; kind: 'invalid'; reason: 'not-json' | 'not-backup' | 'bad-version' | 'newer' }

function invalid(reason: BackupRefusal['reason']): BackupRefusal {
  return { ok: false, kind: 'invalid', reason }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Adds the drafts of a backup to the database, each through migration and repair. Never
 * overwrites: a draft whose id exists gets a new id. Unreadable drafts are skipped and kept
 * in quarantine.
 */
export async function importBackup(db: DraftDatabase, input: string | Uint8Array): Promise<ImportBackupResult> {
  let parsed: unknown
  try {
    const text = typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input)
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    return invalid('not-json')
  }
  if (!isRecord(parsed) || parsed.format !== BACKUP_FORMAT || !Array.isArray(parsed.drafts)) {
    return invalid('not-backup')
  }
  // A version written as text ("1", by a hand edit or another tool) counts as that number.
  const version = typeof parsed.version === 'string' && /^\s*\d+\s*$/.test(parsed.version) ? Number(parsed.version) : parsed.version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return invalid('bad-version')
  }
  if (version > BACKUP_VERSION) {
    return invalid('newer')
  }
  const problems: string[] = []
  const draftIds: string[] = []
  let skipped = 0
  for (const [i, entry] of parsed.drafts.entries()) {
    const label = `备份中第${i + 1}份草稿`
    const rawDoc = isRecord(entry) && 'document' in entry ? entry.document : entry
    if (isNewerDocument(rawDoc)) {
      skipped++
      problems.push(`${label}由更新版本保存，已跳过`)
      await db.quarantine({ source: 'backup', draftId: null, problems: ['newer schema version'], raw: entry })
      continue
    }
    const repaired = restoreDocument(rawDoc)
    if (!repaired.doc) {
      skipped++
      problems.push(`${label}无法读取，已跳过（原始数据已另行保存）`)
      await db.quarantine({ source: 'backup', draftId: null, problems: repaired.problems, raw: entry })
      continue
    }
    problems.push(...repaired.problems.map((p) => `${label}：${p}`))
    const counts = isRecord(entry) && isRecord(entry.counts) ? (entry.counts as unknown as StateCounts) : undefined
    const created = await db.createDraft(repaired.doc, counts ? { counts } : {})
    if (!created.ok) return created
    draftIds.push(created.id)
    const snapshots = isRecord(entry) && Array.isArray(entry.snapshots) ? entry.snapshots : []
    for (const snap of snapshots) {
      if (!isRecord(snap)) continue
      const doc = restoreDocument(snap.document).doc
      if (!doc) {
        problems.push(`${label}的一个快照无法读取，已跳过`)
        continue
      }
      const reason = SNAPSHOT_REASONS.includes(snap.reason as SnapshotReason) ? (snap.reason as SnapshotReason) : 'manual'
      const label2 = {
        name: typeof snap.name === 'string' ? snap.name : '快照',
        reason,
        createdAt: typeof snap.createdAt === 'number' ? snap.createdAt : Date.now(),
      }
      const put = await db.putSnapshot(created.id, label2, doc)
      if (!put.ok) return put
    }
  }
  const unreadable = Array.isArray(parsed.unreadable) ? parsed.unreadable : []
  for (const item of unreadable) {
    await db.quarantine({ source: 'backup', draftId: isRecord(item) && typeof item.draftId === 'string' ? item.draftId : newId('q'), problems: ['unreadable in the backup'], raw: item })
  }
  const setAside = Array.isArray(parsed.quarantine) ? parsed.quarantine : []
  for (const item of setAside) {
    if (!isRecord(item)) continue
    const itemProblems = Array.isArray(item.problems) ? item.problems.filter((p): p is string => typeof p === 'string') : []
    const source = item.source === 'draft' || item.source === 'snapshot' ? item.source : 'backup'
    await db.quarantine({ source, draftId: typeof item.draftId === 'string' ? item.draftId : null, problems: itemProblems, raw: item.raw })
  }
  return { ok: true, imported: draftIds.length, skipped, problems, draftIds }
}
