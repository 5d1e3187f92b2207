// Drafts in IndexedDB: one meta record per draft plus one record per row, so saving cost follows the edit, not the list.
import { openDB, type IDBPTransaction, type StoreNames } from 'idb'
import {
  DOCUMENT_SCHEMA_VERSION, newId,
  type StateCounts, type TaskDocument, type TaskRow,
} from '../core'
import { documentVersionOf, isNewerDocument } from '../core/migrations'
import { restoreDocument } from '../core/repairDocument'
import { ordersBetween } from './orderKeys'
import { classifyStorageError, storageFailure, type StorageFailure, type WriteResult, type SaveResult } from './results'
import {
  DATABASE_NAME, DATABASE_VERSION, upgradeSchema,
  type DraftMeta, type DraftMetaPatch, type JinduDatabase, type JinduSchema, type QuarantineRecord,
  type SnapshotMeta, type SnapshotReason, type StoredRow, type TrashRecord,
} from './schema'

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
  | { ok: false; kind: LoadFailureKind; message: string; messageEn: string; problems: string[] }

export type ReadResult<T extends object> = ({ ok: true } & T) | StorageFailure

export type OpenResult = { ok: true; db: DraftDatabase } | StorageFailure

function loadFailure(kind: LoadFailureKind, message: string, messageEn: string, problems: string[] = []): LoadResult {
  return { ok: false, kind, message, messageEn, problems }
}

const META_PATCH_KEYS = [
  'name', 'sourceFile', 'sheetName', 'title', 'preamble', 'header', 'columns', 'settings', 'suggestedAsOf', 'counts', 'updatedAt',
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
function plainJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T)
}

function metaOf(doc: TaskDocument, counts?: StateCounts): DraftMeta {
  const { rows, ...rest } = doc
  const meta: DraftMeta = { ...plainJson(rest), schemaVersion: DOCUMENT_SCHEMA_VERSION, rowCount: rows.length }
  if (counts) meta.counts = { ...counts }
  return meta
}

/** Applies a meta patch's known keys to a draft record, in place. */
function patchMeta(meta: DraftMeta, patch: DraftMetaPatch): void {
  const plain = plainJson(patch) as Record<string, unknown>
  const target = meta as unknown as Record<string, unknown>
  for (const key of META_PATCH_KEYS) if (key in plain) target[key] = plain[key]
}

function summaryOf(meta: DraftMeta): DraftSummary {
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
function fingerprint(value: unknown): string {
  let text: string
  try { text = JSON.stringify(value) ?? String(value) } catch { text = String(value) }
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return `${(hash >>> 0).toString(36)}${text.length.toString(36)}`
}

function countsOf(raw: unknown): StateCounts | undefined {
  const counts = (raw as { counts?: unknown } | null)?.counts
  return typeof counts === 'object' && counts !== null ? (counts as StateCounts) : undefined
}

/** A draft as read: `orphans` counts row records that had no usable order (they go last). */
interface RawDraft { assembled: unknown; original: unknown; orphans: number }

/** Rows in stored order; records without a finite numeric order (or not objects) follow, in key order. */
function orderStoredRows(rows: readonly unknown[]): { ordered: unknown[]; orphans: number } {
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
function documentInQuarantine(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw
  const { meta, rows, document } = raw as { meta?: unknown; rows?: unknown; document?: unknown }
  if (typeof meta === 'object' && meta !== null && Array.isArray(rows)) return { ...meta, rows: orderStoredRows(rows).ordered }
  if (document !== undefined) return document
  return raw
}

/** All keys of one draft's rows: [draftId] sorts before [draftId, any string], [draftId, []] after. */
function rowKeyRange(draftId: string): IDBKeyRange {
  return IDBKeyRange.bound([draftId], [draftId, []])
}

function orderRange(draftId: string, lower = -Infinity, lowerOpen = false): IDBKeyRange {
  return IDBKeyRange.bound([draftId, lower], [draftId, Infinity], lowerOpen, false)
}

/** Request promises we do not await one by one must not become unhandled rejections when a transaction aborts. */
function quiet(promise: Promise<unknown>): void {
  promise.catch(() => undefined)
}

type Stores = StoreNames<JinduSchema>[]
type RwTx<S extends Stores> = IDBPTransaction<JinduSchema, S, 'readwrite'>
type RowsTx = IDBPTransaction<JinduSchema, ('drafts' | 'rows')[], 'readwrite'>

export class DraftDatabase {
  /** Per-draft write chains: a later write starts only after the earlier one settled, so it lands last. */
  private readonly chains = new Map<string, Promise<unknown>>()
  private closedReason: StorageFailure | null = null
  /**
   * The draft last stored or loaded whole, as this connection knows it is stored: its record and
   * its rows' order keys. A cell edit then writes its row and the record without reading them
   * first: each read is a round trip that waits for the page's thread, and it was most of an
   * edit's save time. Kept current by every change this class writes (after it commits);
   * dropped by writes whose outcome it does not follow, which then read as before. Another tab
   * writes a draft only after taking its lock, and this tab reloads the draft before it writes again.
   */
  private known: { draftId: string; meta: DraftMeta; orders: Map<string, number> } | null = null

  private forget(draftId: string): void {
    if (this.known?.draftId === draftId) this.known = null
  }

  constructor(readonly idb: JinduDatabase) {}

  /** Called when another tab upgrades the database or the browser drops the connection. */
  markClosed(failure: StorageFailure): void {
    this.closedReason = failure
    this.idb.close()
  }

  close(): void {
    this.markClosed(storageFailure('unavailable', 'closed'))
  }

  private readonly outdatedListeners = new Set<() => unknown>()

  /** `listener` runs when another tab upgrades the database, before this connection closes: the last chance to write. */
  onOutdated(listener: () => unknown): () => void {
    this.outdatedListeners.add(listener)
    return () => { this.outdatedListeners.delete(listener) }
  }

  /**
   * Another tab wants a newer layout. The upgrade waits until this connection closes, so the
   * listeners first finish what they have to write (bounded: the other tab is waiting); every
   * later call then reports 'outdated', which the page answers by offering to reload.
   */
  async stepAside(waitMs = 3000): Promise<void> {
    const work = Promise.allSettled([...this.outdatedListeners].map(async (listener) => { await listener() }))
    await Promise.race([work, new Promise((resolve) => setTimeout(resolve, waitMs))])
    this.markClosed(storageFailure('outdated'))
  }

  // ——— plumbing ———

  private serial<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.chains.get(key)
    // With nothing ahead, the work starts now: its transaction and first requests are made before
    // the caller's task goes on (to draw the edit), so the database works meanwhile.
    const next = previous ? previous.then(work, work) : work()
    const tail = next.catch(() => undefined)
    this.chains.set(key, tail)
    void tail.then(() => { if (this.chains.get(key) === tail) this.chains.delete(key) })
    return next
  }

  /** Runs `work` in one readwrite transaction; any throw aborts it, so nothing half-written commits. */
  private async write<S extends Stores, T extends object>(
    stores: S, work: (tx: RwTx<S>) => Promise<WriteResult<T>>,
  ): Promise<WriteResult<T>> {
    if (this.closedReason) return this.closedReason
    let tx: RwTx<S>
    try {
      tx = this.idb.transaction(stores, 'readwrite')
    } catch (error) {
      return classifyStorageError(error)
    }
    try {
      const result = await work(tx)
      if (!result.ok) {
        tx.abort()
        quiet(tx.done)
        return result
      }
      await tx.done
      return result
    } catch (error) {
      try { tx.abort() } catch { /* already finished */ }
      quiet(tx.done)
      // An AbortError from tx.done hides the reason; the transaction's own error names it (e.g. quota).
      const reason = tx.error && (error as { name?: string })?.name === 'AbortError' ? tx.error : error
      return classifyStorageError(reason)
    }
  }

  private async read<T extends object>(work: () => Promise<T>): Promise<ReadResult<T>> {
    if (this.closedReason) return this.closedReason
    try {
      return { ok: true, ...(await work()) }
    } catch (error) {
      return classifyStorageError(error)
    }
  }

  // ——— drafts ———

  /** Stores a whole document as a new draft. An id already taken gets a fresh one, returned as `id`. */
  createDraft(doc: TaskDocument, extra: { counts?: StateCounts } = {}): Promise<WriteResult<{ id: string }>> {
    return this.serial(doc.id, () => this.write(['drafts', 'rows'], async (tx) => {
      const taken = await tx.objectStore('drafts').getKey(doc.id)
      const id = taken === undefined ? doc.id : newId('d')
      const written = this.putWhole(tx, { ...doc, id }, extra.counts)
      return { ok: true, id, written }
    })).then((result) => {
      if (result.ok) this.known = result.written
      return result.ok ? { ok: true, id: result.id } : result
    })
  }

  /** Replaces a draft's meta and all its rows (a re-import or a restore); snapshot first if it must be undoable. */
  replaceDraft(doc: TaskDocument, extra: { counts?: StateCounts } = {}): Promise<SaveResult> {
    return this.serial(doc.id, () => this.write(['drafts', 'rows'], async (tx) => {
      quiet(tx.objectStore('rows').delete(rowKeyRange(doc.id)))
      const written = this.putWhole(tx, doc, extra.counts)
      return { ok: true, written }
    })).then((result) => {
      if (result.ok) this.known = result.written
      else this.forget(doc.id)
      return result.ok ? { ok: true } : result
    })
  }

  /** Queues a whole draft's writes; returns what will be stored once the transaction commits. */
  private putWhole(tx: IDBPTransaction<JinduSchema, Stores, 'readwrite'>, doc: TaskDocument, counts?: StateCounts): NonNullable<DraftDatabase['known']> {
    const drafts = tx.objectStore('drafts')
    const rows = tx.objectStore('rows')
    const meta = metaOf(doc, counts)
    quiet(drafts.put(meta))
    const orders = new Map<string, number>()
    doc.rows.forEach((row, i) => {
      orders.set(row.id, i + 1)
      quiet(rows.put({ ...plainRow(row), draftId: doc.id, order: i + 1 }))
    })
    return { draftId: doc.id, meta: { ...meta }, orders }
  }

  /**
   * A draft as stored: `assembled` is meta + rows in order (what migration and repair read);
   * `original` is what quarantine keeps, byte for byte the records as found.
   */
  private async readRaw(
    tx: IDBPTransaction<JinduSchema, Stores, 'readonly' | 'readwrite'>, id: string,
  ): Promise<RawDraft | undefined> {
    const meta = (await tx.objectStore('drafts').get(id)) as unknown
    if (meta === undefined) return undefined
    const isPlain = typeof meta === 'object' && meta !== null && !Array.isArray(meta)
    // A record from before the rows store (schema v0) carries its rows inline; a record that is
    // no object at all is handed to repair as is, which refuses it.
    if (!isPlain || Array.isArray((meta as { rows?: unknown }).rows)) return { assembled: meta, original: meta, orphans: 0 }
    // By key range, not through the order index: a row record without a numeric order is not in
    // that index, and a row this read does not see would be lost by the rewrite that follows repair.
    const rows = await tx.objectStore('rows').getAll(rowKeyRange(id))
    const { ordered, orphans } = orderStoredRows(rows)
    return { assembled: { ...(meta as object), rows: ordered }, original: { meta, rows }, orphans }
  }

  /**
   * Reads a draft through migration and repair. A record that cannot be read is copied
   * to quarantine and left where it is; the caller gets `ok: false`, never an exception.
   * A record that needed migration or repair is rewritten in the current shape (the
   * repaired-away original goes to quarantine first).
   */
  loadDraft(id: string): Promise<LoadResult> {
    return this.serial(id, async () => {
      if (this.closedReason) return { ...this.closedReason, problems: [] }
      let stored: RawDraft | undefined
      try {
        stored = await this.readRaw(this.idb.transaction(['drafts', 'rows'], 'readonly'), id)
      } catch (error) {
        return { ...classifyStorageError(error), problems: [] }
      }
      if (stored === undefined) return loadFailure('not-found', '找不到这份草稿。', 'This draft was not found.')
      const raw = stored.assembled
      if (isNewerDocument(raw)) {
        return loadFailure('newer', '这份草稿由更新版本的进度保存，请刷新页面使用新版本。',
          'This draft was saved by a newer Jindu; reload the page to use the new version.')
      }
      const fromVersion = documentVersionOf(raw)
      const repaired = restoreDocument(raw)
      const counts = countsOf(raw)
      if (!repaired.doc) {
        await this.quarantine({ source: 'draft', draftId: id, problems: repaired.problems, raw: stored.original })
        return loadFailure('damaged', '这份草稿已损坏，无法打开；原始数据已另行保存。',
          'This draft is damaged and cannot be opened; its raw data has been set aside.', repaired.problems)
      }
      const doc = { ...repaired.doc, id }
      const problems = stored.orphans ? [`${stored.orphans}行缺少排序号，已排到末尾`, ...repaired.problems] : repaired.problems
      // Quarantine first: the rewrite below deletes the draft's rows, so it runs only once the
      // records as found are safe elsewhere.
      const setAside = problems.length
        ? await this.quarantine({ source: 'draft', draftId: id, problems, raw: stored.original })
        : { ok: true as const }
      this.forget(id)
      if (setAside.ok && (problems.length || fromVersion < DOCUMENT_SCHEMA_VERSION)) {
        // Best effort: if this write fails the next load repairs again from the same record.
        const rewritten = await this.write(['drafts', 'rows'], async (tx) => {
          quiet(tx.objectStore('rows').delete(rowKeyRange(id)))
          return { ok: true, written: this.putWhole(tx, doc, counts) }
        })
        if (rewritten.ok) this.known = rewritten.written
      } else {
        const { meta, rows } = stored.original as { meta: DraftMeta; rows: StoredRow[] }
        this.known = { draftId: id, meta: { ...meta }, orders: new Map(rows.map((row) => [row.id, row.order])) }
      }
      const result: LoadResult = { ok: true, doc, problems }
      if (counts) result.counts = counts
      return result
    })
  }

  /** Sets a raw record aside in quarantine (never deleted by Jindu). */
  quarantine(record: Omit<QuarantineRecord, 'id' | 'at'>): Promise<SaveResult> {
    // Same content, same key: loading a damaged draft twice does not pile up copies.
    const id = `${record.source}:${record.draftId ?? '-'}:${fingerprint(record.raw)}`
    return this.write(['quarantine'], async (tx) => {
      let raw: unknown = record.raw
      try { raw = structuredClone(raw) } catch { raw = plainJson(raw) }
      quiet(tx.objectStore('quarantine').put({ ...record, raw, id, at: Date.now() }))
      return { ok: true }
    })
  }

  /**
   * Brings a quarantined record back as a new draft, through migration and repair (what repair
   * still cannot read stays out, and the record itself stays in quarantine).
   */
  async restoreQuarantined(quarantineId: string): Promise<WriteResult<{ id: string; rowCount: number }>> {
    if (this.closedReason) return this.closedReason
    let record: QuarantineRecord | undefined
    try { record = await this.idb.get('quarantine', quarantineId) } catch (error) { return classifyStorageError(error) }
    if (!record) return storageFailure('unknown', `nothing in quarantine under ${quarantineId}`)
    const repaired = restoreDocument(documentInQuarantine(record.raw))
    if (!repaired.doc) return storageFailure('unknown', repaired.problems.join('；'))
    const now = Date.now()
    const doc: TaskDocument = { ...repaired.doc, id: newId('d'), name: `${repaired.doc.name}（恢复）`, createdAt: now, updatedAt: now }
    const created = await this.createDraft(doc)
    return created.ok ? { ok: true, id: created.id, rowCount: doc.rows.length } : created
  }

  listQuarantine(): Promise<ReadResult<{ records: QuarantineRecord[] }>> {
    return this.read(async () => ({ records: await this.idb.getAll('quarantine') }))
  }

  /** Every draft, most recently changed first, with row counts and state counts; reads no rows. */
  listDrafts(): Promise<ReadResult<{ drafts: DraftSummary[] }>> {
    return this.read(async () => {
      const metas = await this.idb.getAll('drafts')
      const drafts = metas.map(summaryOf).sort((a, b) => b.updatedAt - a.updatedAt)
      return { drafts }
    })
  }

  /** Applies changes in order, in one transaction, and touches `updatedAt`: the cost is the rows changed. */
  applyChanges(draftId: string, changes: readonly DraftChange[]): Promise<SaveResult> {
    return this.serial(draftId, async () => {
      const known = this.known?.draftId === draftId ? this.known : null
      const blind = known !== null && changes.every((c) => c.type === 'meta' || (c.type === 'put' && c.rows.every((r) => known.orders.has(r.id))))
      const result = await this.write(['drafts', 'rows'], async (tx) => {
        const orders = new Map<string, number | null>()
        let meta: DraftMeta | undefined
        if (blind) {
          // Edits of rows this connection stored: nothing to read (see `known`).
          meta = { ...known.meta }
          const store = tx.objectStore('rows')
          for (const change of changes) {
            if (change.type === 'meta') patchMeta(meta, change.patch)
            else if (change.type === 'put') for (const row of change.rows) quiet(store.put({ ...plainRow(row), draftId, order: known.orders.get(row.id)! }))
          }
        } else {
          // A cell edit's rows are read together with the draft record: one round trip, not two.
          const first = changes[0]
          const [stored, firstRows] = await Promise.all([
            tx.objectStore('drafts').get(draftId),
            first?.type === 'put' ? this.storedRows(tx, draftId, first.rows) : undefined,
          ])
          if (!stored) return storageFailure('unknown', `draft ${draftId} not found`)
          meta = stored
          let rowCount = typeof meta.rowCount === 'number' ? meta.rowCount : 0
          for (const [i, change] of changes.entries()) rowCount += await this.applyChange(tx, draftId, change, meta, orders, i === 0 ? firstRows : undefined)
          meta.rowCount = Math.max(0, rowCount)
        }
        meta.updatedAt = Math.max(Date.now(), meta.updatedAt + 1)
        quiet(tx.objectStore('drafts').put(meta))
        return { ok: true, meta, orders }
      })
      if (!result.ok) return result
      // Committed: what this connection knows follows. Only a draft it already follows.
      if (known && this.known === known) {
        known.meta = { ...result.meta }
        for (const [id, order] of result.orders) {
          if (order === null) known.orders.delete(id)
          else known.orders.set(id, order)
        }
      }
      return { ok: true }
    })
  }

  putRows(draftId: string, rows: readonly TaskRow[]): Promise<SaveResult> {
    return this.applyChanges(draftId, [{ type: 'put', rows }])
  }

  insertRows(draftId: string, rows: readonly TaskRow[], afterRowId: string | null): Promise<SaveResult> {
    return this.applyChanges(draftId, [{ type: 'insert', rows, afterRowId }])
  }

  moveRows(draftId: string, rowIds: readonly string[], afterRowId: string | null): Promise<SaveResult> {
    return this.applyChanges(draftId, [{ type: 'move', rowIds, afterRowId }])
  }

  deleteRows(draftId: string, rowIds: readonly string[]): Promise<SaveResult> {
    return this.applyChanges(draftId, [{ type: 'delete', rowIds }])
  }

  putRowOrder(draftId: string, rowIds: readonly string[]): Promise<SaveResult> {
    return this.applyChanges(draftId, [{ type: 'order', rowIds }])
  }

  putMeta(draftId: string, patch: DraftMetaPatch): Promise<SaveResult> {
    return this.applyChanges(draftId, [{ type: 'meta', patch }])
  }

  renameDraft(draftId: string, name: string): Promise<SaveResult> {
    return this.putMeta(draftId, { name })
  }

  /** The stored records of `rows`, undefined for rows not stored yet. */
  private storedRows(tx: RowsTx, draftId: string, rows: readonly TaskRow[]): Promise<(StoredRow | undefined)[]> {
    const store = tx.objectStore('rows')
    return Promise.all(rows.map((row) => store.get([draftId, row.id])))
  }

  /**
   * Returns the change in row count. `orders` collects each row's new order key (null: deleted).
   * `stored`: a put's rows as stored, when already read.
   */
  private async applyChange(
    tx: RowsTx, draftId: string, change: DraftChange, meta: DraftMeta, orders: Map<string, number | null>, stored?: (StoredRow | undefined)[],
  ): Promise<number> {
    const store = tx.objectStore('rows')
    switch (change.type) {
      case 'put': {
        const existing = stored ?? await this.storedRows(tx, draftId, change.rows)
        let added = 0
        let next: number | null = null
        for (const [i, row] of change.rows.entries()) {
          let order = existing[i]?.order
          if (order === undefined) {
            next = next === null ? (await this.lastOrder(tx, draftId)) + 1 : next + 1
            order = next
            added++
          }
          orders.set(row.id, order)
          quiet(store.put({ ...plainRow(row), draftId, order }))
        }
        return added
      }
      case 'insert': {
        const existing = await Promise.all(change.rows.map((row) => store.getKey([draftId, row.id])))
        const after = await this.ordersAfter(tx, draftId, change.afterRowId, change.rows.length, orders)
        change.rows.forEach((row, i) => { orders.set(row.id, after[i]!); quiet(store.put({ ...plainRow(row), draftId, order: after[i]! })) })
        return existing.filter((k) => k === undefined).length
      }
      case 'move': {
        const rows = (await Promise.all(change.rowIds.map((id) => store.get([draftId, id]))))
          .filter((r): r is StoredRow => r !== undefined)
        const after = await this.ordersAfter(tx, draftId, change.afterRowId, rows.length, orders)
        rows.forEach((row, i) => { orders.set(row.id, after[i]!); quiet(store.put({ ...row, order: after[i]! })) })
        return 0
      }
      case 'delete': {
        const keys = await Promise.all(change.rowIds.map((id) => store.getKey([draftId, id])))
        let removed = 0
        for (const [i, key] of keys.entries()) {
          if (key === undefined) continue
          orders.set(change.rowIds[i]!, null)
          quiet(store.delete(key))
          removed++
        }
        return -removed
      }
      case 'order': {
        await this.renumber(tx, draftId, change.rowIds, orders)
        return 0
      }
      case 'meta': {
        patchMeta(meta, change.patch)
        return 0
      }
    }
  }

  private async lastOrder(tx: RowsTx, draftId: string): Promise<number> {
    const cursor = await tx.objectStore('rows').index('byOrder').openCursor(orderRange(draftId), 'prev')
    return cursor ? cursor.value.order : 0
  }

  /** `count` order values right after `afterRowId` (null: before the first row); renumbers once if there is no room. */
  private async ordersAfter(tx: RowsTx, draftId: string, afterRowId: string | null, count: number, assigned: Map<string, number | null>): Promise<number[]> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const index = tx.objectStore('rows').index('byOrder')
      let lo: number | null = null
      if (afterRowId !== null) {
        const anchor = await tx.objectStore('rows').get([draftId, afterRowId])
        // A vanished anchor (deleted in another tab): append rather than lose the rows.
        lo = anchor ? anchor.order : await this.lastOrder(tx, draftId)
      }
      const nextCursor = await index.openCursor(lo === null ? orderRange(draftId) : orderRange(draftId, lo, true))
      const hi = nextCursor ? nextCursor.value.order : null
      const orders = ordersBetween(lo, hi, count)
      if (orders) return orders
      await this.renumber(tx, draftId, [], assigned)
    }
    throw new Error('no room for row order after renumbering')
  }

  /** Sets orders 1..n: listed ids first in the given order, then every other row in its current order. */
  private async renumber(tx: RowsTx, draftId: string, rowIds: readonly string[], orders: Map<string, number | null>): Promise<void> {
    const first = new Map(rowIds.map((id, i) => [id, i]))
    let rest = rowIds.length
    const updates: StoredRow[] = []
    let cursor = await tx.objectStore('rows').index('byOrder').openCursor(orderRange(draftId))
    while (cursor) {
      const row = cursor.value
      const position = first.get(row.id)
      updates.push({ ...row, order: (position ?? rest++) + 1 })
      cursor = await cursor.continue()
    }
    // Written after the walk: updating during it would move rows under the cursor.
    const store = tx.objectStore('rows')
    for (const row of updates) { orders.set(row.id, row.order); quiet(store.put(row)) }
  }

  /** Copies a draft under a new id (rows keep their ids: they are unique per draft). */
  duplicateDraft(draftId: string, name?: string): Promise<WriteResult<{ id: string }>> {
    return this.loadDraft(draftId).then(async (loaded) => {
      if (!loaded.ok) return loaded.kind === 'not-found' || loaded.kind === 'damaged' || loaded.kind === 'newer' ? storageFailure('unknown', loaded.messageEn) : { ...loaded, kind: loaded.kind }
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
      this.putWhole(tx, doc, record.counts)
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

  // ——— snapshots ———

  /** A full copy of the draft as stored now: flush the save queue first so it includes the latest edits. */
  takeSnapshot(draftId: string, name: string, reason: SnapshotReason): Promise<WriteResult<{ snapshotId: string }>> {
    return this.serial(draftId, () => this.write(['drafts', 'rows', 'snapshots', 'snapshotDocuments'], async (tx) => {
      const snapshotId = await this.snapshotInside(tx, draftId, name, reason)
      if (snapshotId === null) return storageFailure('unknown', `draft ${draftId} cannot be read`)
      return { ok: true, snapshotId }
    }))
  }

  private async snapshotInside(
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
      if (!record) return loadFailure('not-found', '找不到这个快照。', 'This snapshot was not found.')
      const repaired = restoreDocument(record.document)
      if (!repaired.doc) {
        await this.quarantine({ source: 'snapshot', draftId: null, problems: repaired.problems, raw: record })
        return loadFailure('damaged', '这个快照已损坏。', 'This snapshot is damaged.', repaired.problems)
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
          this.putWhole(tx, { ...repaired.doc, id: meta.draftId, updatedAt: Date.now() }, current?.counts)
          return { ok: true, draftId: meta.draftId, beforeRestoreSnapshotId }
        }))
      },
      (error: unknown) => classifyStorageError(error),
    )
  }

  // ——— settings ———

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
        settle(failure.kind === 'blocked' || failure.kind === 'outdated' ? failure : storageFailure('unavailable', failure.messageEn))
      },
    )
  })
}
