// Rows and their order keys: a list of changes in one transaction, writing only the rows they touch.
import type { TaskRow } from '../core'
import { ordersBetween } from './orderKeys'
import { orderRange, patchMeta, plainRow, quiet, type DraftChange, type RowsTx } from './draftRecords'
import { DraftStore } from './draftStore'
import { storageFailure, type SaveResult } from './results'
import type { DraftMeta, DraftMetaPatch, StoredRow } from './schema'

export class DraftRows extends DraftStore {
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
  protected storedRows(tx: RowsTx, draftId: string, rows: readonly TaskRow[]): Promise<(StoredRow | undefined)[]> {
    const store = tx.objectStore('rows')
    return Promise.all(rows.map((row) => store.get([draftId, row.id])))
  }

  /**
   * Returns the change in row count. `orders` collects each row's new order key (null: deleted).
   * `stored`: a put's rows as stored, when already read.
   */
  protected async applyChange(
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

  protected async lastOrder(tx: RowsTx, draftId: string): Promise<number> {
    const cursor = await tx.objectStore('rows').index('byOrder').openCursor(orderRange(draftId), 'prev')
    return cursor ? cursor.value.order : 0
  }

  /** `count` order values right after `afterRowId` (null: before the first row); renumbers once if there is no room. */
  protected async ordersAfter(tx: RowsTx, draftId: string, afterRowId: string | null, count: number, assigned: Map<string, number | null>): Promise<number[]> {
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
  protected async renumber(tx: RowsTx, draftId: string, rowIds: readonly string[], orders: Map<string, number | null>): Promise<void> {
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
}
