// The 督办通报 draft: the figures a leader reads first, then the overdue work by unit with its
// reasons, then what falls due next — plain, formal Chinese (or English), for the clerk to edit.
import type { Overview, OverdueItem } from './overview'

export type BulletinLocale = 'zh' | 'en'

/** Text without its closing punctuation, to sit inside a sentence. */
function bare(text: string): string {
  return text.trim().replace(/[。；;，,、：:\s]+$/u, '')
}

function zhDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** Overdue items grouped by their lead unit (a task without one under 未明确责任单位), worst unit first. */
function byUnit(items: readonly OverdueItem[], none: string): [string, OverdueItem[]][] {
  const groups = new Map<string, OverdueItem[]>()
  for (const item of items) for (const unit of item.units.length ? item.units : [none]) groups.set(unit, [...(groups.get(unit) ?? []), item])
  return [...groups].sort((a, b) => b[1].length - a[1].length)
}

/** The reason without its leading date sentence: what the clerk reads as 原因. */
function why(item: OverdueItem): string {
  return item.reason.split(/[;；]/).map((s) => s.trim()).filter(Boolean).slice(1, 2).join('') || item.reason
}

export function bulletinText(overview: Overview, options: { scope?: string; locale?: BulletinLocale } = {}): string {
  return (options.locale ?? 'zh') === 'en' ? bulletinEn(overview) : bulletinZh(overview, options.scope ?? '全县')
}

function bulletinZh(o: Overview, scope: string): string {
  const c = o.counts
  const onTrack = c.pending + c['due-soon'] + c.recurring + c.undated
  const lines: string[] = []
  const parts = [`已完成${c.done}项`, `序时推进${onTrack}项`]
  if (c['due-soon']) parts.push(`其中${c['due-soon']}项即将到期`)
  if (c.behind) parts.push(`进度滞后${c.behind}项`)
  parts.push(`逾期${c.overdue}项`)
  const rate = o.total ? Math.round((c.done / o.total) * 1000) / 10 : 0
  lines.push(`截至${zhDate(o.asOf)}，${scope}${o.total}项重点工作中，${parts.join('，')}，完成率${rate}%。`)
  if (o.overdue.length) {
    lines.push('', '一、逾期未完成的工作')
    byUnit(o.overdue, '未明确责任单位').forEach(([unit, items], i) => {
      lines.push(`（${'一二三四五六七八九十'[i] ?? i + 1}）${unit}（${new Set(items.map((x) => x.rowId)).size}项）`)
      items.forEach((item, k) => lines.push(`${k + 1}.${bare(item.task)}：第${item.milestone}个节点应于${zhDate(item.due)}前完成，已逾期${item.daysOverdue}天；${bare(why(item))}。`))
    })
  } else {
    lines.push('', '一、各项工作均未逾期。')
  }
  lines.push('', `二、近期到期的工作`)
  if (o.dueNext.length) o.dueNext.forEach((d, k) => lines.push(`${k + 1}.${bare(d.task)}（${d.units.join('、') || '未明确责任单位'}）：${zhDate(d.due)}前完成第${d.milestone}个节点。`))
  else lines.push('近30天内没有到期的节点。')
  lines.push('', o.overdue.length ? '请各责任单位对照清单，加快推进逾期事项，确保按期完成。' : '请各责任单位对照清单，按时序推进各项工作。')
  return lines.join('\n')
}

function bulletinEn(o: Overview): string {
  const c = o.counts
  const onTrack = c.pending + c['due-soon'] + c.recurring + c.undated
  const lines: string[] = []
  lines.push(`As of ${o.asOf}, of ${o.total} key tasks, ${c.done} are done, ${onTrack} are on schedule${c['due-soon'] ? ` (${c['due-soon']} due soon)` : ''}, ${c.behind ? `${c.behind} are behind, ` : ''}${c.overdue} are overdue.`)
  if (o.overdue.length) {
    lines.push('', '1. Overdue work')
    for (const [unit, items] of byUnit(o.overdue, 'no unit named')) {
      lines.push(`${unit} (${new Set(items.map((x) => x.rowId)).size})`)
      items.forEach((item, k) => lines.push(`  ${k + 1}. ${item.task}: milestone ${item.milestone} was due ${item.due}, ${item.daysOverdue} days overdue.`))
    }
  } else lines.push('', '1. Nothing is overdue.')
  lines.push('', '2. Due in the next 30 days')
  if (o.dueNext.length) o.dueNext.forEach((d, k) => lines.push(`  ${k + 1}. ${d.task} (${d.units.join(', ') || 'no unit named'}): milestone ${d.milestone} by ${d.due}.`))
  else lines.push('  No milestone falls due in the next 30 days.')
  return lines.join('\n')
}
