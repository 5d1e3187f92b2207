// The status column (完成情况) speaks for the whole task (rules §5): done, on track, behind — and,
// when it reports an amount (`完成60%`, `完成300个`), only what that amount shows against the task's
// target: never done below 100% or below target.
import { findQuantities, findShortfall, matchQuantities, reaches, showRatio, type Quantity } from './quantities'
import { foldText } from './text'
import type { Reason } from './types'
import { zhWords } from './reasons'

/** `short`: the cell reports an amount below 100% or below the task's target. */
export type StatusReading = 'done' | 'behind' | 'on-track' | 'short' | null

export interface StatusVerdict {
  reading: StatusReading
  /** The cell as written. */
  words: string
  /** For an amount: reported/target, as shown to the clerk (`300/500 个, 60%`). */
  ratio?: string
}

const BEHIND = /滞后|未达到?序时|低于序时|慢于|未完成|未按期|未按计划|进度慢|较慢|缓慢|落后|延期|逾期/
const DONE_WORDS = /^(?:已全部完成|已完成|全部完成|全面完成|(?:已)?(?:提前|超额|按期|如期)完成|完成|已办结|办结|已完结|完结|已落实|已结束)/
/** A 是否完成 column answered with a mark or 是 alone: done. (`否` says nothing about being behind.) */
const DONE_MARK = /^(?:是|√|✓|✔|☑)$/
/** Words after `已完成` that say the work is not over (`已完成,待验收`). */
const NOT_OVER = /待|正在|尚|未|仍|拟|计划|推进中|进行中/
const ON_TRACK = /序时|达序|按序|有序|正常|推进|按计划|按进度/

/** The words of a status cell without a number (達序推進 = 达序推进). */
export function readStatus(folded: string): StatusReading {
  const s = folded.replace(/[\s。,;!]/g, '')
  if (!s) return null
  if (BEHIND.test(s)) return 'behind'
  if (DONE_MARK.test(s)) return 'done'
  const done = DONE_WORDS.exec(s)
  if (done && !NOT_OVER.test(s.slice(done[0].length))) return 'done'
  if (ON_TRACK.test(s)) return 'on-track'
  return null
}

/** Status cells repeat a handful of words (达序推进, 滞后…): each is read once. */
const STATUS_OF = new Map<string, StatusReading>()

export function forgetStatusReadings(): void {
  STATUS_OF.clear()
}

const PERCENT = /(\d+(?:\.\d+)?)\s*%/

/** An empty cell (most rows): one shared verdict, never changed. */
const NO_STATUS: StatusVerdict = Object.freeze({ reading: null, words: '' })

/**
 * One status cell. `taskTargets` are read only for a cell that reports a count. A percentage
 * below 100% is short; a count is measured like progress against the task's target; a count
 * with no target to measure says nothing.
 */
export function readStatusCell(words: string, taskTargets: () => readonly Quantity[]): StatusVerdict {
  if (words === '') return NO_STATUS
  // Only cells without a number are kept: a kept one is read without folding it again.
  const kept = STATUS_OF.get(words)
  if (kept !== undefined) return { reading: kept, words }
  const folded = foldText(words)
  if (!/\d/.test(folded)) {
    const reading = readStatus(folded)
    if (STATUS_OF.size > 5_000) STATUS_OF.clear()
    STATUS_OF.set(words, reading)
    return { reading, words }
  }
  if (BEHIND.test(folded)) return { reading: 'behind', words }
  const percent = PERCENT.exec(folded)
  if (percent && !/增长|下降|同比|增速/.test(folded)) {
    const value = Number(percent[1])
    return value >= 100 ? { reading: 'done', words } : { reading: 'short', words, ratio: `${percent[1]}% < 100%` }
  }
  const targets = taskTargets()
  if (targets.length === 0) return { reading: readStatus(folded) === 'on-track' ? 'on-track' : null, words }
  const reported = findQuantities(folded, true, targets)
  const matches = matchQuantities(targets, reported)
  const short = findShortfall(targets, reported, matches)
  if (short) return { reading: 'short', words, ratio: showRatio(short) }
  if (matches.length > 0 && matches.every(reaches)) return { reading: 'done', words, ratio: matches.map(showRatio).join('; ') }
  return { reading: null, words }
}

/** The task-level sentence a status reading adds. */
export function statusReason(v: StatusVerdict): Reason | null {
  const w = v.words
  if (v.reading === 'behind') return { zh: `完成情况列写明「${w}」，任务滞后`, en: `the status column says "${w}": behind` }
  if (v.reading === 'done') return { zh: `完成情况列写明「${w}」，任务已完成`, en: `the status column says "${w}": done` }
  if (v.reading === 'short') {
    return { zh: `完成情况列写明「${w}」，未达到目标（${zhWords(v.ratio ?? '')}），任务未完成`, en: `the status column says "${w}": short of the target (${v.ratio}), not done` }
  }
  return null
}
