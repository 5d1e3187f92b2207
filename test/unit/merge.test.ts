// planMerge on copies made the way units make them: the master exported (split or not), read
// back as a unit's file, then edited as units edit — the exact set of changes, none spurious.
import { describe, expect, it } from 'vitest'
import {
  DOCUMENT_ID_PATTERN, applyCommand, diffText, planMerge, mergeCommand, newId, toTraditional, type TaskDocument,
} from '../../src/core'
import { readWorkbook, toDocument } from '../../src/io'
import { exportDocument } from '../../src/io/export'
import { documentFromFixture, FIXTURE_FILES } from './export-support'

async function returnedCopy(master: TaskDocument, format: 'xlsx' | 'xls' | 'ods' = 'xlsx', addRowIds = true): Promise<TaskDocument> {
  const result = await exportDocument(master, { format, addRowIds })
  if (!result.ok) throw new Error(result.code)
  const book = await readWorkbook(result.files[0]!.bytes, `copy.${format}`)
  return toDocument(book.sheets[0]!, `copy.${format}`)
}

const col = (doc: TaskDocument, role: string, n = 0) => doc.columns.filter((c) => c.role === role)[n]!
const dataRows = (doc: TaskDocument) => doc.rows.filter((r) => r.kind === 'data')

/** Writes new progress into the n-th data rows of a copy, as a unit fills its report. */
function report(copy: TaskDocument, rows: number[], text: (i: number) => string): void {
  const progress = col(copy, 'progress')
  for (const i of rows) dataRows(copy)[i]!.cells[progress.id] = text(i)
}

for (const file of FIXTURE_FILES) {
  describe(`planMerge on copies of ${file}`, () => {
    const master = documentFromFixture(file)
    const hasProgress = master.columns.some((c) => c.role === 'progress')

    it('an untouched round trip matches every row by id and changes nothing', async () => {
      const copy = await returnedCopy(master)
      const plan = planMerge(master, { name: 'copy.xlsx', doc: copy })
      expect(plan.matches).toHaveLength(dataRows(master).length)
      expect(plan.matches.every((m) => m.by === 'id')).toBe(true)
      expect(plan.changes).toEqual([])
      expect(plan.added).toEqual([])
    })

    it.skipIf(!hasProgress)('new progress in two rows, renumbered and sorted rows, reordered and renamed columns: exactly those two changes', async () => {
      const copy = await returnedCopy(master)
      report(copy, [0, 2], (i) => `第${i}行:已完成全部工作。`)
      const seq = copy.columns.find((c) => c.role === 'seq')
      if (seq) dataRows(copy).forEach((r, i) => { r.cells[seq.id] = String(100 + i) })
      copy.rows.reverse()
      copy.columns.reverse()
      col(copy, 'progress').header = '工作进展'
      const plan = planMerge(master, { name: 'copy.xlsx', doc: copy })
      const order = (id: string) => master.rows.findIndex((r) => r.id === id)
      expect(plan.changes.map((c) => [c.masterRowId, c.kind, c.after]).sort((a, b) => order(a[0]!) - order(b[0]!))).toEqual([
        [dataRows(master)[0]!.id, 'progress', '第0行:已完成全部工作。'],
        [dataRows(master)[2]!.id, 'progress', '第2行:已完成全部工作。'],
      ])
    })

    it.skipIf(!hasProgress)('without the id column, in traditional characters: matched by text, the same changes', async () => {
      const copy = await returnedCopy(master, 'xlsx', false)
      const task = col(copy, 'task')
      for (const row of dataRows(copy)) row.cells[task.id] = toTraditional(row.cells[task.id] ?? '')
      report(copy, [1], () => '已于3月完成。')
      const plan = planMerge(master, { name: 'copy.xlsx', doc: copy })
      expect(plan.files[0]!.byId).toBe(false)
      expect(plan.changes.map((c) => [c.masterRowId, c.after])).toEqual([[dataRows(master)[1]!.id, '已于3月完成。']])
      expect(plan.matches.length + plan.files[0]!.ambiguous.length).toBe(dataRows(master).length)
    })

    it('rows deleted, one added and the rest sorted, through .ods: the added row and the gap, no change', async () => {
      const copy = await returnedCopy(master, 'ods')
      const rows = dataRows(copy)
      const gone = rows[1]!
      copy.rows = copy.rows.filter((r) => r !== gone).reverse()
      copy.rows.push({ id: 'new', kind: 'data', cells: { [col(copy, 'task').id]: '新增:建立重点工作月度调度机制' } })
      const plan = planMerge(master, { name: 'copy.ods', doc: copy })
      expect(plan.changes).toEqual([])
      expect(plan.added.map((a) => a.returnedRowId)).toEqual(['new'])
      expect(plan.matches.map((m) => m.masterRowId).sort()).toEqual(dataRows(master).filter((_, i) => i !== 1).map((r) => r.id).sort())
    })

    it('an .xls round trip changes nothing', async () => {
      const plan = planMerge(master, { name: 'copy.xls', doc: await returnedCopy(master, 'xls') })
      expect(plan.changes).toEqual([])
    })
  })
}

describe('planMerge: rows, units, conflicts', () => {
  const master = documentFromFixture('linan-2023-h1.xls')

  it('names rows a unit deleted as missing and rows it added as added, after the row they followed', async () => {
    const copy = await returnedCopy(master)
    const owner = col(copy, 'owner')
    copy.rows = copy.rows.filter((r) => r.kind !== 'data' || r.cells[owner.id] === '发改局')
    const kept = dataRows(copy)
    const dropped = kept.splice(1, 1)[0]!
    copy.rows = copy.rows.filter((r) => r !== dropped)
    const firstKept = copy.rows.indexOf(kept[0]!)
    copy.rows.splice(firstKept + 1, 0, { id: newId('r'), kind: 'data', cells: { [col(copy, 'task').id]: '新增:推进数字经济园区建设', [owner.id]: '发改局' } })
    const plan = planMerge(master, { name: '发改局.xlsx', doc: copy })
    expect(plan.files[0]!.unit).toBe('发改局')
    expect(plan.added).toHaveLength(1)
    expect(plan.added[0]!.afterMasterRowId).toBe(plan.matches.find((m) => m.returnedRowId === kept[0]!.id)!.masterRowId)
    expect(plan.missing.map((m) => m.masterRowId)).toContain(plan.matches.length ? master.rows.find((r) => r.cells[col(master, 'task').id] === dropped.cells[col(copy, 'task').id])!.id : '')
    expect(plan.notReported).not.toContain('发改局')
    expect(plan.notReported.length).toBeGreaterThan(5)
  })

  it('marks a schedule edit as such, and shows two copies writing one cell differently as a conflict', async () => {
    const kaihua = documentFromFixture('kaihua-2023-q1.xlsx')
    const a = await returnedCopy(kaihua)
    const b = await returnedCopy(kaihua)
    report(a, [0], () => '已完成。')
    report(b, [0], () => '正在推进。')
    dataRows(b)[3]!.cells[col(b, 'schedule').id] = '①12月底前完成。'
    const plan = planMerge(kaihua, [{ name: 'a.xlsx', doc: a }, { name: 'b.xlsx', doc: b }])
    expect(plan.conflicts).toHaveLength(1)
    expect(plan.conflicts[0]!.options.map((o) => o.after)).toEqual(['已完成。', '正在推进。'])
    expect(plan.changes.filter((c) => c.kind === 'schedule').map((c) => c.masterRowId)).toEqual([dataRows(kaihua)[3]!.id])
  })

  it('leaves a row that could be one of two to the clerk', () => {
    const twin = documentFromFixture('kaihua-2023-q1.xlsx')
    const task = col(twin, 'task')
    dataRows(twin)[1]!.cells[task.id] = dataRows(twin)[0]!.cells[task.id]!
    const copy: TaskDocument = { ...twin, columns: twin.columns.filter((c) => c.role !== 'seq'), rows: [{ id: 'x', kind: 'data', cells: { [task.id]: dataRows(twin)[0]!.cells[task.id]! } }] }
    const plan = planMerge(twin, { name: 'c.xlsx', doc: copy })
    expect(plan.matches).toEqual([])
    expect(plan.files[0]!.ambiguous[0]!.candidates).toHaveLength(2)
    expect(plan.added).toEqual([])
    // The clerk's answer is honoured: the chosen row, or "none of them" (a row the unit added).
    const second = dataRows(twin)[1]!.id
    const chosen = planMerge(twin, { name: 'c.xlsx', doc: copy, pairs: { x: second } })
    expect(chosen.matches).toEqual([{ file: 0, masterRowId: second, returnedRowId: 'x', by: 'clerk', confidence: 1 }])
    expect(chosen.files[0]!.ambiguous).toEqual([])
    const none = planMerge(twin, { name: 'c.xlsx', doc: copy, pairs: { x: null } })
    expect(none.matches).toEqual([])
    expect(none.files[0]!.ambiguous).toEqual([])
    expect(none.added.map((a) => a.returnedRowId)).toEqual(['x'])
  })

  it('puts a row a unit added above its first task just above that task, in its section', async () => {
    const copy = await returnedCopy(master)
    const owner = col(copy, 'owner')
    // A unit whose first task is well down the list.
    const unit = dataRows(copy)[15]!.cells[owner.id]!
    copy.rows = copy.rows.filter((r) => r.kind !== 'data' || r.cells[owner.id] === unit)
    const first = dataRows(copy)[0]!
    copy.rows.splice(copy.rows.indexOf(first), 0, { id: 'new', kind: 'data', cells: { [col(copy, 'task').id]: '新增:谋划一批重大项目', [owner.id]: '' } })
    const plan = planMerge(master, { name: `${unit}.xlsx`, doc: copy })
    const firstMaster = plan.matches.find((m) => m.returnedRowId === first.id)!.masterRowId
    const at = master.rows.findIndex((r) => r.id === firstMaster)
    expect(at).toBeGreaterThan(0)
    expect(plan.added.map((a) => a.afterMasterRowId)).toEqual([master.rows[at - 1]!.id])
    // Written without naming its unit: it is the unit's own.
    expect(plan.added[0]!.cells[col(master, 'owner').id]).toBe(unit)
    const applied = applyCommand(master, mergeCommand(master, { changes: [], added: plan.added }, () => 'inserted'))
    expect(applied.doc.rows.findIndex((r) => r.id === 'inserted')).toBe(at)
  })

  it('counts per unit the tasks still without new progress, and who has not reported', async () => {
    const copy = await returnedCopy(master)
    const owner = col(copy, 'owner')
    copy.rows = copy.rows.filter((r) => r.kind !== 'data' || r.cells[owner.id] === '发改局')
    const mine = dataRows(copy).length
    report(copy, [0], () => '已完成年度目标。')
    const plan = planMerge(master, { name: '发改局.xlsx', doc: copy })
    const byUnit = new Map(plan.units.map((u) => [u.unit, u]))
    expect(byUnit.get('发改局')).toEqual({ unit: '发改局', rows: mine, reported: true, withoutNewProgress: mine - 1 })
    for (const unit of plan.notReported) {
      const u = byUnit.get(unit)!
      expect(u.reported).toBe(false)
      expect(u.withoutNewProgress).toBe(u.rows)
    }
  })

  it('applies the accepted part as one command whose inverse restores the master', async () => {
    const kaihua = documentFromFixture('kaihua-2023-q1.xlsx')
    const copy = await returnedCopy(kaihua)
    report(copy, [0, 1], () => '已完成。')
    const plan = planMerge(kaihua, { name: 'c.xlsx', doc: copy })
    const command = mergeCommand(kaihua, { changes: plan.changes.slice(0, 1), added: [] }, () => newId('r'))
    const applied = applyCommand(kaihua, command)
    expect(applied.doc.rows.find((r) => r.id === dataRows(kaihua)[0]!.id)!.cells[col(kaihua, 'progress').id]).toBe('已完成。')
    expect(applied.doc.rows.find((r) => r.id === dataRows(kaihua)[1]!.id)!.cells[col(kaihua, 'progress').id]).toBe(dataRows(kaihua)[1]!.cells[col(kaihua, 'progress').id])
    const undone = applyCommand(applied.doc, applied.inverse)
    expect(undone.doc.rows.map((r) => r.cells)).toEqual(kaihua.rows.map((r) => r.cells))
  })
})

describe('columns and differences', () => {
  it('a column under the same header is the same column even when the clerk gave the master another role', async () => {
    const kaihua = documentFromFixture('kaihua-2023-q1.xlsx')
    const copy = await returnedCopy(kaihua)
    report(copy, [0], () => '已完成。')
    // The clerk had made 进展情况 a plain column in the master: the unit's copy reads it as progress.
    const master = { ...kaihua, columns: kaihua.columns.map((c) => (c.role === 'progress' ? { ...c, role: null } : c)) }
    const plan = planMerge(master, { name: 'c.xlsx', doc: copy })
    expect(plan.changes.map((c) => [c.masterRowId, c.columnId, c.after])).toEqual([[dataRows(kaihua)[0]!.id, col(kaihua, 'progress').id, '已完成。']])
  })

  it('diffText marks the differing middle, the shared start and end kept', () => {
    expect(diffText('完成立项。', '完成立项，开工建设。')).toEqual({ before: ['完成立项', '', '。'], after: ['完成立项', '，开工建设', '。'] })
    expect(diffText('', '新')).toEqual({ before: ['', '', ''], after: ['', '新', ''] })
    expect(diffText('同', '同')).toEqual({ before: ['同', '', ''], after: ['同', '', ''] })
  })
})

describe('the document id in the workbook’s properties', () => {
  const master = documentFromFixture(FIXTURE_FILES[0]!)
  // .ods: SheetJS writes no document properties there; the row ids alone travel.
  for (const format of ['xlsx', 'xls'] as const) {
    it(`a ${format} export with row ids names its document in the keywords, and its title`, async () => {
      const result = await exportDocument(master, { format, addRowIds: true })
      if (!result.ok) throw new Error(result.code)
      const XLSX = await import('@e965/xlsx')
      const props = XLSX.read(result.files[0]!.bytes, { type: 'array', bookProps: true }).Props
      expect(DOCUMENT_ID_PATTERN.exec(props?.Keywords ?? '')?.[1]).toBe(master.id)
      expect(props?.Title).toBe(master.title ?? master.name)
    })
  }
  it('an export without row ids names no document', async () => {
    const result = await exportDocument(master, { format: 'xlsx', addRowIds: false })
    if (!result.ok) throw new Error(result.code)
    const XLSX = await import('@e965/xlsx')
    const props = XLSX.read(result.files[0]!.bytes, { type: 'array', bookProps: true }).Props
    expect(props?.Keywords ?? '').not.toMatch(DOCUMENT_ID_PATTERN)
  })
})
