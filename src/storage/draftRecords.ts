// Draft records as stored: the change and result types, plain copies for IndexedDB, key ranges, and the order in which rows are read.
import type { IDBPTransaction, StoreNames } from 'idb'
import { DOCUMENT_SCHEMA_VERSION, type StateCounts, type TaskDocument, type TaskRow } from '../core'
import type { StorageFailure } from './results'
import type { DraftMeta, DraftMetaPatch, JinduSchema } from './schema'

/** One change to a draft; the save queue sends a list of them in one transaction. */
export type DraftChange =
  /** Upsert rows by id; a row not stored yet goes to the end. */
  | { type: 'put'; rows: readonly TaskRow[] }
  /** New rows right after `afterRowId` (null: at the start). */
  | { type: 'insert'; rows: readonly TaskRow[]; afterRowId: string | null }
  | { type: 'move'; rowIds: readonly string[]; afterRowId: string | null }
  | { type: 'delete'; rowIds: readonly string[] }
  /** A whole new order (e.g. a permanent sort): O(n), rows not listed keep their relative order after the listed ones. */
  | { type: 'order'; rowIds: readonly string[] }
  | { type: 'meta'; patch: DraftMetaPatch }

/** What the draft list shows, without reading any row. */
export interface DraftSummary {
  id: string
  name: string
  sourceFile: string | null
  title: string | null
  createdAt: number
  updatedAt: number
  rowCount: number
  counts?: StateCounts
}

export type LoadFailureKind = StorageFailure['kind'] | 'not-found' | 'damaged' | 'newer'

export type LoadResult =
  | { ok: true; doc: TaskDocument; problems: string[]; counts?: StateCounts }
  | LoadFailure

/** Why a draft or snapshot did not open; the page's words are `storageError.<kind>` (`.draft` / `.snapshot` for the three of its own). */
export interface LoadFailure { ok: false; kind: LoadFailureKind; problems: string[]; detail?: string; subject?: 'draft' | 'snapshot' }

export type ReadResult<T extends object> = ({ ok: true } & T) | StorageFailure

export function loadFailure(kind: 'not-found' | 'damaged' | 'newer', subject: 'draft' | 'snapshot', problems: string[] = []): LoadFailure {
  return { ok: false, kind, subject, problems }
}

export const META_PATCH_KEYS = [
  'name', 'sourceFile', 'sheetName', 'title', 'preamble', 'header', 'columns', 'settings', 'suggestedAsOf', 'suggestedAsOfFrom', 'counts', 'updatedAt',
] as const

/**
 * A plain copy of a row: strips Vue proxies (which IndexedDB cannot clone) and any field
 * the model does not know, without a JSON round trip per cell edit.
 */
export function plainRow(row: TaskRow): TaskRow {
  const copy: TaskRow = { id: row.id, kind: row.kind, cells: { ...row.cells } }
  if (row.sheetRow !== undefined) copy.sheetRow = row.sheetRow
  if (row.overrides) copy.overrides = { ...row.overrides }
  if (row.edited) copy.edited = [...row.edited]
  if (row.spans) copy.spans = { ...row.spans }
  return copy
}

/** Small, nested, rarely written: a JSON copy is the simplest way to drop proxies. */
export function plainJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T)
}

export function metaOf(doc: TaskDocument, counts?: StateCounts): DraftMeta {
  const { rows, ...rest } = doc
  const meta: DraftMeta = { ...plainJson(rest), schemaVersion: DOCUMENT_SCHEMA_VERSION, rowCount: rows.length }
  if (counts) meta.counts = { ...counts }
  return meta
}

/** Applies a meta patch's known keys to a draft record, in place. */
export function patchMeta(meta: DraftMeta, patch: DraftMetaPatch): void {
  const plain = plainJson(patch) as Record<string, unknown>
  const target = meta as unknown as Record<string, unknown>
  for (const key of META_PATCH_KEYS) if (key in plain) target[key] = plain[key]
}

export function summaryOf(meta: DraftMeta): DraftSummary {
  const text = (v: unknown): string | null => (typeof v === 'string' ? v : null)
  const summary: DraftSummary = {
    id: String(meta.id),
    name: text(meta.name) ?? text(meta.title) ?? '未命名清单',
    sourceFile: text(meta.sourceFile),
    title: text(meta.title),
    createdAt: typeof meta.createdAt === 'number' ? meta.createdAt : 0,
    updatedAt: typeof meta.updatedAt === 'number' ? meta.updatedAt : 0,
    rowCount: typeof meta.rowCount === 'number' ? meta.rowCount : 0,
  }
  if (meta.counts && typeof meta.counts === 'object') summary.counts = meta.counts
  return summary
}

/** FNV-1a over the JSON text: a short content key, not a security hash. */
export function fingerprint(value: unknown): string {
  let text: string
  try { text = JSON.stringify(value) ?? String(value) } catch { text = String(value) }
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return `${(hash >>> 0).toString(36)}${text.length.toString(36)}`
}

export function countsOf(raw: unknown): StateCounts | undefined {
  const counts = (raw as { counts?: unknown } | null)?.counts
  return typeof counts === 'object' && counts !== null ? (counts as StateCounts) : undefined
}

/** A draft as read: `orphans` counts row records that had no usable order (they go last). */
export interface RawDraft { assembled: unknown; original: unknown; orphans: number }

/** Rows in stored order; records without a finite numeric order (or not objects) follow, in key order. */
export function orderStoredRows(rows: readonly unknown[]): { ordered: unknown[]; orphans: number } {
  const placed: { order: number; row: unknown }[] = []
  const rest: unknown[] = []
  for (const row of rows) {
    const order = (row as { order?: unknown } | null)?.order
    if (typeof order === 'number' && Number.isFinite(order)) placed.push({ order, row })
    else rest.push(row)
  }
  placed.sort((a, b) => a.order - b.order)
  return { ordered: [...placed.map((p) => p.row), ...rest], orphans: rest.length }
}

/** The document a quarantined record holds: a draft as found ({ meta, rows }), a snapshot or backup entry ({ document }), or a whole old record. */
export function documentInQuarantine(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw
  const { meta, rows, document } = raw as { meta?: unknown; rows?: unknown; document?: unknown }
  if (typeof meta === 'object' && meta !== null && Array.isArray(rows)) return { ...meta, rows: orderStoredRows(rows).ordered }
  if (document !== undefined) return document
  return raw
}

/** All keys of one draft's rows: [draftId] sorts before [draftId, any string], [draftId, []] after. */
export function rowKeyRange(draftId: string): IDBKeyRange {
  return IDBKeyRange.bound([draftId], [draftId, []])
}

export function orderRange(draftId: string, lower = -Infinity, lowerOpen = false): IDBKeyRange {
  return IDBKeyRange.bound([draftId, lower], [draftId, Infinity], lowerOpen, false)
}

/** Request promises we do not await one by one must not become unhandled rejections when a transaction aborts. */
export function quiet(promise: Promise<unknown>): void {
  promise.catch(() => undefined)
}

export type Stores = StoreNames<JinduSchema>[]
export type RwTx<S extends Stores> = IDBPTransaction<JinduSchema, S, 'readwrite'>
export type RowsTx = IDBPTransaction<JinduSchema, ('drafts' | 'rows')[], 'readwrite'>
