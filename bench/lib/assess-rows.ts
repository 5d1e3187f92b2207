// The rows the assess measures read (bench/assess.measure.ts, bench/lib/engine-compare.mjs): the
// labelled fixtures and seeded generated rows, so both measures read exactly the same cells.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { TaskFields } from '../../src/core/types'

export interface Row { fields: TaskFields; year: number; asOf: string }

function readJson<T>(root: string, name: string): T {
  return JSON.parse(readFileSync(join(root, 'test', 'fixtures', name), 'utf8')) as T
}

/** The realistic mix: every labelled task row, every progress pair and every gold schedule cell. */
export function loadFixtureRows(root = '.'): Row[] {
  const rows: Row[] = []
  for (const file of ['kaihua-2023-q1.expected.json', 'linan-2023-h1.expected.json', 'tunxi-2020-plan.expected.json']) {
    const doc = readJson<{ document_year: number; as_of_dates: string[]; tasks: { fields: TaskFields }[] }>(root, file)
    for (const t of doc.tasks) rows.push({ fields: t.fields, year: doc.document_year, asOf: doc.as_of_dates[0]! })
  }
  const progress = readJson<{ cases: { schedule: string; progress: string; status_text?: string }[] }>(root, 'progress-expressions.json')
  for (const c of progress.cases) rows.push({ fields: { schedule: c.schedule, progress: c.progress, status: c.status_text }, year: 2023, asOf: '2023-06-30' })
  const schedules = readJson<{ entries: { text: string; year: number }[] }>(root, 'schedule-expressions.json')
  for (const e of schedules.entries) rows.push({ fields: { schedule: e.text }, year: e.year, asOf: `${e.year}-06-30` })
  return rows
}

/** A small seeded generator, so every run measures the same rows. */
function seeded(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const ACTIONS = ['完成方案编制', '完成项目招标', '开工建设', '完成主体工程', '完成竣工验收', '出台实施办法', '召开推进会', '完成土地征收', '启动试点工作',
  '完成设备采购安装', '建成投用', '完成可研批复', '完成初步设计', '完成年度考核', '新增就业岗位', '改造老旧小区', '建设充电桩', '完成河道整治']
const OBJECTS = ['全域旅游示范区', '城乡供水一体化工程', '数字乡村平台', '产业园区基础设施', '老旧小区改造项目', '垃圾分类收运体系', '农村公路提升工程',
  '社区养老服务中心', '中小学校舍', '智慧停车系统', '污水处理厂提标', '美丽乡村精品线']
const UNITS = ['个', '家', '套', '公里', '亩', '万元', '户', '条', '座']
const NOTES = ['目前各项工作有序推进', '已完成前期调研和方案论证', '项目已进入施工阶段', '正在开展招投标工作', '已召开专题协调会议两次', '资金已落实到位',
  '因疫情影响进度有所滞后', '正在对接省级部门', '施工单位已进场', '已完成', '基本完成', '累计完成投资2.3亿元']

/**
 * Rows like those a clerk imports: a task, a numbered schedule (`①3月底前，完成…。②6月底前，…`),
 * progress of 30–200 characters (numbered like the schedule, or running text), sometimes a status.
 * Every row's texts are distinct, so a first read never hits a kept reading.
 */
export function generateRows(count: number): Row[] {
  const rnd = seeded(20230630)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!
  const rows: Row[] = []
  for (let i = 0; i < count; i++) {
    const object = pick(OBJECTS)
    const n = 1 + Math.floor(rnd() * 4)
    const marks = '①②③④⑤'
    let month = 1 + Math.floor(rnd() * 3)
    let schedule = ''
    let progress = ''
    const numbered = rnd() < 0.7
    for (let k = 0; k < n; k++) {
      const when = rnd() < 0.2 ? `${month}月${1 + Math.floor(rnd() * 28)}日前` : rnd() < 0.5 ? `${month}月底前` : `${month}月前`
      const quantity = rnd() < 0.3 ? `，${pick(['新增', '建成', '完成'])}${object.slice(0, 4)}${1 + Math.floor(rnd() * 90)}${pick(UNITS)}` : ''
      schedule += `${marks[k]}${when}，${pick(ACTIONS)}${object}${quantity}。`
      let words = `${pick(NOTES)}`
      while (words.length < 10 + rnd() * 40) words += `，${pick(NOTES)}${rnd() < 0.2 ? `，完成总工程量的${Math.floor(rnd() * 100)}%` : ''}`
      progress += numbered ? `${marks[k]}${words}。` : `${words}。`
      month += 1 + Math.floor(rnd() * 4)
      if (month > 12) month = 12
    }
    // A serial number keeps each row's texts unique (a real list has no two identical rows).
    const fields: TaskFields = { task: `${object}建设(第${i + 1}号)`, schedule: `${schedule}编号${i + 1}`, progress: `${progress.slice(0, 200)}第${i + 1}号` }
    if (rnd() < 0.2) fields.status = pick(['按序时推进', '滞后', '已完成', '达序时进度'])
    rows.push({ fields, year: 2023, asOf: '2023-06-30' })
  }
  return rows
}
