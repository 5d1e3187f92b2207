// Stored-document schema versions: each older shape steps `up` one version at a time to DOCUMENT_SCHEMA_VERSION.
import { DOCUMENT_SCHEMA_VERSION } from './document'

/** One step from `from` to `from + 1`. It receives the old record as is and must not throw on odd input. */
interface Migration {
  from: number
  up(old: Record<string, unknown>): Record<string, unknown>
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The schema version a raw record claims. Records written before versioning (Jindu 0.x)
 * carry no `schemaVersion`: they are version 0. A non-numeric claim is read as 0 too, so
 * the v0 step (which only adds what is missing) gets a chance and repair does the rest.
 */
export function documentVersionOf(raw: unknown): number {
  if (!isRecord(raw)) return 0
  const v = raw.schemaVersion
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0
}

/** True when the record was written by a newer Jindu: it must be kept, not mangled by an older reader. */
export function isNewerDocument(raw: unknown): boolean {
  return documentVersionOf(raw) > DOCUMENT_SCHEMA_VERSION
}

/**
 * v0 (Jindu 0.x kept one record per draft): columns were header strings or `{ header, role }`
 * without ids, row cells were arrays by column position, the as-of date and year sat at the top
 * level, and `savedAt` stood for `updatedAt`. v1 keys cells by stable column ids, so adding or
 * moving a column never shifts data.
 */
const v0ToV1: Migration = {
  from: 0,
  up(old) {
    const oldColumns = Array.isArray(old.columns) ? old.columns : []
    const columns = oldColumns.map((column, i) => {
      const id = `col${i + 1}`
      if (typeof column === 'string') return { id, header: column, role: null }
      if (isRecord(column)) return { ...column, id: typeof column.id === 'string' && column.id ? column.id : id }
      return column // repair drops what is not a column
    })
    const idAt = (i: number): string | null => {
      const c = columns[i]
      return isRecord(c) && typeof c.id === 'string' ? c.id : null
    }
    const oldRows = Array.isArray(old.rows) ? old.rows : []
    const rows = oldRows.map((row, r) => {
      if (!isRecord(row)) return row
      const next: Record<string, unknown> = { ...row }
      if (typeof next.id !== 'string' || !next.id) next.id = `row${r + 1}`
      if (Array.isArray(row.cells)) {
        // No prototype: an old column id like `__proto__` must land as a key, not replace the prototype.
        const cells = Object.create(null) as Record<string, unknown>
        row.cells.forEach((text, i) => {
          const id = idAt(i)
          if (id) cells[id] = text
          else cells[`col${i + 1}`] = text // a cell beyond the last column: repair restores its column
        })
        next.cells = cells
      }
      return next
    })
    const settings = isRecord(old.settings) ? { ...old.settings } : {}
    if (!('asOf' in settings) && typeof old.asOf === 'string') settings.asOf = old.asOf
    if (!('year' in settings) && typeof old.year === 'number') settings.year = old.year
    const next: Record<string, unknown> = { ...old, columns, rows, settings, schemaVersion: 1 }
    if (next.updatedAt === undefined && typeof old.savedAt === 'number') next.updatedAt = old.savedAt
    delete next.savedAt
    delete next.asOf
    delete next.year
    return next
  },
}

/** Ordered by `from`; the next schema change adds `{ from: 1, up }` here and bumps DOCUMENT_SCHEMA_VERSION. */
const MIGRATIONS: readonly Migration[] = [v0ToV1]

/**
 * Steps a raw stored document forward to the current schema version. Input that is not
 * an object, or that a newer Jindu wrote, comes back unchanged (repair reports it).
 * Never throws: a step that fails leaves the record at the version it reached.
 */
export function migrateDocument(raw: unknown): unknown {
  if (!isRecord(raw) || isNewerDocument(raw)) return raw
  let doc: Record<string, unknown> = raw
  let version = documentVersionOf(doc)
  while (version < DOCUMENT_SCHEMA_VERSION) {
    const step = MIGRATIONS.find((m) => m.from === version)
    if (!step) break
    try {
      doc = step.up(doc)
    } catch {
      break
    }
    version = step.from + 1
    doc = { ...doc, schemaVersion: version }
  }
  return doc
}
