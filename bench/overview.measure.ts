// Measures how long the overview of a 10k-row list takes to compute in Node: the figures (totals,
// units, months, overdue and due-next lists), the 汇总 table, the bulletin in both languages and
// the comparison with an earlier version. Budget: the view draws within 500 ms of opening, so
// the figures must take a fraction of that. A measurement, not a timed test.
import { mkdirSync, writeFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { assessDocument, type TaskDocument } from '../src/core'
import { bulletinText, compareVersions, overviewOf, summaryTable } from '../src/core/overview'

const ROWS = 10_000

/** A deterministic 10k-row list: ①②-numbered schedules, progress, lead and supporting units. */
function generateDocument(asOf: string): TaskDocument {
  let seed = 0x2545f491
  const random = (): number => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!
  const units = ['发改局', '经信局', '财政局', '住建局', '交通局', '农业农村局', '文旅局', '卫健局', '教育局', '科技局', '商务局', '水利局']
  const verbs = ['完成方案编制并报批', '开工建设', '完成主体结构', '投入使用', '召开推进会', '完成验收']
  const rows: TaskDocument['rows'] = []
  for (let i = 0; i < ROWS; i++) {
    const m1 = 1 + Math.floor(random() * 6)
    const m2 = m1 + 1 + Math.floor(random() * 5)
    rows.push({
      id: `r${i}`, kind: 'data',
      cells: {
        seq: String(i + 1),
        task: `推进第${i + 1}项重点项目建设，全年完成投资${(random() * 20).toFixed(1)}亿元。`,
        schedule: `①${m1}月底前，${pick(verbs)}。②${m2}月底前，${pick(verbs)}。`,
        progress: random() < 0.5 ? '①已完成。②正在推进。' : '①正在推进。',
        lead: random() < 0.15 ? `${pick(units)}、${pick(units)}` : pick(units),
        support: random() < 0.4 ? pick(units) : '',
      },
    })
  }
  return {
    schemaVersion: 1, id: 'bench', name: 'bench', sourceFile: null, sheetName: '清单', title: '某县2023年度重点工作清单', preamble: [],
    header: { rows: [['序号', '工作任务', '进度安排', '进展情况', '牵头单位', '配合单位']], merges: [] },
    columns: [
      { id: 'seq', header: '序号', role: 'seq' }, { id: 'task', header: '工作任务', role: 'task' },
      { id: 'schedule', header: '进度安排', role: 'schedule' }, { id: 'progress', header: '进展情况', role: 'progress' },
      { id: 'lead', header: '牵头单位', role: 'owner' }, { id: 'support', header: '配合单位', role: 'owner' },
    ],
    rows,
    settings: { asOf, soonDays: 14, monthBefore: 'end-of-month', year: 2023 },
    suggestedAsOf: asOf, createdAt: 0, updatedAt: 0,
  }
}

function median(run: () => void, times: number): number {
  const samples: number[] = []
  for (let i = 0; i < times; i++) {
    const start = performance.now()
    run()
    samples.push(performance.now() - start)
  }
  samples.sort((a, b) => a - b)
  return Math.round(samples[Math.floor(samples.length / 2)]! * 10) / 10
}

it('measures the overview of 10k rows', () => {
  const doc = generateDocument('2023-06-30')
  const assessment = assessDocument(doc)
  const earlier = assessDocument(generateDocument('2023-03-31'))
  const labels = { unassigned: '未填责任单位', total: '合计' }
  median(() => overviewOf(doc, assessment), 2) // warm-up
  const figures = median(() => overviewOf(doc, assessment), 5)
  const overview = overviewOf(doc, assessment)
  const all = median(() => {
    const o = overviewOf(doc, assessment)
    summaryTable(o, labels)
    bulletinText(o, { locale: 'zh' })
    bulletinText(o, { locale: 'en' })
  }, 5)
  const compare = median(() => compareVersions(earlier, assessment), 5)
  const result = {
    overview10kMs: figures,
    overviewWithSummaryAndBulletins10kMs: all,
    compareVersions10kMs: compare,
    budgetMs: 500,
    rows: overview.total,
    units: overview.units.length,
    overdueMilestones: overview.overdue.length,
    node: process.version,
  }
  mkdirSync('bench/out', { recursive: true })
  writeFileSync('bench/out/overview.json', `${JSON.stringify(result, null, 2)}\n`)
  console.log(result)
  // A measurement, not a timed test: it only checks that something was measured.
  expect(result.rows).toBe(ROWS)
  expect(result.overview10kMs).toBeGreaterThan(0)
})
