// Hand marks follow their milestone when the schedule is edited (they are stored by number).
import { describe, expect, it } from 'vitest'
import { applyCommand } from '../../src/core/commands'
import { assessRow } from '../../src/core/assessDocument'
import { defaultSettings, type TaskDocument } from '../../src/core/document'
import { remapOverrides } from '../../src/core/overrides'

const three = '①2月上旬前,完成设计招标。②3月底前,完成图纸深化设计。③5月底前,完成施工许可报批并开工建设。'

describe('remapOverrides', () => {
  it('counts an unnumbered cell with one date per sentence as the engine does (one milestone per date)', () => {
    const before = '6月底前完成设计，年底前建成投用'
    const after = '3月底前完成选址，6月底前完成设计，年底前建成投用'
    expect(remapOverrides({ 2: true }, { schedule: before }, { schedule: after })).toEqual({ 3: true })
  })

  it('moves a mark with its words when a milestone is added ahead of it', () => {
    const added = `①1月底前,完成选址。${three.replace('①', '②').replace('②3月', '③3月').replace('③5月', '④5月')}`
    expect(remapOverrides({ 3: true }, { schedule: three }, { schedule: added })).toEqual({ 4: true })
  })

  it('moves a mark back when a milestone ahead of it is removed', () => {
    const removed = '①3月底前,完成图纸深化设计。②5月底前,完成施工许可报批并开工建设。'
    expect(remapOverrides({ 3: false, 1: true }, { schedule: three }, { schedule: removed })).toEqual({ 2: false })
  })

  it('keeps a mark on a milestone edited in place, and the same object when nothing moves', () => {
    const edited = three.replace('完成图纸深化设计', '完成图纸深化设计及审查')
    const marks = { 2: true }
    expect(remapOverrides(marks, { schedule: three }, { schedule: edited })).toBe(marks)
    expect(remapOverrides(marks, { schedule: three }, { schedule: three, progress: '新的进展' })).toBe(marks)
  })

  it('drops a mark whose milestone is gone when the count changed', () => {
    const two = '①2月上旬前,完成设计招标。②6月底前,完成竣工验收。'
    expect(remapOverrides({ 2: true }, { schedule: three }, { schedule: two })).toEqual({})
  })

  it('a moved mark wins over a mark kept in place on the same number', () => {
    const swapped = '①3月底前,完成图纸深化设计。②2月上旬前,完成设计招标。③年底前,完成验收。'
    // ② moved to ① by its words; ③ is gone but the count is the same, so it stays at ③;
    // ① moved to ②, which no kept-in-place mark may take.
    expect(remapOverrides({ 1: true, 2: false, 3: true }, { schedule: three }, { schedule: swapped })).toEqual({ 1: false, 2: true, 3: true })
  })

  it('reads the deadline column when there is no schedule, and leaves an implicit milestone alone', () => {
    expect(remapOverrides({ 1: true }, { deadline: '①3月底前;②6月底前' }, { deadline: '①1月底前②3月底前③6月底前' })).toEqual({ 2: true })
    const marks = { 1: true }
    expect(remapOverrides(marks, { task: '完成A' }, { task: '完成A和B' })).toBe(marks)
  })
})

describe('a schedule edit through the command', () => {
  const doc: TaskDocument = {
    schemaVersion: 1, id: 'd', name: 'n', sourceFile: 'f.xlsx', sheetName: 's', title: null, preamble: [],
    header: { rows: [['工作事项', '进度安排', '进展情况']], merges: [] },
    columns: [{ id: 't', header: '工作事项', role: 'task' }, { id: 's', header: '进度安排', role: 'schedule' }, { id: 'p', header: '进展情况', role: 'progress' }],
    rows: [{ id: 'r', kind: 'data', cells: { t: '启动新安综合体建设', s: three, p: '' }, sheetRow: 1, overrides: { 3: true } }],
    settings: { ...defaultSettings(), asOf: '2023-06-30', year: 2023 }, suggestedAsOf: null, createdAt: 1, updatedAt: 1,
  }

  it('keeps the hand mark on 「5月底前」 when a milestone is added at the front, and undo puts it back', () => {
    const added = `①1月底前,完成选址。②2月上旬前,完成设计招标。③3月底前,完成图纸深化设计。④5月底前,完成施工许可报批并开工建设。`
    const result = applyCommand(doc, { kind: 'setCells', cells: [{ rowId: 'r', colId: 's', value: added }] })
    const row = result.doc.rows[0]!
    expect(row.overrides).toEqual({ 4: true })
    const states = assessRow(result.doc, row, '2023-06-30', 2023)!.milestones.map((m) => [m.dueWords, m.state, m.overridden ?? false])
    expect(states).toEqual([['1月底前', 'overdue', false], ['2月上旬前', 'overdue', false], ['3月底前', 'overdue', false], ['5月底前', 'done', true]])
    const undone = applyCommand(result.doc, result.inverse)
    expect(undone.doc.rows[0]!.overrides).toEqual({ 3: true })
  })

  it('leaves the marks alone when another column is edited', () => {
    const result = applyCommand(doc, { kind: 'setCells', cells: [{ rowId: 'r', colId: 'p', value: '①已完成' }] })
    expect(result.doc.rows[0]!.overrides).toBe(doc.rows[0]!.overrides)
  })
})
