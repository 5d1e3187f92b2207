// The words a clerk reads beside each flag, in zh-CN and English: which text gave which date, and why.
import { daysBetween } from './dates'
import type { DoneVerdict } from './progress'
import type { Milestone, MilestoneState, MonthBeforeReading, Reason } from './types'

/** Where a milestone's due date came from (rules §6). */
export type DueSource = 'schedule' | 'deadline' | 'task' | 'year-end'

export function explainDue(m: Milestone, source: DueSource, monthBefore: MonthBeforeReading): Reason {
  const words = m.dueWords ?? ''
  if (m.kind === 'recurring') {
    return { zh: `「${words}」是周期性工作，不单独计为逾期`, en: `"${words}" is recurring work, never overdue by itself` }
  }
  if (m.kind === 'undated' || !m.due) {
    if (m.unreadable) {
      return { zh: `「${words}」不是有效日期，无法确定到期日`, en: `"${words}" is not a real date, so there is no due date` }
    }
    return { zh: '未写明完成时间', en: 'no time is named' }
  }
  if (source === 'year-end') {
    return {
      zh: `未写明完成时间，按年度清单于 ${m.due} 到期`,
      en: `no time is named; an annual list is due by the year end, ${m.due}`,
    }
  }
  // Every result names its due words: no array per call for the two lead-ins.
  let zh = `${source === 'deadline' ? '完成时限' : source === 'task' ? '任务内容中' : ''}「${words}」→ ${m.due} 到期`
  let en = `${source === 'deadline' ? 'the deadline ' : source === 'task' ? 'the task text ' : ''}"${words}" → due ${m.due}`
  if (m.ambiguous) {
    const before = monthBefore === 'end-of-previous-month'
    zh += before ? '（「N月前」按“上月底前”理解，可切换为“当月底”）' : '（「N月前」按“当月底前”理解，可切换为“上月底”）'
    en += before
      ? ' ("N月前" read as "before that month"; switchable to "by its end")'
      : ' ("N月前" read as "by the end of that month"; switchable to "before it")'
  }
  return { zh, en }
}

/** Words the engine composed (`2/4 座, 50%`, `正在, 截至`) as they sit in a Chinese sentence. */
export function zhWords(words: string): string {
  // Most words hold neither: no new string, no regex.
  if (words.indexOf(', ') < 0 && words.indexOf('; ') < 0) return words
  return words.replace(/, /g, '，').replace(/; /g, '；')
}

export function explainDone(v: DoneVerdict, partLabel: string): Reason {
  if (v.sentence !== undefined) return explainSentence(v)
  const w = v.words
  const wz = v.step === 'quantity' || v.step === 'signal' ? zhWords(w) : w
  switch (v.step) {
    case 'override':
      return v.done ? { zh: '已手动标记为完成', en: 'marked done by hand' } : { zh: '已手动标记为未完成', en: 'marked not done by hand' }
    case 'status':
      return { zh: `完成情况列写明「${w}」`, en: `the status column says "${w}"` }
    case 'verdict':
      return v.done
        ? { zh: `${partLabel}开头即「${w}」，已完成`, en: `${partLabel ? 'the progress part' : 'the progress'} opens with "${w}": done` }
        : { zh: `${partLabel}开头为「${w}」，未完成`, en: `the progress opens with "${w}": not done` }
    case 'quantity':
      return v.done
        ? { zh: `${partLabel}数量已达到目标：${wz}`, en: `reported numbers reach the target: ${w}` }
        : { zh: `${partLabel}数量未达到目标：${wz}`, en: `reported numbers fall short of the target: ${w}` }
    case 'signal':
      return { zh: `${partLabel}有「${wz}」，未完成`, en: `the progress says "${w}": not done` }
    case 'empty':
      return { zh: '进展为空，未完成', en: 'no progress is reported: not done' }
    case 'missing':
      return { zh: `进展中没有第${w}项，未完成`, en: `the progress has no item ${w}: not done` }
    case 'unmentioned':
      return { zh: `进展中没有一句说到此节点（「${w}」），未完成`, en: `no sentence of the progress speaks of this milestone ("${w}"): not done` }
    case 'phrase':
      return { zh: `${partLabel}写明「${w}」，已完成`, en: `the progress says "${w}": done` }
    default:
      return { zh: `${partLabel}没有完成的说法，未完成`, en: 'the progress reports nothing done: not done' }
  }
}

/**
 * A milestone judged by the sentences of unnumbered progress that speak of it: the reason names
 * them (`进展「可研已于2月批复」→ 已完成`), so the clerk sees which words decided.
 */
function explainSentence(v: DoneVerdict): Reason {
  const quoted = `进展「${v.sentence}」`
  const quotedEn = `the progress "${v.sentence}"`
  if (v.done) {
    const why = v.step === 'quantity' ? `（数量已达到目标：${zhWords(v.words)}）` : ''
    return { zh: `${quoted}→ 已完成${why}`, en: `${quotedEn} → done${v.step === 'quantity' ? ` (numbers reach the target: ${v.words})` : ''}` }
  }
  const zhWhy = v.step === 'quantity' ? `数量未达到目标：${zhWords(v.words)}` : v.step === 'signal' || v.step === 'verdict' ? `有「${zhWords(v.words)}」` : '没有完成的说法'
  const enWhy = v.step === 'quantity' ? `numbers fall short of the target: ${v.words}` : v.step === 'signal' || v.step === 'verdict' ? `says "${v.words}"` : 'reports nothing done'
  return { zh: `${quoted}→ 未完成（${zhWhy}）`, en: `${quotedEn} → not done (${enWhy})` }
}

const NO_REASON: Reason = Object.freeze({ zh: '', en: '' })

/**
 * The state sentences of one as-of date and window, per state and due date: a document names
 * few distinct due dates, each shared by many milestones, so each sentence is made once.
 */
let stateSentences = { asOf: '', soonDays: NaN, overdue: new Map<string, Reason>(), dueSoon: new Map<string, Reason>(), pending: new Map<string, Reason>() }

export function explainState(state: MilestoneState, due: string | null, asOf: string, soonDays: number): Reason {
  if (!due || state === 'done' || state === 'recurring' || state === 'undated') return NO_REASON
  if (stateSentences.asOf !== asOf || stateSentences.soonDays !== soonDays) {
    stateSentences = { asOf, soonDays, overdue: new Map(), dueSoon: new Map(), pending: new Map() }
  }
  const kept = state === 'overdue' ? stateSentences.overdue : state === 'due-soon' ? stateSentences.dueSoon : stateSentences.pending
  let reason = kept.get(due)
  if (reason === undefined) {
    reason = stateSentence(state, due, asOf, soonDays)
    if (kept.size > 10_000) kept.clear()
    kept.set(due, reason)
  }
  return reason
}

/** `1 day`, `2 days`. */
function daysEn(n: number): string {
  return n === 1 ? '1 day' : `${n} days`
}

function stateSentence(state: 'overdue' | 'due-soon' | 'pending', due: string, asOf: string, soonDays: number): Reason {
  const days = daysBetween(asOf, due)
  if (state === 'overdue') return { zh: `截至 ${asOf} 已逾期 ${-days} 天`, en: `${daysEn(-days)} overdue on ${asOf}` }
  if (state === 'due-soon') {
    return days === 0
      ? { zh: `${asOf} 当天到期`, en: `due on ${asOf} itself` }
      : { zh: `${days} 天后到期（${soonDays} 天内）`, en: `due in ${daysEn(days)} (within ${soonDays})` }
  }
  return { zh: `距 ${asOf} 还有 ${days} 天`, en: `${daysEn(days)} after ${asOf}` }
}

/** Due, done and state reasons in one sentence per language (empty parts left out). */
export function joinReasons(due: Reason, done: Reason, state: Reason): Reason {
  let zh = due.zh
  let en = due.en
  if (done.zh) { zh = zh ? `${zh}；${done.zh}` : done.zh; en = en ? `${en}; ${done.en}` : done.en }
  if (state.zh) { zh = zh ? `${zh}；${state.zh}` : state.zh; en = en ? `${en}; ${state.en}` : state.en }
  return { zh, en }
}
