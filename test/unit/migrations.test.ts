// Schema migrations: a v0 record (positional cells, no ids) steps up to the current shape.
import { describe, expect, it } from 'vitest'
import { DOCUMENT_SCHEMA_VERSION } from '../../src/core'
import { documentVersionOf, isNewerDocument, migrateDocument } from '../../src/core/migrations'
import { repairDocument } from '../../src/core/repairDocument'

const V0_DRAFT = {
  id: 'old1',
  name: '旧草稿',
  title: '开化县2023年一季度重点工作',
  asOf: '2023-03-31',
  year: 2023,
  savedAt: 1_680_000_000_000,
  columns: [{ header: '序号', role: 'seq' }, '工作事项', { header: '进度安排', role: 'schedule' }],
  rows: [
    { kind: 'section', cells: ['一、经济发展'] },
    { cells: ['1', '推进项目', '3月底前完成'] },
    { cells: ['2', '招商', '6月底前', '多出的一格'] },
  ],
}

describe('migrateDocument', () => {
  it('reads a record without schemaVersion as v0', () => {
    expect(documentVersionOf(V0_DRAFT)).toBe(0)
    expect(documentVersionOf({ schemaVersion: 1 })).toBe(1)
  })

  it('moves v0 cells by position into cells keyed by column id', () => {
    const migrated = migrateDocument(structuredClone(V0_DRAFT)) as Record<string, unknown>
    expect(migrated.schemaVersion).toBe(DOCUMENT_SCHEMA_VERSION)
    expect(migrated.columns).toEqual([
      { header: '序号', role: 'seq', id: 'col1' },
      { id: 'col2', header: '工作事项', role: null },
      { header: '进度安排', role: 'schedule', id: 'col3' },
    ])
    const rows = migrated.rows as { id: string; cells: Record<string, string> }[]
    expect(rows[1]).toEqual({ id: 'row2', cells: { col1: '1', col2: '推进项目', col3: '3月底前完成' } })
    expect(migrated.settings).toEqual({ asOf: '2023-03-31', year: 2023 })
    expect(migrated.updatedAt).toBe(V0_DRAFT.savedAt)
    expect('savedAt' in migrated).toBe(false)
  })

  it('gives a fully valid document after repair, keeping every cell', () => {
    const repaired = repairDocument(migrateDocument(structuredClone(V0_DRAFT)))
    const doc = repaired.doc!
    expect(doc.settings.asOf).toBe('2023-03-31')
    expect(doc.settings.year).toBe(2023)
    expect(doc.rows.map((r) => r.kind)).toEqual(['section', 'data', 'data'])
    // The fourth cell had no column: repair restored one rather than drop the text.
    expect(doc.columns).toHaveLength(4)
    expect(Object.values(doc.rows[2]!.cells)).toContain('多出的一格')
    expect(doc.header.rows).toEqual([['序号', '工作事项', '进度安排', '']])
  })

  it('leaves current, newer and non-object input unchanged', () => {
    const current = { schemaVersion: DOCUMENT_SCHEMA_VERSION, id: 'x' }
    expect(migrateDocument(current)).toBe(current)
    const newer = { schemaVersion: DOCUMENT_SCHEMA_VERSION + 5, rows: 'whatever' }
    expect(isNewerDocument(newer)).toBe(true)
    expect(migrateDocument(newer)).toBe(newer)
    expect(migrateDocument(null)).toBeNull()
    expect(migrateDocument(7)).toBe(7)
  })

  it('does not throw on odd v0 shapes', () => {
    for (const odd of [{}, { columns: 'x', rows: 'y' }, { rows: [null, 3, { cells: 'z' }] }, { columns: [null, 1] }]) {
      const migrated = migrateDocument(odd) as Record<string, unknown>
      expect(migrated.schemaVersion).toBe(DOCUMENT_SCHEMA_VERSION)
      expect(repairDocument(migrated).doc).not.toBeNull()
    }
  })
})
