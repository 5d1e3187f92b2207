// Edit commands: every kind done, undone and redone exactly, with untouched rows kept by identity.
import { describe, expect, it } from 'vitest'
import { applyCommand, commandLabel, isViewCommand, mergeChanged, type DocCommand } from '../../src/core/commands'
import { defaultSettings, type TaskDocument } from '../../src/core/document'

/** A small list shaped like the tunxi fixture: two-row merged header, sections, a footer. */
function sampleDoc(): TaskDocument {
  return {
    schemaVersion: 1, id: 'd1', name: '屯溪区2020年重点工作', sourceFile: 'tunxi.xlsx', sheetName: 'Sheet1',
    title: '屯溪区2020年重点工作任务分解表', preamble: ['填报单位:区政府办'],
    header: {
      rows: [['序号', '工作任务', '推进情况', '', '责任单位'], ['', '', '进度安排', '进展情况', '']],
      merges: [
        { r0: 0, c0: 0, r1: 1, c1: 0 }, { r0: 0, c0: 1, r1: 1, c1: 1 },
        { r0: 0, c0: 2, r1: 0, c1: 3 }, { r0: 0, c0: 4, r1: 1, c1: 4 },
      ],
    },
    columns: [
      { id: 'seq', header: '序号', role: 'seq', width: 48 },
      { id: 'task', header: '工作任务', role: 'task' },
      { id: 'sched', header: '推进情况/进度安排', role: 'schedule' },
      { id: 'prog', header: '推进情况/进展情况', role: 'progress' },
      { id: 'owner', header: '责任单位', role: 'owner' },
    ],
    rows: [
      { id: 's1', kind: 'section', cells: { seq: '一、深化改革创新' }, sheetRow: 2 },
      { id: 'r1', kind: 'data', cells: { seq: '1', task: '推进国企改革', sched: '①3月底前出台方案;②6月底前完成', prog: '已出台方案', owner: '区国资委' }, sheetRow: 3 },
      { id: 'r2', kind: 'data', cells: { seq: '2', task: '优化营商环境', sched: '年底前完成', owner: '区发改委' }, sheetRow: 4, overrides: { 1: true }, edited: ['prog'], spans: { owner: 2 } },
      { id: 'r3', kind: 'data', cells: { seq: '3', task: '深化“放管服”改革', sched: '持续推进', owner: '区发改委' }, sheetRow: 5 },
      { id: 's2', kind: 'section', cells: { seq: '二、加快动能转换' }, sheetRow: 6 },
      { id: 'r4', kind: 'data', cells: { seq: '5', task: '培育新兴产业', sched: '三季度完成', prog: '', owner: '区经信局' }, sheetRow: 7 },
      { id: 'f1', kind: 'footer', cells: { seq: '备注:每月25日前报送' }, sheetRow: 9 },
    ],
    settings: defaultSettings(),
    suggestedAsOf: null,
    createdAt: 1, updatedAt: 2,
  }
}

/** Do → undo → redo, each deep-equal to the state it should reach; the input is never mutated. */
function roundTrip(doc: TaskDocument, cmd: DocCommand) {
  const before = structuredClone(doc)
  const done = applyCommand(doc, cmd)
  expect(doc).toStrictEqual(before)
  expect(done.doc).not.toBe(doc)
  const after = structuredClone(done.doc)
  const undone = applyCommand(done.doc, done.inverse)
  expect(undone.doc).toStrictEqual(before)
  expect(done.doc).toStrictEqual(after)
  const redone = applyCommand(undone.doc, done.command)
  expect(redone.doc).toStrictEqual(after)
  // The undo reports the same rows as the do (what storage must rewrite or delete).
  expect(new Set([...undone.changed.rows, ...undone.changed.removedRows]))
    .toEqual(new Set([...done.changed.rows, ...done.changed.removedRows]))
  return { done, undone, redone }
}

const ids = (doc: TaskDocument) => doc.rows.map((r) => r.id)

describe('setCells', () => {
  it('writes a block, marks edited columns, keeps other rows by identity', () => {
    const doc = sampleDoc()
    const { done, undone } = roundTrip(doc, {
      kind: 'setCells',
      cells: [
        { rowId: 'r1', colId: 'prog', value: '已完成方案\n正在推进' },
        { rowId: 'r2', colId: 'prog', value: '已完成' },
        { rowId: 'r2', colId: 'status', value: 'ignored: no such column' },
        { rowId: 'nope', colId: 'prog', value: 'ignored: no such row' },
      ],
    })
    expect(done.doc.rows[1]?.cells.prog).toBe('已完成方案\n正在推进')
    expect(done.doc.rows[1]?.edited).toEqual(['prog'])
    // r2 already had prog marked: not marked twice.
    expect(done.doc.rows[2]?.edited).toEqual(['prog'])
    expect(done.doc.rows[2]?.cells).not.toHaveProperty('status')
    expect(done.changed).toEqual({ rows: ['r1', 'r2'], removedRows: [], meta: false })
    for (const i of [0, 3, 4, 5, 6]) expect(done.doc.rows[i]).toBe(doc.rows[i])
    expect(done.doc.columns).toBe(doc.columns)
    // Undo puts back the very row objects, so the grid sees no change in them at all.
    expect(undone.doc.rows[1]).toBe(doc.rows[1])
  })

  it('treats an unchanged value, or empty into an absent cell, as no edit', () => {
    const doc = sampleDoc()
    const r = applyCommand(doc, { kind: 'setCells', cells: [{ rowId: 'r1', colId: 'seq', value: '1' }, { rowId: 'r2', colId: 'prog', value: '' }] })
    expect(r.doc).toBe(doc)
    expect(r.changed).toEqual({ rows: [], removedRows: [], meta: false })
  })

  it('replaceAll behaves as setCells with its own label', () => {
    const doc = sampleDoc()
    const { done } = roundTrip(doc, { kind: 'replaceAll', cells: [{ rowId: 'r3', colId: 'owner', value: '区数据局' }] })
    expect(done.doc.rows[3]?.cells.owner).toBe('区数据局')
    expect(commandLabel(done.command)).toEqual({ zh: '全部替换', en: 'Replace all' })
  })
})

describe('row commands', () => {
  it('insertRows at an index, removed again by undo', () => {
    const doc = sampleDoc()
    const { done } = roundTrip(doc, { kind: 'insertRows', index: 2, rows: [{ id: 'n1', kind: 'data', cells: {} }, { id: 'n2', kind: 'data', cells: { task: '新任务' } }] })
    expect(ids(done.doc)).toEqual(['s1', 'r1', 'n1', 'n2', 'r2', 'r3', 's2', 'r4', 'f1'])
    expect(done.changed).toEqual({ rows: ['n1', 'n2'], removedRows: [], meta: true })
  })

  it('insertRows skips a row whose id is taken', () => {
    const doc = sampleDoc()
    const r = applyCommand(doc, { kind: 'insertRows', index: 0, rows: [{ id: 'r1', kind: 'data', cells: {} }] })
    expect(r.doc).toBe(doc)
  })

  it('deleteRows of scattered rows is undone back to the same places', () => {
    const doc = sampleDoc()
    const { done, undone } = roundTrip(doc, { kind: 'deleteRows', rowIds: ['f1', 's1', 'r2', 'r3'] })
    expect(ids(done.doc)).toEqual(['r1', 's2', 'r4'])
    expect(done.changed).toEqual({ rows: [], removedRows: ['s1', 'r2', 'r3', 'f1'], meta: true })
    expect(undone.doc.rows[2]).toBe(doc.rows[2])
  })

  it('moveRows keeps the moved rows in document order', () => {
    const doc = sampleDoc()
    const { done } = roundTrip(doc, { kind: 'moveRows', rowIds: ['r3', 'r1'], toIndex: 3 })
    // Remaining: s1 r2 s2 r4 f1 → the block lands before index 3 (r4).
    expect(ids(done.doc)).toEqual(['s1', 'r2', 's2', 'r1', 'r3', 'r4', 'f1'])
    expect(done.changed).toEqual({ rows: [], removedRows: [], meta: true })
    done.doc.rows.forEach((row) => expect(doc.rows).toContain(row))
  })

  it('reorderRows sets the order; ids left out keep theirs at the end', () => {
    const doc = sampleDoc()
    const { done } = roundTrip(doc, { kind: 'reorderRows', order: ['r4', 'r1', 'ghost'] })
    expect(ids(done.doc)).toEqual(['r4', 'r1', 's1', 'r2', 'r3', 's2', 'f1'])
  })

  it('duplicateRows puts each copy after its original, and redo makes the same ids', () => {
    const doc = sampleDoc()
    const { done, redone } = roundTrip(doc, { kind: 'duplicateRows', rowIds: ['r2', 'r4'] })
    expect(done.doc.rows).toHaveLength(9)
    const copy = done.doc.rows[3]
    expect(copy?.id).not.toBe('r2')
    expect(copy).toEqual({ id: copy?.id, kind: 'data', cells: doc.rows[2]?.cells, overrides: { 1: true }, edited: ['prog'] })
    expect(copy?.cells).not.toBe(doc.rows[2]?.cells)
    expect(ids(redone.doc)).toEqual(ids(done.doc))
    expect(done.changed.rows).toEqual([done.doc.rows[3]?.id, done.doc.rows[7]?.id])
  })

  it('addSectionRow puts the label in the first column', () => {
    const doc = sampleDoc()
    const { done } = roundTrip(doc, { kind: 'addSectionRow', index: 4, label: '(二)巩固成果' })
    const row = done.doc.rows[4]
    expect(row?.kind).toBe('section')
    expect(row?.cells).toEqual({ seq: '(二)巩固成果' })
    expect(done.command).toMatchObject({ kind: 'addSectionRow', id: row?.id })
  })

  it('renumberSeq numbers data rows 1..n across sections, leaving sections and footer alone', () => {
    const doc = sampleDoc()
    const { done } = roundTrip(doc, { kind: 'renumberSeq' })
    expect(done.doc.rows.map((r) => r.cells.seq)).toEqual(['一、深化改革创新', '1', '2', '3', '二、加快动能转换', '4', '备注:每月25日前报送'])
    // Only r4 had a wrong number.
    expect(done.changed.rows).toEqual(['r4'])
    expect(done.doc.rows[5]?.edited).toEqual(['seq'])
  })

  it('renumberSeq without a seq column changes nothing', () => {
    const doc = sampleDoc()
    const noSeq = { ...doc, columns: doc.columns.map((c) => (c.role === 'seq' ? { ...c, role: null } : c)) }
    expect(applyCommand(noSeq, { kind: 'renumberSeq' }).doc).toBe(noSeq)
  })

  it('setOverride sets and clears a milestone override', () => {
    const doc = sampleDoc()
    const set = roundTrip(doc, { kind: 'setOverride', rowId: 'r1', index: 2, done: false }).done
    expect(set.doc.rows[1]?.overrides).toEqual({ 2: false })
    const cleared = roundTrip(doc, { kind: 'setOverride', rowId: 'r2', index: 1, done: null }).done
    expect(cleared.doc.rows[2]).not.toHaveProperty('overrides')
    expect(cleared.changed.rows).toEqual(['r2'])
    expect(applyCommand(doc, { kind: 'setOverride', rowId: 'r2', index: 1, done: true }).doc).toBe(doc)
  })

  it('putRows replaces known rows only', () => {
    const doc = sampleDoc()
    const { done } = roundTrip(doc, { kind: 'putRows', rows: [{ id: 'r3', kind: 'data', cells: { task: 'x' } }, { id: 'ghost', kind: 'data', cells: {} }] })
    expect(done.doc.rows[3]?.cells).toEqual({ task: 'x' })
    expect(done.doc.rows).toHaveLength(7)
  })
})

describe('column commands', () => {
  it('setColumnRole', () => {
    const doc = sampleDoc()
    const { done } = roundTrip(doc, { kind: 'setColumnRole', colId: 'prog', role: 'status' })
    expect(done.doc.columns[3]?.role).toBe('status')
    expect(done.doc.rows).toBe(doc.rows)
    expect(done.changed).toEqual({ rows: [], removedRows: [], meta: true })
  })

  it('setColumnWidth and setColumnHidden are view commands, still undoable by their inverse', () => {
    const doc = sampleDoc()
    const wide = roundTrip(doc, { kind: 'setColumnWidth', colId: 'task', width: 320 }).done
    expect(wide.doc.columns[1]?.width).toBe(320)
    const unset = roundTrip(doc, { kind: 'setColumnWidth', colId: 'seq', width: null }).done
    expect(unset.doc.columns[0]).not.toHaveProperty('width')
    const hidden = roundTrip(doc, { kind: 'setColumnHidden', colId: 'owner', hidden: true }).done
    expect(hidden.doc.columns[4]?.hidden).toBe(true)
    expect(isViewCommand(hidden.command)).toBe(true)
    expect(isViewCommand({ kind: 'setColumnRole', colId: 'owner', role: null })).toBe(false)
  })

  it('addColumn under a group header joins the group and keeps the header a rectangle', () => {
    const doc = sampleDoc()
    const { done, redone } = roundTrip(doc, { kind: 'addColumn', index: 3, column: { header: '推进情况/完成时限', role: 'deadline' } })
    const id = done.doc.columns[3]?.id
    expect(id).toBeTruthy()
    expect(redone.doc.columns[3]?.id).toBe(id)
    expect(done.doc.header.rows).toEqual([['序号', '工作任务', '推进情况', '', '', '责任单位'], ['', '', '进度安排', '完成时限', '进展情况', '']])
    expect(done.doc.header.merges).toContainEqual({ r0: 0, c0: 2, r1: 0, c1: 4 })
    expect(done.doc.header.merges).toContainEqual({ r0: 0, c0: 5, r1: 1, c1: 5 })
  })

  it('addColumn outside groups spans the header rows', () => {
    const doc = sampleDoc()
    const { done } = roundTrip(doc, { kind: 'addColumn', index: 5, column: { id: 'note', header: '备注', role: 'note' } })
    expect(done.doc.columns[5]).toEqual({ id: 'note', header: '备注', role: 'note' })
    expect(done.doc.header.rows.map((r) => r[5])).toEqual(['备注', ''])
    expect(done.doc.header.merges).toContainEqual({ r0: 0, c0: 5, r1: 1, c1: 5 })
  })

  it('removeColumn drops its cells, edited marks and spans; undo brings them all back', () => {
    const doc = sampleDoc()
    const { done, undone } = roundTrip(doc, { kind: 'removeColumn', colId: 'owner' })
    expect(done.doc.columns.map((c) => c.id)).toEqual(['seq', 'task', 'sched', 'prog'])
    expect(done.doc.rows[2]?.cells).not.toHaveProperty('owner')
    expect(done.doc.rows[2]?.spans).toEqual({})
    expect(done.doc.header.rows).toEqual([['序号', '工作任务', '推进情况', ''], ['', '', '进度安排', '进展情况']])
    expect(done.changed.rows).toEqual(['r1', 'r2', 'r3', 'r4'])
    expect(done.changed.meta).toBe(true)
    expect(done.doc.rows[0]).toBe(doc.rows[0])
    expect(undone.doc.rows[2]).toBe(doc.rows[2])

    const prog = roundTrip(doc, { kind: 'removeColumn', colId: 'prog' }).done
    expect(prog.doc.rows[2]?.edited).toEqual([])
    // The group 推进情况 shrinks to one column: no longer a merge.
    expect(prog.doc.header.merges).not.toContainEqual(expect.objectContaining({ c0: 2, c1: 2, r0: 0, r1: 0 }))
  })

  it('removing the first column of a group hands the group text to the next', () => {
    const doc = sampleDoc()
    const { done } = roundTrip(doc, { kind: 'removeColumn', colId: 'sched' })
    expect(done.doc.header.rows).toEqual([['序号', '工作任务', '推进情况', '责任单位'], ['', '', '进展情况', '']])
  })

  it('renameHeader writes the parts back to the header rows the column owns', () => {
    const doc = sampleDoc()
    const plain = roundTrip(doc, { kind: 'renameHeader', colId: 'owner', header: '牵头单位' }).done
    expect(plain.doc.columns[4]?.header).toBe('牵头单位')
    expect(plain.doc.header.rows[0]?.[4]).toBe('牵头单位')
    const grouped = roundTrip(doc, { kind: 'renameHeader', colId: 'sched', header: '推进情况/时间节点' }).done
    expect(grouped.doc.header.rows).toEqual([['序号', '工作任务', '推进情况', '', '责任单位'], ['', '', '时间节点', '进展情况', '']])
    // The shared group cell is not renamed from one of its columns.
    const shared = roundTrip(doc, { kind: 'renameHeader', colId: 'sched', header: '计划/节点' }).done
    expect(shared.doc.header.rows[0]?.[2]).toBe('推进情况')
    expect(shared.doc.header.rows[1]?.[2]).toBe('节点')
  })

  it('setSettings changes only the given keys', () => {
    const doc = sampleDoc()
    const { done } = roundTrip(doc, { kind: 'setSettings', settings: { asOf: '2020-06-30', soonDays: 7 } })
    expect(done.doc.settings).toEqual({ ...defaultSettings(), asOf: '2020-06-30', soonDays: 7 })
    expect(done.doc.rows).toBe(doc.rows)
    expect(applyCommand(doc, { kind: 'setSettings', settings: { soonDays: 14 } }).doc).toBe(doc)
  })
})

describe('group', () => {
  it('applies in order, undoes in reverse, and merges what changed', () => {
    const doc = sampleDoc()
    const { done } = roundTrip(doc, {
      kind: 'group',
      label: { zh: '粘贴', en: 'Paste' },
      commands: [
        { kind: 'insertRows', index: 6, rows: [{ id: 'n1', kind: 'data', cells: {} }] },
        { kind: 'setCells', cells: [{ rowId: 'n1', colId: 'task', value: '新增任务' }, { rowId: 'r4', colId: 'prog', value: '已投产' }] },
        { kind: 'deleteRows', rowIds: ['r1'] },
      ],
    })
    expect(done.changed).toEqual({ rows: ['n1', 'r4'], removedRows: ['r1'], meta: true })
    expect(commandLabel(done.command)).toEqual({ zh: '粘贴', en: 'Paste' })
  })

  it('mergeChanged: a row written then removed is only removed', () => {
    expect(mergeChanged({ rows: ['a', 'b'], removedRows: [], meta: false }, { rows: [], removedRows: ['a'], meta: true }))
      .toEqual({ rows: ['b'], removedRows: ['a'], meta: true })
    expect(mergeChanged({ rows: [], removedRows: ['a'], meta: false }, { rows: ['a'], removedRows: [], meta: false }))
      .toEqual({ rows: ['a'], removedRows: [], meta: false })
  })
})
