// Whole drafts: create, replace, load through restore (quarantine first), list; the quarantine itself.
import type { IDBPTransaction } from 'idb'
import { DOCUMENT_SCHEMA_VERSION, newId, type StateCounts, type TaskDocument } from '../core'
import { documentVersionOf, isNewerDocument } from '../core/migrations'
import { restoreDocument } from '../core/repairDocument'
import {
  countsOf, documentInQuarantine, fingerprint, loadFailure, metaOf, orderStoredRows, plainJson, plainRow, quiet, rowKeyRange, summaryOf,
  type DraftSummary, type LoadResult, type RawDraft, type ReadResult, type Stores,
} from './draftRecords'
import { classifyStorageError, storageFailure, type SaveResult, type WriteResult } from './results'
import type { DraftMeta, JinduSchema, QuarantineRecord, StoredRow } from './schema'
import { DraftConnection } from './transactions'

/** Rows put between two yields of the page's thread when a whole draft is written (~15–25 ms of puts). */
const PUT_BATCH_ROWS = 300

export class DraftStore extends DraftConnection {
  /** Stores a whole document as a new draft. An id already taken gets a fresh one, returned as `id`. */
  createDraft(doc: TaskDocument, extra: { counts?: StateCounts } = {}): Promise<WriteResult<{ id: string }>> {
    return this.serial(doc.id, () => this.write(['drafts', 'rows'], async (tx) => {
      const taken = await tx.objectStore('drafts').getKey(doc.id)
      const id = taken === undefined ? doc.id : newId('d')
      const written = await this.putWhole(tx, { ...doc, id }, extra.counts)
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
      const written = await this.putWhole(tx, doc, extra.counts)
      return { ok: true, written }
    })).then((result) => {
      if (result.ok) this.known = result.written
      else this.forget(doc.id)
      return result.ok ? { ok: true } : result
    })
  }

  /**
   * Writes a whole draft: its record and every row. The rows go in batches, each made once the
   * last put of the batch before has landed: the page's thread is free between batches to paint
   * and take keys (a 10k list's first save held it ~0.7 s in one piece, a 100k list's seconds),
   * and the transaction stays active because each batch is made in a request's success callback.
   * Returns what is stored once the transaction commits.
   */
  protected async putWhole(tx: IDBPTransaction<JinduSchema, Stores, 'readwrite'>, doc: TaskDocument, counts?: StateCounts): Promise<NonNullable<DraftConnection['known']>> {
    const drafts = tx.objectStore('drafts')
    const rows = tx.objectStore('rows')
    const meta = metaOf(doc, counts)
    quiet(drafts.put(meta))
    const orders = new Map<string, number>()
    for (let i = 0; i < doc.rows.length; i++) {
      const row = doc.rows[i]!
      orders.set(row.id, i + 1)
      const put = rows.put({ ...plainRow(row), draftId: doc.id, order: i + 1 })
      quiet(put)
      if ((i + 1) % PUT_BATCH_ROWS === 0 && i + 1 < doc.rows.length) await put
    }
    return { draftId: doc.id, meta: { ...meta }, orders }
  }

  /**
   * A draft as stored: `assembled` is meta + rows in order (what migration and repair read);
   * `original` is what quarantine keeps, byte for byte the records as found.
   */
  protected async readRaw(
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
      if (stored === undefined) return loadFailure('not-found', 'draft')
      const raw = stored.assembled
      if (isNewerDocument(raw)) {
        return loadFailure('newer', 'draft')
      }
      const fromVersion = documentVersionOf(raw)
      const repaired = restoreDocument(raw)
      const counts = countsOf(raw)
      if (!repaired.doc) {
        await this.quarantine({ source: 'draft', draftId: id, problems: repaired.problems, raw: stored.original })
        return loadFailure('damaged', 'draft', repaired.problems)
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
          return { ok: true, written: await this.putWhole(tx, doc, counts) }
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
}
