// Measures how long exporting a 10k-row task list takes in Node: styled .xlsx and .csv (a measurement, not a timed test).
import { mkdirSync, writeFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { assessDocument, type TaskDocument } from '../src/core'
import { exportDocument, type ExportOptions } from '../src/io/export'

const ROWS = 10_000
const SECTION_EVERY = 25

/** A deterministic 10k-row list shaped like the bench workbooks: two-row header, sections, ①②-numbered schedules. */
function generateDocument(): TaskDocument {
  let seed = 0x9e3779b9
  const random = (): number => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!
  const units = ['发改局', '经信局', '财政局', '住建局', '交通局', '农业农村局', '文旅局', '卫健局', '教育局', '组织部\n(人才办)']
  const verbs = ['完成方案编制并报批', '开工建设', '完成主体结构', '投入使用', '召开推进会', '完成验收']
  const columns = [
    { id: 'seq', header: '序号', role: 'seq' as const },
    { id: 'task', header: '工作任务', role: 'task' as const },
    { id: 'schedule', header: '进度安排', role: 'schedule' as const },
    { id: 'progress', header: '进展情况', role: 'progress' as const },
    { id: 'status', header: '完成情况', role: 'status' as const },
    { id: 'owner', header: '责任分工/责任单位', role: 'owner' as const },
    { id: 'lead', header: '责任分工/牵头领导', role: 'lead' as const },
    { id: 'note', header: '备注', role: 'note' as const },
  ]
  const rows: TaskDocument['rows'] = []
  let seq = 0
  for (let i = 0; rows.length < ROWS; i++) {
    if (i % SECTION_EVERY === 0) {
      rows.push({ id: `s${i}`, kind: 'section', cells: { seq: `${'一二三四五六七八九十'[(i / SECTION_EVERY) % 10]}、第${i / SECTION_EVERY + 1}部分重点工作` } })
      continue
    }
    seq++
    const m1 = 1 + Math.floor(random() * 6)
    const m2 = m1 + 1 + Math.floor(random() * 5)
    rows.push({
      id: `r${i}`,
      kind: 'data',
      cells: {
        seq: String(seq),
        task: `推进第${seq}项重点项目建设,全年完成投资${(random() * 20).toFixed(1)}亿元。`,
        schedule: `①${m1}月底前,${pick(verbs)}。②${m2}月底前,${pick(verbs)}。`,
        progress: random() < 0.5 ? `①已完成。②截至6月底,正在推进,完成年度任务${Math.floor(random() * 90)}%。` : '①正在推进。',
        status: pick(['达序推进', '滞后', '已完成', '']),
        owner: pick(units),
        lead: pick(['张三', '李四', '王五']),
        note: '',
      },
    })
  }
  return {
    schemaVersion: 1, id: 'bench', name: 'bench', sourceFile: null, sheetName: '清单',
    title: '某县2023年度重点工作清单(半年度)',
    preamble: ['填报单位:县政府办公室'],
    header: {
      rows: [['序号', '工作任务', '进度安排', '进展情况', '完成情况', '责任分工', '', '备注'],
        ['', '', '', '', '', '责任单位', '牵头领导', '']],
      merges: [
        { r0: 0, c0: 0, r1: 1, c1: 0 }, { r0: 0, c0: 1, r1: 1, c1: 1 }, { r0: 0, c0: 2, r1: 1, c1: 2 },
        { r0: 0, c0: 3, r1: 1, c1: 3 }, { r0: 0, c0: 4, r1: 1, c1: 4 }, { r0: 0, c0: 5, r1: 0, c1: 6 },
        { r0: 0, c0: 7, r1: 1, c1: 7 },
      ],
    },
    columns,
    rows,
    settings: { asOf: '2023-06-30', soonDays: 14, monthBefore: 'end-of-month', year: 2023 },
    suggestedAsOf: '2023-06-30', createdAt: 0, updatedAt: 0,
  }
}

async function timeExport(doc: TaskDocument, options: ExportOptions, runs: number): Promise<{ ms: number; bytes: number }> {
  const assessment = assessDocument(doc)
  const samples: number[] = []
  let bytes = 0
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    const result = await exportDocument(doc, options, assessment)
    samples.push(performance.now() - start)
    if (!result.ok) throw new Error(`${result.code} ${JSON.stringify(result.params)}`)
    bytes = result.files[0]!.bytes.byteLength
  }
  samples.sort((a, b) => a - b)
  return { ms: Math.round(samples[Math.floor(samples.length / 2)]!), bytes }
}

it('measures exporting 10k rows', async () => {
  const doc = generateDocument()
  // The dialog's usual choice: 三色督办 colours, state and reason columns.
  const styled: Omit<ExportOptions, 'format'> = { highlightStates: true, addStateColumn: true, addReasonColumn: true }
  await timeExport(doc, { format: 'csv', ...styled }, 1) // warm-up: module loading and JIT
  await timeExport(doc, { format: 'xlsx', ...styled }, 1)
  const xlsx = await timeExport(doc, { format: 'xlsx', ...styled }, 3)
  const csv = await timeExport(doc, { format: 'csv', ...styled }, 5)
  const result = {
    exportXlsx10kMs: xlsx.ms,
    exportCsv10kMs: csv.ms,
    rows: doc.rows.length,
    xlsxBytes: xlsx.bytes,
    csvBytes: csv.bytes,
    options: styled,
    node: process.version,
  }
  mkdirSync('bench/out', { recursive: true })
  writeFileSync('bench/out/export.json', `${JSON.stringify(result, null, 2)}\n`)
  console.log(result)
  // A measurement, not a timed test: it only checks that something was measured.
  expect(result.exportXlsx10kMs).toBeGreaterThan(0)
  expect(result.exportCsv10kMs).toBeGreaterThan(0)
})
