// Undo history: long runs, limits, grouped steps, labels, and random command sequences undone to the start.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { applyCommand, type DocCommand } from '../../src/core/commands'
import { History } from '../../src/core/history'
import { pasteCommand } from '../../src/core/clipboard'
import { defaultSettings, type TaskDocument, type TaskRow } from '../../src/core/document'
import type { Role } from '../../src/core/types'

function sampleDoc(rowCount = 6): TaskDocument {
  return {
    schemaVersion: 1, id: 'd1', name: '清单', sourceFile: null, sheetName: null, title: '2023年重点工作', preamble: [],
    header: { rows: [['序号', '工作事项', '进度安排', '进展情况']], merges: [] },
    columns: [
      { id: 'seq', header: '序号', role: 'seq' },
      { id: 'task', header: '工作事项', role: 'task' },
      { id: 'sched', header: '进度安排', role: 'schedule' },
      { id: 'prog', header: '进展情况', role: 'progress' },
    ],
    rows: Array.from({ length: rowCount }, (_, i): TaskRow => (i === 2
      ? { id: `r${i}`, kind: 'section', cells: { seq: '二、重点项目' } }
      : { id: `r${i}`, kind: 'data', cells: { seq: String(i + 1), task: `任务${i}`, sched: `${i + 1}月底前完成` } })),
    settings: defaultSettings(), suggestedAsOf: null, createdAt: 0, updatedAt: 0,
  }
}

describe('History', () => {
  it('undoes and redoes 150 edits in order, with labels for the UI', () => {
    const original = sampleDoc()
    const history = new History()
    let doc = original
    const states: TaskDocument[] = [doc]
    for (let i = 0; i < 150; i += 1) {
      doc = history.apply(doc, { kind: 'setCells', cells: [{ rowId: `r${i % 6}`, colId: 'prog', value: `第${i}次` }] }).doc
      states.push(doc)
    }
    expect(history.size).toBe(150)
    expect(history.undoLabel).toEqual({ zh: '编辑单元格', en: 'Edit cell' })
    for (let i = 149; i >= 0; i -= 1) {
      const move = history.undo(doc)
      expect(move).not.toBeNull()
      doc = move!.doc
      expect(doc).toStrictEqual(states[i])
    }
    expect(doc).toStrictEqual(original)
    expect(history.canUndo).toBe(false)
    expect(history.undo(doc)).toBeNull()
    for (let i = 1; i <= 150; i += 1) {
      doc = history.redo(doc)!.doc
      expect(doc).toStrictEqual(states[i])
    }
    expect(history.canRedo).toBe(false)
  })

  it('keeps at least 200 steps by default, and the configured number when asked', () => {
    const history = new History()
    let doc = sampleDoc()
    for (let i = 0; i < 230; i += 1) doc = history.apply(doc, { kind: 'setCells', cells: [{ rowId: 'r0', colId: 'prog', value: String(i) }] }).doc
    expect(history.size).toBe(200)
    const small = new History({ limit: 3 })
    for (let i = 0; i < 5; i += 1) doc = small.apply(doc, { kind: 'setCells', cells: [{ rowId: 'r1', colId: 'prog', value: String(i) }] }).doc
    let undone = 0
    while (small.canUndo) { doc = small.undo(doc)!.doc; undone += 1 }
    expect(undone).toBe(3)
    // The two oldest steps were dropped: r1 is left as the second edit made it.
    expect(doc.rows[1]?.cells.prog).toBe('1')
  })

  it('clears the redo stack on a new command', () => {
    const history = new History()
    let doc = history.apply(sampleDoc(), { kind: 'deleteRows', rowIds: ['r0'] }).doc
    doc = history.undo(doc)!.doc
    expect(history.canRedo).toBe(true)
    expect(history.redoLabel).toEqual({ zh: '删除行', en: 'Delete rows' })
    doc = history.apply(doc, { kind: 'renumberSeq' }).doc
    expect(history.canRedo).toBe(false)
    expect(history.redo(doc)).toBeNull()
  })

  it('records neither view commands nor commands that changed nothing', () => {
    const history = new History()
    let doc = sampleDoc()
    doc = history.apply(doc, { kind: 'setColumnWidth', colId: 'task', width: 300 }).doc
    doc = history.apply(doc, { kind: 'setColumnHidden', colId: 'prog', hidden: true }).doc
    history.apply(doc, { kind: 'setCells', cells: [{ rowId: 'r0', colId: 'seq', value: '1' }] })
    expect(doc.columns[1]?.width).toBe(300)
    expect(history.canUndo).toBe(false)
  })

  it('undoes a paste that added rows and set cells in one step', () => {
    const original = sampleDoc(4)
    const history = new History()
    const grid = [['补充事项甲', '6月底前'], ['补充事项乙', '9月底前'], ['补充事项丙', '年底前']]
    const cmd = pasteCommand(original, grid, { rowId: 'r2', colId: 'task' }, ['seq', 'task', 'sched', 'prog'], ['r0', 'r1', 'r2', 'r3'])
    const pasted = history.apply(original, cmd)
    expect(pasted.doc.rows).toHaveLength(5)
    expect(pasted.changed.rows).toHaveLength(3)
    expect(history.size).toBe(1)
    expect(history.undoLabel).toEqual({ zh: '粘贴', en: 'Paste' })
    const undone = history.undo(pasted.doc)!
    expect(undone.doc).toStrictEqual(original)
    expect(undone.changed.removedRows).toHaveLength(1)
    const redone = history.redo(undone.doc)!
    expect(redone.doc).toStrictEqual(pasted.doc)
  })

  it('pushGroup records separately applied commands as one step', () => {
    const original = sampleDoc()
    const history = new History()
    const a = applyCommand(original, { kind: 'insertRows', index: 0, rows: [{ id: 'n', kind: 'data', cells: {} }] })
    const b = applyCommand(a.doc, { kind: 'setCells', cells: [{ rowId: 'n', colId: 'task', value: '新' }] })
    history.pushGroup([a, b], { zh: '新增任务', en: 'Add task' })
    expect(history.undoLabel).toEqual({ zh: '新增任务', en: 'Add task' })
    expect(history.undo(b.doc)!.doc).toStrictEqual(original)
    expect(history.canUndo).toBe(false)
  })
})

// --- Property: any sequence of commands, undone step by step, gives back the original. ---

const ROLE_CHOICES: (Role | null)[] = ['seq', 'task', 'schedule', 'progress', 'status', 'owner', 'note', null]

/** Commands built from the document as it is, so they mostly hit real rows and columns. */
function commandArb(doc: TaskDocument): fc.Arbitrary<DocCommand> {
  const rowIds = doc.rows.map((r) => r.id)
  const colIds = doc.columns.map((c) => c.id)
  const rowId = rowIds.length ? fc.oneof(fc.constantFrom(...rowIds), fc.constant('ghost')) : fc.constant('ghost')
  const colId = colIds.length ? fc.constantFrom(...colIds) : fc.constant('ghost')
  const text = fc.oneof(fc.constantFrom('', '1', '3月底前完成', '已完成', '滞后', 'a\nb', '"q"\t'), fc.string({ maxLength: 6 }))
  const index = fc.integer({ min: -1, max: doc.rows.length + 1 })
  const someRows = fc.uniqueArray(rowId, { maxLength: 3 })
  return fc.oneof(
    fc.array(fc.record({ rowId, colId, value: text }), { maxLength: 4 }).map((cells): DocCommand => ({ kind: 'setCells', cells })),
    fc.array(fc.record({ rowId, colId, value: text }), { maxLength: 2 }).map((cells): DocCommand => ({ kind: 'replaceAll', cells })),
    fc.tuple(index, fc.integer({ min: 1, max: 2 })).map(([i, n]): DocCommand => ({
      kind: 'insertRows', index: i, rows: Array.from({ length: n }, (_, k) => ({ id: `n${doc.rows.length}-${i}-${k}`, kind: 'data' as const, cells: {} })),
    })),
    someRows.map((ids): DocCommand => ({ kind: 'deleteRows', rowIds: ids })),
    fc.tuple(someRows, index).map(([ids, i]): DocCommand => ({ kind: 'moveRows', rowIds: ids, toIndex: i })),
    fc.shuffledSubarray(rowIds).map((order): DocCommand => ({ kind: 'reorderRows', order })),
    someRows.map((ids): DocCommand => ({ kind: 'duplicateRows', rowIds: ids })),
    fc.tuple(index, text).map(([i, label]): DocCommand => ({ kind: 'addSectionRow', index: i, label })),
    fc.tuple(colId, fc.constantFrom(...ROLE_CHOICES)).map(([c, role]): DocCommand => ({ kind: 'setColumnRole', colId: c, role })),
    fc.tuple(fc.integer({ min: 0, max: colIds.length }), text, fc.constantFrom(...ROLE_CHOICES)).map(([i, header, role]): DocCommand => ({ kind: 'addColumn', index: i, column: { header, role } })),
    colId.map((c): DocCommand => ({ kind: 'removeColumn', colId: c })),
    fc.tuple(colId, text).map(([c, header]): DocCommand => ({ kind: 'renameHeader', colId: c, header })),
    fc.tuple(rowId, fc.integer({ min: 1, max: 3 }), fc.constantFrom(true, false, null)).map(([r, i, done]): DocCommand => ({ kind: 'setOverride', rowId: r, index: i, done })),
    fc.record({ asOf: fc.constantFrom(null, '2023-03-31'), soonDays: fc.integer({ min: 0, max: 30 }) }).map((settings): DocCommand => ({ kind: 'setSettings', settings })),
    fc.constant<DocCommand>({ kind: 'renumberSeq' }),
    fc.tuple(colId, fc.integer({ min: 40, max: 400 })).map(([c, w]): DocCommand => ({ kind: 'setColumnWidth', colId: c, width: w })),
  )
}

/** Width and visibility are not in the history: compare documents without them. */
function withoutView(doc: TaskDocument): TaskDocument {
  return { ...doc, columns: doc.columns.map(({ width: _w, hidden: _h, ...c }) => c) }
}

describe('History property', () => {
  it('undoing every step of a random command sequence restores the original; redoing all restores the end', () => {
    const twoRowHeader = (): TaskDocument => ({
      ...sampleDoc(),
      header: {
        rows: [['序号', '工作事项', '推进情况', ''], ['', '', '进度安排', '进展情况']],
        merges: [{ r0: 0, c0: 0, r1: 1, c1: 0 }, { r0: 0, c0: 1, r1: 1, c1: 1 }, { r0: 0, c0: 2, r1: 0, c1: 3 }],
      },
    })
    fc.assert(
      fc.property(fc.boolean(), fc.array(fc.nat(), { minLength: 1, maxLength: 25 }), fc.integer(), (twoRows, seeds, seed) => {
        const original = twoRows ? twoRowHeader() : sampleDoc()
        const frozen = structuredClone(original)
        const history = new History()
        let doc = original
        // Each command is drawn against the current document, as a clerk's next action would be.
        seeds.forEach((s, i) => {
          const [cmd] = fc.sample(commandArb(doc), { numRuns: 1, seed: seed + s + i })
          if (cmd) doc = history.apply(doc, cmd).doc
        })
        const end = doc
        while (history.canUndo) doc = history.undo(doc)!.doc
        expect(withoutView(doc)).toStrictEqual(withoutView(frozen))
        while (history.canRedo) doc = history.redo(doc)!.doc
        expect(withoutView(doc)).toStrictEqual(withoutView(end))
        // Row ids stay unique whatever happened.
        expect(new Set(end.rows.map((r) => r.id)).size).toBe(end.rows.length)
      }),
      { numRuns: 300 },
    )
  })

  it('each command alone: apply then its inverse is the identity (deep-equal)', () => {
    fc.assert(
      fc.property(commandArb(sampleDoc()), (cmd) => {
        const doc = sampleDoc()
        const r = applyCommand(doc, cmd)
        expect(applyCommand(r.doc, r.inverse).doc).toStrictEqual(doc)
      }),
      { numRuns: 500 },
    )
  })
})
