// A clerk's hand marks (milestone number → done) kept on the milestone they were made on when
// the schedule is edited: the marks are stored by number, and numbers shift when a milestone is
// added or removed ahead of them.
import { splitSchedule } from './schedule'
import { isBlank } from './text'
import type { TaskFields } from './types'

export type Overrides = Record<number, boolean>

/** The words of each numbered milestone, as the engine splits them (splitSchedule): from the schedule, else the deadline. */
function milestoneWords(fields: TaskFields): Map<number, string> | null {
  const source = !isBlank(fields.schedule ?? '') ? fields.schedule! : !isBlank(fields.deadline ?? '') ? fields.deadline! : ''
  // No schedule and no deadline: one implicit milestone named by the task, whatever its words.
  if (!source) return null
  const words = new Map<number, string>()
  for (const part of splitSchedule(source).parts) if (!words.has(part.index)) words.set(part.index, part.folded)
  return words
}

/**
 * The overrides after the milestones' words changed from `before` to `after`. A mark follows the
 * words it was made on to their new number (a milestone added ahead shifts them); when those words
 * are gone but the count of milestones is the same, the milestone was edited in place and keeps
 * its mark; otherwise the mark is dropped, since it would land on another milestone. Returns
 * `overrides` itself when nothing moves.
 */
export function remapOverrides(overrides: Overrides, before: TaskFields, after: TaskFields): Overrides {
  const old = milestoneWords(before)
  const now = milestoneWords(after)
  if (old === null && now === null) return overrides
  const byWords = new Map<string, number>()
  if (now) for (const [index, words] of now) if (!byWords.has(words)) byWords.set(words, index)
  const sameCount = (old?.size ?? 1) === (now?.size ?? 1)
  const next: Overrides = {}
  const entries = Object.entries(overrides).map(([key, done]) => ({ index: Number(key), done }))
  // Marks whose words are found first: a mark kept in place must not take a number they moved to.
  const unmatched: typeof entries = []
  for (const e of entries) {
    const words = old?.get(e.index)
    const found = words === undefined ? undefined : byWords.get(words)
    if (found === undefined) unmatched.push(e)
    else next[found] = e.done
  }
  for (const e of unmatched) {
    const inPlace = sameCount && (now === null ? e.index === 1 : now.has(e.index))
    if (inPlace && !(e.index in next)) next[e.index] = e.done
  }
  const same = entries.length === Object.keys(next).length && entries.every((e) => next[e.index] === e.done)
  return same ? overrides : next
}
