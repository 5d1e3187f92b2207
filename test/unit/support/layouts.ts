// A generator of task-list layouts for the structure tests: one labelled list rendered with the
// variations real counties use (titles, 填报 lines, one to three header rows with merges, section
// rows anywhere and in every numbering style, footers in both scripts, blank rows and columns,
// unknown columns, other column orders, Excel numbers and dates, traditional headers), written as
// .xlsx, .xls, .ods or GB18030 .csv. Each variant carries the answer the importer must give.
import * as XLSX from '@e965/xlsx'
import * as cpexcel from '@e965/xlsx/dist/cpexcel.full'
import type { Role } from '../../../src/core'

/** Text as GBK bytes (code page 936, a subset of GB18030), as a county's Excel saves CSV. */
export function encodeGbk(text: string): Uint8Array {
  const codepages = cpexcel as unknown as { utils: { encode(cp: number, text: string): ArrayLike<number> } }
  return Uint8Array.from(codepages.utils.encode(936, text))
}

export type LayoutFormat = 'xlsx' | 'xls' | 'ods' | 'csv'

/** A column of the labelled list: its header (simplified, traditional), group label, role. */
interface ColumnSpec { key: string; header: string; traditional: string; group?: [string, string]; role: Role | null }

/** The eight columns every variant has, with the group labels a two-row header puts above them. */
const COLUMNS: readonly ColumnSpec[] = [
  { key: 'seq', header: '序号', traditional: '序號', role: 'seq' },
  { key: 'task', header: '重点任务', traditional: '重點任務', role: 'task' },
  { key: 'schedule', header: '工作进度安排', traditional: '工作進度安排', role: 'schedule' },
  { key: 'progress', header: '进展情况', traditional: '進展情況', group: ['推进情况', '推進情況'], role: 'progress' },
  { key: 'status', header: '推进状态', traditional: '推進狀態', group: ['推进情况', '推進情況'], role: 'status' },
  { key: 'owner', header: '牵头单位', traditional: '牽頭單位', group: ['责任单位', '責任單位'], role: 'owner' },
  { key: 'support', header: '配合单位', traditional: '配合單位', group: ['责任单位', '責任單位'], role: 'owner' },
  { key: 'lead', header: '责任领导', traditional: '責任領導', role: 'lead' },
]
/** Columns a county may add that name no role the engine reads. */
const EXTRA_COLUMNS: readonly ColumnSpec[] = [
  { key: 'invest', header: '计划投资(万元)', traditional: '計劃投資(萬元)', role: null },
  { key: 'deadline', header: '完成时限', traditional: '完成時限', role: 'deadline' },
  { key: 'note', header: '备注', traditional: '備註', role: 'note' },
]

const SECTION_STYLES = [
  (n: number, t: string) => `${CN[n]}、${t}`,
  (n: number, t: string) => `(${CN[n]})${t}`,
  (n: number, t: string) => `（${CN[n]}）${t}`,
  (n: number, t: string) => `第${CN[n]}部分 ${t}`,
  (n: number, t: string) => `${CN[n]}是${t}`,
]
const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
const SECTION_TOPICS = ['坚持项目为王,稳住经济大盘', '综合交通建设', '深化改革创新', '保障改善民生', '城乡融合发展', '生态环境保护']
const FOOTERS = ['填表人:王某  联系电话:0570-1234567', '填表人:王某  聯繫電話:0570-1234567', '注:进展情况请于每月5日前报送。', '註:各單位請按時報送。', '备注:本表由县发改局汇总。', '審核人:李某', '说明:完成情况填达序推进、滞后或已完成。']
const TITLES = ['某县2023年重点工作推进情况表', '2023年《政府工作报告》重点工作半年度进展情况表', '某县2022年重點工作推進情況表', '关于报送2023年度重点任务分解表的通知附件']
const PREAMBLE = ['填报单位:某县发展和改革局', '填報單位:某縣發改局', '填报日期:2023年6月30日', '截至2023.6.30']
const TASKS = [
  ['推进城市更新,改造老旧小区15个', '①3月底前完成设计招标。②9月底前完工。', '已完成设计招标,正在施工。', '达序推进'],
  ['新建城市书房4座', '①6月底前完成选址;②12月底前建成开放。', '完成选址4座。', '序时推进'],
  ['新增市场主体3000户', '全年新增市场主体3000户', '1-5月新增2100户。', '滞后'],
  ['实施农村饮用水提升工程', '①一季度完成可研批复;②二季度完成主体工程招标', '可研已于2月批复,主体工程正在招标。', '达序推进'],
  ['完成造林1.5万亩', '10月底前完成', '已完成造林1.2万亩。', '未达序时'],
  ['举办招商推介会5场', '每季度举办1场以上', '已举办3场。', '正常推进'],
]

/** A small deterministic random source, so a failing seed reproduces its layout exactly. */
export function rng(seed: number): (n: number) => number {
  let s = (seed * 2654435761) >>> 0 || 1
  return (n) => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s % n }
}

export interface Layout {
  seed: number
  format: LayoutFormat
  /** What the importer must find (0-based sheet rows). */
  expect: { headerRows: number[]; roles: (Role | null)[]; dataTasks: string[]; sections: string[]; footers: string[] }
  /** A readable description of the variant, printed when it fails. */
  describe: string
  bytes: Uint8Array
}

/** Renders one variant of the labelled list for `seed`. */
export function makeLayout(seed: number, format?: LayoutFormat): Layout {
  const pick = rng(seed)
  const fmt: LayoutFormat = format ?? (['xlsx', 'xls', 'ods', 'csv'] as const)[pick(4)]!
  const traditional = pick(4) === 0
  const extras = EXTRA_COLUMNS.filter(() => pick(3) === 0)
  const cols = [...COLUMNS, ...extras]
  // Another order: the unknown columns anywhere after 序号, or the owner pair before the schedule.
  if (pick(3) === 0) cols.splice(2, 0, ...cols.splice(cols.findIndex((c) => c.key === 'owner'), 2))
  let headerDepth = 1 + pick(3) // 1 to 3 header rows
  const leadingBlankColumn = pick(5) === 0
  const ox = leadingBlankColumn ? 1 : 0
  const width = cols.length + ox

  const aoa: (string | number | Date | null)[][] = []
  const merges: XLSX.Range[] = []
  const blank = () => Array<string | number | Date | null>(width).fill(null)
  const titleRows = pick(3)
  for (let i = 0; i < titleRows; i++) {
    const row = blank()
    row[ox] = i === 0 ? TITLES[pick(TITLES.length)]! : PREAMBLE[pick(PREAMBLE.length)]!
    aoa.push(row)
    if (i === 0 && pick(2) === 0) merges.push({ s: { r: aoa.length - 1, c: ox }, e: { r: aoa.length - 1, c: width - 1 } })
  }
  if (titleRows > 0 && pick(3) === 0) aoa.push(blank())

  const headerStart = aoa.length
  const name = (c: ColumnSpec) => (traditional ? c.traditional : c.header)
  if (headerDepth === 1) {
    const row = blank()
    cols.forEach((c, i) => { row[ox + i] = name(c) })
    aoa.push(row)
  } else {
    // Two rows: group labels (推进情况, 责任单位) over their columns, the others merged down.
    // Three rows: a band (落实情况) over every grouped column above the group labels.
    const grouped = cols.map((c, i) => (c.group ? i : -1)).filter((i) => i >= 0)
    const bandFirst = grouped[0] ?? -1
    // A band stands over grouped columns that stand together; apart, the header keeps two rows.
    if (!grouped.every((g, k) => k === 0 || g === grouped[k - 1]! + 1)) headerDepth = 2
    const r = aoa.length
    const rows = Array.from({ length: headerDepth }, blank)
    cols.forEach((c, i) => {
      if (!c.group) {
        rows[0]![ox + i] = name(c)
        merges.push({ s: { r, c: ox + i }, e: { r: r + headerDepth - 1, c: ox + i } })
        return
      }
      const groupRow = headerDepth - 2
      const firstOfGroup = cols.findIndex((o) => o.group?.[0] === c.group![0]) === i
      if (firstOfGroup) {
        rows[groupRow]![ox + i] = traditional ? c.group[1] : c.group[0]
        const span = cols.filter((o) => o.group?.[0] === c.group![0]).length
        merges.push({ s: { r: r + groupRow, c: ox + i }, e: { r: r + groupRow, c: ox + i + span - 1 } })
      }
      rows[headerDepth - 1]![ox + i] = name(c)
    })
    if (headerDepth === 3 && bandFirst >= 0) {
      rows[0]![ox + bandFirst] = traditional ? '落實情況' : '落实情况'
      merges.push({ s: { r, c: ox + bandFirst }, e: { r, c: ox + grouped[grouped.length - 1]! } })
    }
    aoa.push(...rows)
  }
  const headerRows = Array.from({ length: aoa.length - headerStart }, (_, i) => headerStart + i)

  const dataTasks: string[] = []
  const sections: string[] = []
  const sectionStyle = SECTION_STYLES[pick(SECTION_STYLES.length)]!
  let sectionNo = 0
  const addSection = () => {
    const label = sectionStyle(++sectionNo, SECTION_TOPICS[pick(SECTION_TOPICS.length)]!)
    const row = blank()
    row[ox] = label
    aoa.push(row)
    if (pick(2) === 0) merges.push({ s: { r: aoa.length - 1, c: ox }, e: { r: aoa.length - 1, c: width - 1 } })
    sections.push(label)
  }
  // A section right under the header in half of the variants: the case that broke before.
  if (pick(2) === 0) addSection()
  const taskCount = 3 + pick(4)
  for (let t = 0; t < taskCount; t++) {
    if (t > 0 && pick(4) === 0) addSection()
    if (pick(8) === 0) aoa.push(blank())
    const [task, schedule, progress, status] = TASKS[(t + seed) % TASKS.length]!
    const row = blank()
    cols.forEach((c, i) => {
      const v: Record<string, string | number | Date> = {
        seq: pick(2) === 0 ? dataTasks.length + 1 : String(dataTasks.length + 1), task: task!, schedule: schedule!, progress: progress!, status: status!,
        owner: '县发改局', support: pick(2) === 0 ? '各乡镇、县财政局' : '', lead: '张某', invest: 1200 + t * 100,
        deadline: pick(2) === 0 ? new Date(Date.UTC(2023, 11, 31)) : '2023年12月底', note: pick(2) === 0 ? '' : '新增',
      }
      row[ox + i] = v[c.key] ?? null
    })
    aoa.push(row)
    dataTasks.push(task!)
  }
  const footers: string[] = []
  if (pick(2) === 0) {
    if (pick(2) === 0) aoa.push(blank())
    const footer = FOOTERS[pick(FOOTERS.length)]!
    const row = blank()
    row[ox] = footer
    aoa.push(row)
    footers.push(footer)
  }

  const sheet = XLSX.utils.aoa_to_sheet(aoa, { cellDates: true })
  if (fmt !== 'csv') sheet['!merges'] = merges
  const book = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(book, sheet, 'Sheet1')
  let bytes: Uint8Array
  if (fmt === 'csv') {
    const text = XLSX.utils.sheet_to_csv(sheet, { blankrows: true })
    bytes = encodeGbk(text)
  } else {
    bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: fmt === 'xls' ? 'biff8' : fmt }) as ArrayBuffer)
  }
  const roles = [...(leadingBlankColumn ? [] : []), ...cols.map((c) => c.role)]
  const describe = [
    `seed ${seed} (${fmt}${traditional ? ', traditional' : ''}${leadingBlankColumn ? ', blank first column' : ''})`,
    ...aoa.map((row, r) => `${String(r).padStart(2)}| ${row.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v ?? '')).join(' | ')}`),
  ].join('\n')
  return { seed, format: fmt, expect: { headerRows, roles, dataTasks, sections, footers }, describe, bytes }
}
