// Builds realistic, deterministic key-work task-list workbooks for the benchmarks.
import * as XLSX from '@e965/xlsx'

/** Bump when the generated content or layout changes, so cached files are rebuilt. */
export const GENERATOR_VERSION = 5

/** Small seeded PRNG (mulberry32): same seed, same workbook, on every machine. */
export function createRandom(seed) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1))
  const pick = (list) => list[Math.floor(next() * list.length)]
  return { next, int, pick }
}

const VERBS = ['推进', '完成', '实施', '启动', '加快', '深化', '落实', '建成', '开展', '谋划', '提升', '打造']
const OBJECTS = [
  '新安综合体建设', '城乡供水一体化工程', '老旧小区改造', '农村生活污水处理终端提标改造', '山区县高质量发展共同富裕示范区建设',
  '数字化改革重大应用', '县域医共体建设', '普惠性托育机构建设', '工业园区有机更新', '未来社区创建', '美丽乡村精品线建设',
  '国家级全域旅游示范区创建', '钱江源国家公园体制试点', '省级产业平台能级提升', '“千万工程”迭代升级', '营商环境优化提升行动',
  '中小学校舍维修加固', '高标准农田建设', '林场片区先行区改造提升', '文化礼堂提质增效', '城市更新项目', '交通强县建设',
]
const TARGETS = [
  '新增普惠托位{n}个', '改造老旧小区{n}个', '完成投资{n}亿元', '引育高技能人才{n}人', '新建公共停车位{n}个', '培训{n}人次',
  '新增规上工业企业{n}家', '建设高标准农田{n}万亩', '改造提升农村公路{n}公里', '实现营业收入{n}亿元', '创建示范村{n}个',
]
const PURPOSES = [
  '确保按期完成年度目标任务', '为打造中国式现代化山区县样板提供有力支撑', '持续提升群众获得感和满意度', '推动经济社会高质量发展',
  '形成一批可复制可推广的经验做法', '切实解决群众急难愁盼问题',
]
const STEPS = [
  '完成设计招标', '完成图纸深化设计', '完成施工许可报批并开工建设', '召开专题推进会议,明确年度目标任务,压实责任', '出台实施方案并组织实施',
  '完成项目立项和可研批复', '完成主体工程建设', '完成竣工验收并投入使用', '开展中期评估,查找问题短板', '完成年度考核并总结经验',
  '完成项目招投标', '完成土地征收和政策处理', '组织开展专项督查', '完成资金拨付和兑现',
]
const DONE_NOTES = [
  '已完成。{m}月{d}日,{step}', '截至{m}月{d}日,{step},完成率{p}%', '正在推进中,已{step}', '已召开专题会议{n}次,研究部署相关工作',
  '累计完成投资{n}万元,占年度计划的{p}%', '{step},进展顺利,目前正在开展后续工作', '受雨季影响,{step}进度滞后,正在加紧推进',
]
const UNITS = ['县发改局', '县经信局', '县住建局', '县农业农村局', '县卫健局', '县教育局', '县财政局', '县人社局', '县交通运输局', '县生态环境分局', '县文广旅体局', '县自然资源和规划局', '县市场监管局', '县大数据发展中心']
const SURNAMES = '王李张刘陈杨黄赵周吴徐孙朱马胡郭林何高罗'
const GIVEN = '建国伟平明华军强丽敏静磊洋勇艳杰娟涛斌超'
const STATUSES = ['达序推进', '达序推进', '达序推进', '达序推进', '滞后', '已完成']
const SECTIONS = ['坚持创新驱动,加快产业转型升级', '坚持项目为王,扩大有效投资', '坚持城乡融合,推进共同富裕', '坚持生态优先,守护绿水青山', '坚持改革攻坚,优化营商环境', '坚持民生为本,提升公共服务', '坚持安全发展,防范化解风险', '坚持党建引领,加强自身建设']
const SECTION_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八']
const CIRCLED = ['①', '②', '③', '④']
const MONTHS = [3, 6, 9, 12]

const fill = (template, rnd, extra = {}) =>
  template.replace(/\{(\w+)\}/g, (_, key) => {
    if (key in extra) return String(extra[key])
    if (key === 'n') return String(rnd.int(2, 2000))
    if (key === 'p') return String(rnd.int(10, 100))
    if (key === 'm') return String(rnd.int(1, 12))
    if (key === 'd') return String(rnd.int(1, 28))
    if (key === 'step') return rnd.pick(STEPS)
    return key
  })

/** Appends parts until the text reaches its target length, then trims to the upper bound. */
const growText = (first, nextPart, min, max) => {
  let text = first
  while (text.length < min) text += nextPart()
  return text.length > max ? `${text.slice(0, max - 1)}。` : text
}

const taskText = (rnd) => {
  const target = rnd.int(20, 80)
  return growText(`${rnd.pick(VERBS)}${rnd.pick(OBJECTS)}`, () => `,${fill(rnd.pick([...TARGETS, ...PURPOSES]), rnd)}`, target, 80)
}

const scheduleText = (rnd, count) => {
  const start = 4 - count
  return MONTHS.slice(start, start + count)
    .map((month, i) => `${CIRCLED[i]}${month}月底前,${rnd.pick(STEPS)}${rnd.next() < 0.4 ? `,${fill(rnd.pick(TARGETS), rnd)}` : ''}。`)
    .join('')
}

// Progress parts are numbered like the milestones they answer; extra sentences go unnumbered.
const progressText = (rnd, milestoneCount) => {
  const target = rnd.int(30, 200)
  let i = 0
  return growText('', () => `${i < milestoneCount ? CIRCLED[i++] : ''}${fill(rnd.pick(DONE_NOTES), rnd)}。`, target, 200)
}

const personName = (rnd) => `${rnd.pick(SURNAMES)}${rnd.pick(GIVEN)}${rnd.next() < 0.5 ? rnd.pick(GIVEN) : ''}`

/** Builds the array-of-arrays and merges of a task list with `taskCount` data rows. */
export function buildTaskSheet(taskCount, seed = 20230331) {
  const rnd = createRandom(seed + taskCount)
  const width = 8
  const rows = [
    ['某某县2023年度重点工作清单(一季度政府工作报告重点任务执行落实情况)', '', '', '', '', '', '', ''],
    ['序号', '工作事项', '进度安排', '进展情况', '完成情况', '责任分工', '', '备注'],
    ['', '', '', '', '', '责任单位', '牵头领导', ''],
  ]
  const merges = [
    { s: { r: 0, c: 0 }, e: { r: 0, c: width - 1 } },
    { s: { r: 1, c: 5 }, e: { r: 1, c: 6 } },
    ...[0, 1, 2, 3, 4, 7].map((c) => ({ s: { r: 1, c }, e: { r: 2, c } })),
  ]
  const sectionCount = Math.min(SECTIONS.length, Math.max(2, Math.ceil(taskCount / 150)))
  const perSection = Math.ceil(taskCount / sectionCount)
  for (let i = 0; i < taskCount; i++) {
    if (i % perSection === 0) {
      const s = i / perSection
      merges.push({ s: { r: rows.length, c: 0 }, e: { r: rows.length, c: width - 1 } })
      rows.push([`${SECTION_NUMERALS[s]}、${SECTIONS[s]}`, '', '', '', '', '', '', ''])
    }
    const milestoneCount = rnd.int(2, 4)
    rows.push([
      i + 1,
      taskText(rnd),
      scheduleText(rnd, milestoneCount),
      progressText(rnd, milestoneCount),
      rnd.pick(STATUSES),
      rnd.pick(UNITS) + (rnd.next() < 0.2 ? `、${rnd.pick(UNITS)}` : ''),
      personName(rnd),
      rnd.next() < 0.1 ? '需县领导协调' : '',
    ])
  }
  return { rows, merges }
}

/**
 * Writes the task list as compressed .xlsx bytes, the way a clerk's file arrives, with the
 * first task's text: the harness waits for it to show in the grid.
 */
export function writeTaskWorkbook(taskCount, seed) {
  const { rows, merges } = buildTaskSheet(taskCount, seed)
  const firstTask = String(rows.find((r) => typeof r[0] === 'number')?.[1] ?? '')
  const ws = XLSX.utils.aoa_to_sheet(rows)
  ws['!merges'] = merges
  ws['!cols'] = [6, 30, 45, 60, 10, 16, 10, 10].map((wch) => ({ wch }))
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, ws, '重点工作清单')
  return { bytes: XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }), firstTask }
}
