// The repair funnel: malformed documents never throw, and every change leaves a note.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { DOCUMENT_SCHEMA_VERSION, cellOf, defaultSettings, taskFieldsOf, type TaskDocument } from '../../src/core'
import { migrateDocument } from '../../src/core/migrations'
import { repairDocument } from '../../src/core/repairDocument'

function validDoc(): TaskDocument {
  return {
    schemaVersion: DOCUMENT_SCHEMA_VERSION, id: 'd1', name: '开化县', sourceFile: 'a.xlsx', sheetName: 'Sheet1',
    title: '开化县2023年一季度重点工作', preamble: ['填报单位：'],
    header: { rows: [['序号', '工作事项']], merges: [] },
    columns: [{ id: 'c1', header: '序号', role: 'seq' }, { id: 'c2', header: '工作事项', role: 'task', width: 300 }],
    rows: [
      { id: 'r1', kind: 'data', cells: { c1: '1', c2: '完成方案' }, sheetRow: 2, overrides: { 1: true }, edited: ['c2'], spans: { c1: 2 } },
      { id: 'r2', kind: 'section', cells: { c1: '一、经济' } },
    ],
    settings: { ...defaultSettings(), asOf: '2023-03-31', year: 2023 },
    suggestedAsOf: '2023-03-31', createdAt: 1000, updatedAt: 2000,
  }
}

describe('repairDocument', () => {
  it('keeps a valid document as it is, with no problems', () => {
    const doc = validDoc()
    const repaired = repairDocument(structuredClone(doc))
    expect(repaired.problems).toEqual([])
    expect(repaired.doc).toEqual(doc)
  })

  it('rejects what is not a document', () => {
    for (const input of [null, undefined, 42, 'text', [1, 2], true]) {
      const repaired = repairDocument(input)
      expect(repaired.doc).toBeNull()
      expect(repaired.problems.length).toBeGreaterThan(0)
    }
  })

  it('refuses a document from a newer schema instead of rewriting it', () => {
    const repaired = repairDocument({ ...validDoc(), schemaVersion: DOCUMENT_SCHEMA_VERSION + 1 })
    expect(repaired.doc).toBeNull()
  })

  it('fills every missing field with a default', () => {
    const repaired = repairDocument({})
    expect(repaired.doc).not.toBeNull()
    const doc = repaired.doc!
    expect(doc.schemaVersion).toBe(DOCUMENT_SCHEMA_VERSION)
    expect(doc.id).toMatch(/^d/)
    expect(doc.name).toBe('未命名清单')
    expect(doc.rows).toEqual([])
    expect(doc.columns).toEqual([])
    expect(doc.settings).toEqual(defaultSettings())
    expect(doc.header).toEqual({ rows: [[]], merges: [] })
    expect(repaired.problems).toContain('清单编号缺失，已换新编号')
  })

  it('coerces numbers and booleans in cells to text and clears nulls and objects', () => {
    const doc = validDoc()
    const input = { ...doc, rows: [{ id: 'r1', kind: 'data', cells: { c1: 1, c2: null } }, { id: 'r2', cells: { c1: true, c2: { x: 1 } } }] }
    const repaired = repairDocument(input)
    expect(repaired.doc!.rows[0]!.cells).toEqual({ c1: '1' })
    expect(repaired.doc!.rows[1]!.cells).toEqual({ c1: 'true' })
    expect(repaired.doc!.rows[1]!.kind).toBe('data')
    expect(repaired.problems.some((p) => p.includes('第2行'))).toBe(true)
  })

  it('gives duplicate row and column ids fresh ones and notes it', () => {
    const doc = validDoc()
    const input = {
      ...doc,
      columns: [...doc.columns, { id: 'c1', header: '重复', role: 'note' }],
      rows: [doc.rows[0], { ...doc.rows[1], id: 'r1' }, { kind: 'data', cells: {} }],
    }
    const repaired = repairDocument(input)
    const ids = repaired.doc!.rows.map((r) => r.id)
    expect(new Set(ids).size).toBe(3)
    expect(ids[0]).toBe('r1')
    const columnIds = repaired.doc!.columns.map((c) => c.id)
    expect(new Set(columnIds).size).toBe(3)
    expect(repaired.problems.filter((p) => p.includes('编号')).length).toBe(3)
  })

  it('drops rows and columns that are not objects, with a note each', () => {
    const doc = validDoc()
    const repaired = repairDocument({ ...doc, columns: [doc.columns[0], 7, doc.columns[1]], rows: [null, doc.rows[0], 'x', { id: 'r9', cells: 5 }] })
    expect(repaired.doc!.columns.map((c) => c.id)).toEqual(['c1', 'c2'])
    expect(repaired.doc!.rows.map((r) => r.id)).toEqual(['r1'])
    expect(repaired.problems).toContain('第2列无法读取，已舍弃')
    expect(repaired.problems).toContain('第1行无法读取，已舍弃')
    expect(repaired.problems).toContain('第4行的单元格无法读取，已舍弃')
  })

  it('rebuilds missing columns from the cells instead of losing text', () => {
    const repaired = repairDocument({ id: 'd', rows: [{ id: 'r1', cells: { a: 'x', b: 'y' } }, { id: 'r2', cells: ['p', 'q', 'r'] }] })
    const doc = repaired.doc!
    expect(doc.columns.map((c) => c.id).slice(0, 2)).toEqual(['a', 'b'])
    expect(doc.columns).toHaveLength(3)
    expect(doc.rows[0]!.cells).toEqual({ a: 'x', b: 'y' })
    expect(Object.values(doc.rows[1]!.cells)).toEqual(['p', 'q', 'r'])
    expect(repaired.problems).toContain('缺少列定义，已按单元格重建')
  })

  it('drops invalid settings values, edited marks and spans of unknown columns', () => {
    const doc = validDoc()
    const repaired = repairDocument({
      ...doc,
      settings: { asOf: '31/03/2023', soonDays: -3, monthBefore: 'soon', year: 'x' },
      rows: [{ ...doc.rows[0], edited: ['c2', 'gone', 3], spans: { c1: 1, gone: 3 }, overrides: { 1: 'yes', 2: false } }],
    })
    expect(repaired.doc!.settings).toEqual(defaultSettings())
    const row = repaired.doc!.rows[0]!
    expect(row.edited).toEqual(['c2'])
    expect(row.spans).toBeUndefined()
    expect(row.overrides).toEqual({ 2: false })
  })

  it('never throws on arbitrary input', () => {
    fc.assert(fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true }), (input) => {
      const repaired = repairDocument(input)
      expect(Array.isArray(repaired.problems)).toBe(true)
    }))
    const shaped = fc.record({
      id: fc.anything(), name: fc.anything(), columns: fc.anything(),
      rows: fc.array(fc.record({ id: fc.anything(), kind: fc.anything(), cells: fc.anything(), spans: fc.anything() }, { requiredKeys: [] })),
      settings: fc.anything(), header: fc.anything(),
    }, { requiredKeys: [] })
    fc.assert(fc.property(shaped, (input) => {
      const repaired = repairDocument(input)
      expect(repaired.doc).not.toBeNull()
      const rowIds = repaired.doc!.rows.map((r) => r.id)
      expect(new Set(rowIds).size).toBe(rowIds.length)
      for (const row of repaired.doc!.rows) for (const v of Object.values(row.cells)) expect(typeof v).toBe('string')
    }))
  })

  it('does not let a repaired-away cell vanish: an unknown column id restores its column', () => {
    const doc = validDoc()
    const repaired = repairDocument({ ...doc, rows: [{ id: 'r1', kind: 'data', cells: { c1: '1', zz: '孤儿' } }] })
    expect(repaired.doc!.columns.map((c) => c.id)).toEqual(['c1', 'c2', 'zz'])
    expect(repaired.doc!.rows[0]!.cells.zz).toBe('孤儿')
  })
})

describe('column ids that are names every object inherits', () => {
  const risky = ['constructor', '__proto__', 'toString', 'hasOwnProperty']
  // JSON.parse, as a backup or a stored record arrives: `__proto__` is an own key there.
  const raw = JSON.parse(JSON.stringify({
    schemaVersion: 1, id: 'd1', name: 'x',
    columns: risky.map((id, i) => ({ id, header: `列${i + 1}`, role: i === 0 ? 'task' : null })),
    rows: [{ id: 'r1', kind: 'data', cells: {}, edited: ['toString'], spans: {} }],
  }).replace('"cells":{}', `"cells":{${risky.map((id, i) => `"${id}":"文字${i + 1}"`).join(',')}}`)
    .replace('"spans":{}', '"spans":{"__proto__":2}')) as unknown

  it('rewrites them to plain ids and keeps every cell under its column', () => {
    const { doc, problems } = repairDocument(raw)
    if (!doc) throw new Error(problems.join())
    expect(doc.columns.map((c) => c.header)).toEqual(['列1', '列2', '列3', '列4'])
    for (const column of doc.columns) expect(risky).not.toContain(column.id)
    const row = doc.rows[0]!
    expect(doc.columns.map((c) => cellOf(row, c.id))).toEqual(['文字1', '文字2', '文字3', '文字4'])
    expect(row.edited).toEqual([doc.columns[2]!.id])
    expect(row.spans).toEqual({ [doc.columns[1]!.id]: 2 })
    expect(taskFieldsOf(doc.columns, row)).toEqual({ task: '文字1' })
    expect(problems.some((p) => p.includes('constructor'))).toBe(true)
  })

  it('a stored JSON copy of the repaired document reads back the same', () => {
    const { doc } = repairDocument(raw)
    const again = repairDocument(JSON.parse(JSON.stringify(doc)))
    expect(again.problems).toEqual([])
    expect(again.doc?.rows[0]?.cells).toEqual(doc?.rows[0]?.cells)
  })

  it('taskFieldsOf reads only own cells: an absent `constructor` cell is empty, not a function', () => {
    const columns = [{ id: 'constructor', header: '任务', role: 'task' as const }]
    expect(() => taskFieldsOf(columns, { id: 'r', kind: 'data', cells: {} })).not.toThrow()
    expect(taskFieldsOf(columns, { id: 'r', kind: 'data', cells: {} })).toEqual({})
  })

  it('a v0 record whose column id is `__proto__` keeps its text through migration', () => {
    const v0 = JSON.parse('{"columns":[{"id":"__proto__","header":"任务"}],"rows":[{"cells":["修路"]}]}') as unknown
    const { doc } = repairDocument(migrateDocument(v0))
    expect(doc && cellOf(doc.rows[0]!, doc.columns[0]!.id)).toBe('修路')
  })
})
