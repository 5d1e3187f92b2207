// The 汇总 table's lines add up, the month timeline covers every month, and the overview of a
// 10k-row list is timed (printed, not asserted: the budget is 500 ms; bench/overview.measure.ts measures it).
import { describe, expect, it } from 'vitest'
import { assessDocument, type TaskDocument } from '../../src/core'
import { bulletinText, overviewOf, summaryTable } from '../../src/core/overview'
import { documentFromFixture, handmadeDocument } from './export-support'

const LABELS = { unassigned: '未填责任单位', total: '合计' }

function at(doc: TaskDocument, asOf: string) {
  return assessDocument({ ...doc, settings: { ...doc.settings, asOf } })
}

describe('the 汇总 table', () => {
  it('gives each lead unit a line that adds up, then the total of every task once', () => {
    const doc = documentFromFixture('linan-2023-h1.xls')
    const o = overviewOf(doc, at(doc, '2023-12-31'))
    const { lines } = summaryTable(o, LABELS)
    for (const l of lines) {
      expect(l.done + l.onTrack + l.behind + l.dueSoon + l.overdue).toBe(l.tasks)
      expect(l.doneRate).toBeCloseTo(l.tasks ? l.done / l.tasks : 0)
    }
    const total = lines[lines.length - 1]!
    expect(total).toMatchObject({ unit: '合计', kind: 'total', tasks: o.total, done: o.counts.done, overdue: o.counts.overdue })
    const units = lines.filter((l) => l.kind === 'unit')
    expect(units.length).toBeGreaterThan(1)
    for (let i = 1; i < units.length; i++) expect(units[i - 1]!.overdue).toBeGreaterThanOrEqual(units[i]!.overdue)
  })

  it('counts a joint task under each lead unit, never under a supporting one, and keeps tasks without a unit', () => {
    const doc = handmadeDocument(
      [{ header: '工作事项', role: 'task' }, { header: '进度安排', role: 'schedule' }, { header: '进展情况', role: 'progress' }, { header: '牵头单位', role: 'owner' }, { header: '配合单位', role: 'owner' }],
      [
        { cells: ['修建道路', '3月底前完成设计', '', '县交通局、县住建局', '各乡镇'] },
        { cells: ['改造学校', '5月底前完成', '已完成。', '县教育局', '县交通局'] },
        { cells: ['新建公园', '12月底前完成', '正在施工', '', ''] },
      ],
      { settings: { asOf: '2023-06-30', soonDays: 14, monthBefore: 'end-of-month', year: 2023 } },
    )
    const { lines } = summaryTable(overviewOf(doc, assessDocument(doc)), LABELS)
    expect(lines.map((l) => [l.unit, l.tasks, l.done, l.overdue, l.onTrack])).toEqual([
      ['县交通局', 1, 0, 1, 0], ['县住建局', 1, 0, 1, 0], ['县教育局', 1, 1, 0, 0], ['未填责任单位', 1, 0, 0, 1], ['合计', 3, 1, 1, 1],
    ])
  })
})

describe('the month timeline', () => {
  it('has every month from the first due milestone to the last, the as-of month included, due = done + overdue + open', () => {
    const doc = documentFromFixture('kaihua-2023-q1.xlsx')
    const o = overviewOf(doc, at(doc, '2023-06-01'))
    expect(o.months.length).toBeGreaterThan(3)
    for (let i = 1; i < o.months.length; i++) {
      const [y, m] = o.months[i - 1]!.month.split('-').map(Number) as [number, number]
      expect(o.months[i]!.month).toBe(m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`)
    }
    expect(o.months.map((m) => m.month)).toContain('2023-06')
    const late = overviewOf(doc, at(doc, '2024-02-29'))
    expect(late.months[late.months.length - 1]!.month).toBe('2024-02')
    for (const m of o.months) {
      expect(m.done + m.overdue + m.open).toBe(m.due)
      if (m.month > '2023-06') expect(m.overdue).toBe(0)
      expect(new Set(m.rowIds).size).toBe(m.rowIds.length)
    }
  })
})

describe('the overview of a 10k-row list', () => {
  it('computes its figures, 汇总 table and bulletin (time printed; budget 500 ms)', () => {
    const base = documentFromFixture('linan-2023-h1.xls')
    const rows: TaskDocument['rows'] = []
    for (let copy = 0; rows.length < 10_000; copy++) for (const row of base.rows) if (row.kind === 'data' && rows.length < 10_000) rows.push({ ...row, id: `${row.id}~${copy}` })
    const doc = { ...base, rows, settings: { ...base.settings, asOf: '2023-12-31' } }
    const assessment = assessDocument(doc)
    const started = performance.now()
    const o = overviewOf(doc, assessment)
    summaryTable(o, LABELS)
    bulletinText(o)
    const ms = performance.now() - started
    console.log(`overview of ${o.total} rows: ${ms.toFixed(0)} ms (budget 500 ms)`)
    expect(o.total).toBe(10_000)
  })
})

describe('the overview’s words', () => {
  it('use full-width punctuation in Chinese (they load with the view, outside messages.ts)', async () => {
    const { overviewZh, overviewEn } = await import('../../src/i18n/overviewMessages')
    const halfWidth = /[\u4e00-\u9fff「」“”][,;:()]|[,;:()][\u4e00-\u9fff「」“”]/
    expect(Object.entries(overviewZh).filter(([, text]) => halfWidth.test(text.replace(/\{[^}]*\}/g, 'x')))).toEqual([])
    expect(Object.keys(overviewEn).sort()).toEqual(Object.keys(overviewZh).sort())
  })
})
