// Column roles (rules §1): which header means task, schedule, progress… matched on meaning, not exact text.
import { normalizeForMatch } from './text'
import type { Role } from './types'

/**
 * Keywords per role, checked in this order: the first role with a keyword inside the
 * header wins. The order settles the overlaps: `完成情况说明` is progress before
 * `完成情况` is status; `牵头责任领导` is lead before `牵头`/`责任` could mean owner;
 * `工作进度安排` is schedule before any task word; `工作推进计划` is schedule before `工作推进`
 * is progress; `下步推进计划` and `存在问题` are remarks, `完成情况及下步打算` progress. Generic single words come last.
 */
const KEYWORDS: readonly (readonly [Role, readonly string[]])[] = [
  // Progress reported with its problems or next steps (`完成情况及下步打算`) is progress…
  ['progress', ['完成情况说明', '完成情况及', '完成情况和', '进展情况及', '进展情况和']],
  // …but a column of problems or next steps alone is remarks, not a plan (`下步推进计划`).
  ['note', ['下步', '下一步', '存在问题', '存在的问题', '困难和问题', '问题及建议', '问题和建议', '意见建议']],
  // A plan for how work goes on (`工作推进计划`) before `工作推进` can read it as progress.
  ['schedule', ['推进计划', '推进安排', '推进步骤', '推进节点']],
  ['progress', ['进展情况', '形象进度', '推进情况', '工作进展', '落实情况', '执行情况', '进度情况', '完成进度', '工作推进', '当前进度', '目前进度', '进展']],
  ['lead', ['牵头责任领导', '责任领导', '分管领导', '牵头领导', '联系领导', '领导', '责任人']],
  ['schedule', ['工作进度安排', '进度安排', '时间节点', '节点安排', '计划进度', '进度计划', '时间安排', '节点目标', '时序进度', '阶段目标', '进度要求', '节点要求', '实施计划', '实施步骤', '工作步骤', '节点计划', '时间进度']],
  ['deadline', ['完成时限', '完成时间', '时限要求', '办结时限', '完成期限', '截止时间', '截止日期', '计划完成', '时间要求', '时限']],
  ['status', ['完成情况', '进度状态', '推进状态', '是否完成', '是否按期完成', '完成状态', '进展状态', '完成率', '状态', '评价']],
  ['owner', ['责任单位', '牵头单位', '责任部门', '牵头部门', '配合单位', '协办单位', '主办单位', '承办单位', '实施单位', '责任主体', '实施主体', '配合部门', '协同单位', '单位', '部门', '科室', '处室']],
  ['task', ['工作事项', '重点工作', '年度目标任务', '工作任务', '主要任务', '任务内容', '目标任务', '年度目标', '工作内容', '工作目标', '项目名称', '具体工作', '主要内容', '建设内容', '工作要点', '举措', '措施', '指标', '任务', '事项', '目标', '项目']],
  ['note', ['备注', '说明']],
]

/** Exact headers for the sequence column: `序` alone would be too loose as a keyword. */
const SEQ_EXACT = new Set(['序号', '编号', '序', 'no', 'no.', '#', '排序', '序列号'])

/** A header is short: a longer text is a title, a note or data, never a column name. */
const MAX_HEADER_LENGTH = 20

/** Strips brackets with their contents (units, remarks), list marks and colons. */
function stripDecorations(text: string): string {
  const stripped = text
    .replace(/[([【〔{][^)\]】〕}]*[)\]】〕}]/g, '')
    .replace(/[*:：、/\\]/g, '')
  return stripped || text.replace(/[()[\]【】〔〕{}]/g, '')
}

/**
 * A column per period (`一季度 | 二季度 | 三季度 | 四季度`, `上半年`, `3月`, `1-3月`): the
 * milestone of that period, due at its end. The period words, then at most a plan word. Not
 * `全年目标` / `年度目标`: that column holds the task's target, not a step.
 */
const PERIOD_HEADER = new RegExp(
  '^((?:\\d{4}年)?(?:第?[一二三四1-4]季度(?:末)?|[一二三四]季|q[1-4]|上半年|下半年|' +
  '(?:\\d{1,2}[-~至])?(?:1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月(?:份|底|末)?))' +
  '(?:工作)?(?:目标任务|目标|任务|计划|节点|进度安排|安排|节点目标|完成目标|要求|进度)?$',
)

/** The period a schedule column's header names (`一季度`, `第二季度目标` → `第二季度`), else null. */
export function headerPeriod(header: string): string | null {
  const parts = header.split('/').map((p) => p.trim()).filter(Boolean)
  const last = parts[parts.length - 1]
  if (last === undefined) return null
  const text = stripDecorations(normalizeForMatch(last)).toLowerCase()
  const m = PERIOD_HEADER.exec(text)
  if (!m) return null
  // `Q1` as the rules read a quarter.
  return /^q[1-4]$/.test(m[1]!) ? `${'一二三四'[Number(m[1]![1]) - 1]}季度` : m[1]!
}

function roleOfOne(header: string): Role | null {
  const normal = normalizeForMatch(header)
  const text = stripDecorations(normal).toLowerCase()
  // Brackets may hold a long remark, but a title with a bracketed subtitle is no header.
  if (!text || Array.from(text).length > MAX_HEADER_LENGTH || Array.from(normal).length > MAX_HEADER_LENGTH + 10) return null
  if (SEQ_EXACT.has(text) || text.startsWith('序号')) return 'seq'
  if (PERIOD_HEADER.test(text)) return 'schedule'
  for (const [role, words] of KEYWORDS) if (words.some((w) => text.includes(w))) return role
  return null
}

/**
 * The role a column header plays, or null. A header joined from several header rows
 * (`重点工作要点/年度目标`) is read from its most specific part, the last one, before
 * the group label above it.
 */
export function detectRole(header: string): Role | null {
  const parts = header.split('/').map((p) => p.trim()).filter(Boolean)
  for (let i = parts.length - 1; i >= 0; i--) {
    const role = roleOfOne(parts[i]!)
    if (role) return role
  }
  return parts.length > 1 ? roleOfOne(parts.join('')) : null
}
