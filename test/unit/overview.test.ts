// The overview's figures, the bulletin draft (golden files per fixture at its as-of date; run with
// UPDATE_GOLDEN=1 to write them again after a deliberate change) and the comparison of versions.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { assessDocument, type TaskDocument } from '../../src/core'
import { bulletinText, compareVersions, matchEarlierRows, overviewOf } from '../../src/core/overview'
import { documentFromFixture, handmadeDocument } from './export-support'

function at(doc: TaskDocument, asOf: string) {
  return assessDocument({ ...doc, settings: { ...doc.settings, asOf } })
}

describe('overview', () => {
  it('counts every task once, each unit’s tasks by state, worst units first', () => {
    const doc = documentFromFixture('linan-2023-h1.xls')
    const assessment = at(doc, '2023-06-30')
    const o = overviewOf(doc, assessment)
    expect(o.total).toBe(assessment.byRow.size)
    expect(Object.values(o.counts).reduce((a, b) => a + b, 0)).toBe(o.total)
    expect(o.counts).toEqual(assessment.counts)
    for (const u of o.units) expect(Object.values(u.counts).reduce((a, b) => a + b, 0)).toBe(u.total)
    for (let i = 1; i < o.units.length; i++) expect(o.units[i - 1]!.counts.overdue).toBeGreaterThanOrEqual(o.units[i]!.counts.overdue)
    expect(o.months.reduce((a, m) => a + m.due, 0)).toBeGreaterThan(0)
  })

  it('lists overdue milestones worst first with days and reasons, and what falls due in 30 days', () => {
    const doc = handmadeDocument(
      [{ header: '工作事项', role: 'task' }, { header: '进度安排', role: 'schedule' }, { header: '进展情况', role: 'progress' }, { header: '牵头单位', role: 'owner' }, { header: '配合单位', role: 'owner' }],
      [
        { cells: ['修建道路', '①3月底前完成设计。②12月20日前完工。', '', '县交通局', '各乡镇'] },
        { cells: ['改造学校', '5月底前完成', '已完成。', '县教育局', ''] },
        { cells: ['新建公园', '6月10日前完成', '正在施工', '县住建局', '县交通局'] },
      ],
      { settings: { asOf: '2023-11-30', soonDays: 14, monthBefore: 'end-of-month', year: 2023 } },
    )
    const o = overviewOf(doc, assessDocument(doc))
    expect(o.overdue.map((x) => [x.task, x.milestone, x.daysOverdue])).toEqual([['修建道路', 1, 244], ['新建公园', 1, 173]])
    expect(o.dueNext.map((x) => [x.task, x.due])).toEqual([['修建道路', '2023-12-20']])
    const traffic = o.units.find((u) => u.unit === '县交通局')!
    expect(traffic.leads).toBe(true)
    expect(traffic.total).toBe(2)
    expect(o.units.find((u) => u.unit === '各乡镇')!.leads).toBe(false)
  })
})

describe('bulletin draft', () => {
  const cases = [['kaihua-2023-q1.xlsx', '2023-03-31'], ['kaihua-2023-q1.xlsx', '2023-06-01'], ['linan-2023-h1.xls', '2023-06-30'], ['linan-2023-h1.xls', '2023-12-31'], ['tunxi-2020-plan.xlsx', '2020-09-30']] as const
  it.each(cases)('%s at %s matches its golden file, in both languages', (file, asOf) => {
    const doc = documentFromFixture(file)
    const o = overviewOf(doc, at(doc, asOf))
    for (const locale of ['zh', 'en'] as const) {
      const text = bulletinText(o, { locale })
      const golden = `test/fixtures/bulletins/${file.replace(/\.[^.]+$/, '')}_${asOf}.${locale}.txt`
      if (process.env.UPDATE_GOLDEN || !existsSync(golden)) writeFileSync(golden, text)
      expect(text).toBe(readFileSync(golden, 'utf8'))
    }
  })

  it('opens with the figures in the register of a 督办通报', () => {
    const doc = documentFromFixture('linan-2023-h1.xls')
    const o = overviewOf(doc, at(doc, '2023-06-30'))
    const text = bulletinText(o)
    expect(text.split('\n')[0]).toMatch(new RegExp(`^截至2023年6月30日，全县${o.total}项重点工作中，已完成${o.counts.done}项，序时推进\\d+项.*逾期${o.counts.overdue}项，完成率[\\d.]+%。$`))
    expect(text).toContain('二、近期到期的工作')
  })
})

describe('comparison with an earlier version', () => {
  it('names the tasks newly done, newly overdue and still overdue', () => {
    const doc = documentFromFixture('kaihua-2023-q1.xlsx')
    const earlier = at(doc, '2023-03-31')
    const later = at(doc, '2023-06-01')
    const c = compareVersions(earlier, later)
    for (const id of c.newlyOverdue) expect(earlier.byRow.get(id)!.state).not.toBe('overdue')
    for (const id of c.stillOverdue) expect(earlier.byRow.get(id)!.state).toBe('overdue')
    expect(c.newlyOverdue.length + c.stillOverdue.length).toBe(later.counts.overdue)
  })

  it('matches another draft (last period’s import, new row ids) by its tasks, and compares alike', () => {
    const doc = documentFromFixture('kaihua-2023-q1.xlsx')
    const reimported = { ...doc, rows: doc.rows.map((row) => ({ ...row, id: `new-${row.id}` })) }
    const earlier = at(doc, '2023-03-31')
    const later = at(reimported, '2023-06-01')
    const match = matchEarlierRows(doc, reimported)
    expect(match.size).toBe(earlier.byRow.size)
    for (const [now, before] of match) expect(now).toBe(`new-${before}`)
    const byText = compareVersions(earlier, later, match)
    const byId = compareVersions(earlier, at(doc, '2023-06-01'))
    const strip = (ids: string[]) => ids.map((id) => id.replace(/^new-/, ''))
    expect({ done: strip(byText.newlyDone), newly: strip(byText.newlyOverdue), still: strip(byText.stillOverdue) })
      .toEqual({ done: byId.newlyDone, newly: byId.newlyOverdue, still: byId.stillOverdue })
  })
})
