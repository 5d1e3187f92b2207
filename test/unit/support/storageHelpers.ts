// Shared by the storage tests: fresh fake-indexeddb databases, test documents, and counters of
// the reads and writes a storage call makes.
import 'fake-indexeddb/auto'
import { afterEach, vi } from 'vitest'
import type { TaskDocument } from '../../../src/core'
import { openDraftDatabase, type DraftDatabase } from '../../../src/storage'
import { testDocument } from './testDocuments'

let dbCount = 0
const opened: DraftDatabase[] = []

/** A database name no test used before. */
export function freshDbName(): string {
  return `jindu-test-${++dbCount}`
}

/** Closed after the test (see closeDatabasesAfterEach). */
export function closeAfterTest(db: DraftDatabase): void {
  opened.push(db)
}

export async function freshDb(): Promise<DraftDatabase> {
  const result = await openDraftDatabase(freshDbName())
  if (!result.ok) throw new Error(result.kind)
  opened.push(result.db)
  return result.db
}

/** Closes every database a test opened and undoes spies: call once at the top of a test file. */
export function closeDatabasesAfterEach(): void {
  afterEach(() => {
    vi.restoreAllMocks()
    while (opened.length) opened.pop()!.close()
  })
}

export function makeDoc(rowCount = 3, id = 'draft1'): TaskDocument {
  return testDocument({ rowCount, id })
}

export async function load(db: DraftDatabase, id: string): Promise<TaskDocument> {
  const loaded = await db.loadDraft(id)
  if (!loaded.ok) throw new Error(`${loaded.kind}: ${loaded.problems.join("; ")}`)
  return loaded.doc
}

/** Counts put/delete calls per object store while `work` runs. */
export async function countWrites(work: () => Promise<unknown>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  const bump = (store: IDBObjectStore, op: string): void => {
    const key = `${store.name}.${op}`
    counts[key] = (counts[key] ?? 0) + 1
  }
  const put = IDBObjectStore.prototype.put
  const del = IDBObjectStore.prototype.delete
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
    bump(this, 'put')
    return put.apply(this, args)
  })
  vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(function (this: IDBObjectStore, ...args) {
    bump(this, 'delete')
    return del.apply(this, args)
  })
  await work()
  vi.restoreAllMocks()
  return counts
}

/** Counts reads (get, getKey, cursors) on object stores and indexes while `work` runs. */
export async function countReads(work: () => Promise<unknown>): Promise<number> {
  let reads = 0
  const spy = <T extends object>(proto: T, method: keyof T): void => {
    const original = proto[method] as (...args: unknown[]) => unknown
    vi.spyOn(proto, method as never).mockImplementation(function (this: unknown, ...args: unknown[]) {
      reads++
      return original.apply(this, args)
    } as never)
  }
  for (const method of ['get', 'getKey', 'getAll', 'openCursor'] as const) {
    spy(IDBObjectStore.prototype, method)
    spy(IDBIndex.prototype, method)
  }
  await work()
  vi.restoreAllMocks()
  return reads
}
