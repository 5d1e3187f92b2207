// Rule 5 for unnumbered progress against several milestones: read sentence by sentence, each
// milestone judged only by the sentences that speak of it (its key words, or a number in its
// target's unit). `可研已于2月批复,主体工程正在招标` makes `一季度完成可研批复` done and
// `二季度完成主体工程招标` not done: the `正在` of one sentence never undoes another milestone.
import { findQuantities, mayHoldUnitQuantity, type Quantity } from './quantities'
import { NOTHING_DONE, judgePart, type DoneVerdict, type Targets } from './progress'

/**
 * What a milestone's key words are not: dates and times, the verbs every milestone has
 * (完成, 推进…), degree words and punctuation. `一季度完成可研批复` → `可研批复`.
 */
const TIME_WORDS = /\d{4}年|[\d一二三四五六七八九十]+月(?:份)?(?:\d+日)?(?:上旬|中旬|下旬|初|底|末)?(?:前)?|[一二三四]季度|上半年|下半年|年底|年末|年内|全年|年中|今年|之前|以前|前|[\d.]+\s*(?:万|亿)?[^\s,。;、:\d]?|[\s,。;、:“”"()]/g
const COMMON_VERBS = /完成|开展|启动|推进|组织|做好|全面|进一步|加快|力争|确保|基本|实现|新增|新建|持续/g

/**
 * The two-character words of a milestone's action, in order, each once. Verbs every milestone
 * shares are left out, unless nothing else is left (`年底前建成投用` → 建成, 成投, 投用).
 */
export function actionPairs(folded: string): string[] {
  const timeless = folded.replace(TIME_WORDS, '|')
  const words = pairsOf(timeless.replace(COMMON_VERBS, '|'))
  return words.length > 0 ? words : pairsOf(timeless)
}

function pairsOf(t: string): string[] {
  const out: string[] = []
  for (let i = 0; i + 1 < t.length; i++) {
    const pair = t.slice(i, i + 2)
    if (pair.includes('|') || out.includes(pair)) continue
    out.push(pair)
  }
  return out
}

/** How many of a milestone's key words a sentence must hold to speak of it. */
function needed(keys: readonly string[]): number {
  return keys.length >= 3 ? 2 : keys.length
}

function sharedKeys(sentence: string, keys: readonly string[], stopAt: number): number {
  let shared = 0
  for (const key of keys) if (sentence.includes(key) && ++shared >= stopAt) break
  return shared
}

/** Key words too common to tie a sentence to one milestone by themselves. */
const GENERIC_KEYS = new Set(['建设', '工作', '项目', '工程', '实施', '推进', '管理', '服务', '发展', '提升', '设施', '体系'])

/**
 * Does the sentence name the milestone? Two of its key words (`主体工程正在招标` for
 * `主体工程招标`), or one that is not generic when the sentence holds at least half of the
 * characters of the milestone's key words (`一期工程已完工` for `一期建设`, `主体已封顶` for `主体施工`).
 */
function namesMilestone(sentence: string, keys: readonly string[]): boolean {
  const need = needed(keys)
  if (need === 0) return false
  if (sharedKeys(sentence, keys, need) >= need) return true
  if (!keys.some((k) => !GENERIC_KEYS.has(k) && sentence.includes(k))) return false
  const chars = new Set(keys.join(''))
  let held = 0
  for (const ch of chars) if (sentence.includes(ch)) held++
  return held * 2 >= chars.size
}

/** A clause that opens with a time or a report date starts a sentence of its own. */
const OPENS_WITH_TIME = /^(?:截至|截止|目前|当前|近期|今年|\d{4}年|\d{1,2}月|[一二三四]季度|上半年|下半年|年初|年底|[一二三四五六七八九十]+月)/

/**
 * The sentences of unnumbered progress: split at `。` `;` and line breaks, and at `,` where the
 * next clause opens a new subject (it names a milestone's key words) or a date. A clause that does
 * neither continues the sentence before it (`已完成招标,正在进场施工` is one sentence).
 */
export function splitSentences(folded: string, milestoneKeys: readonly (readonly string[])[]): string[] {
  const sentences: string[] = []
  for (const piece of folded.split(/[。;\n]+/)) {
    let current = ''
    for (const raw of piece.split(',')) {
      const clause = raw.trim()
      if (!clause) continue
      const fresh = current === '' || OPENS_WITH_TIME.test(clause) || milestoneKeys.some((keys) => namesMilestone(clause, keys))
      if (fresh) {
        if (current) sentences.push(current)
        current = clause
      } else {
        current += `,${clause}`
      }
    }
    if (current) sentences.push(current)
  }
  return sentences
}

/** Does the sentence report a number in one of the target units? */
function reportsTargetUnit(sentence: string, targets: readonly Quantity[]): boolean {
  if (!targets.some((t) => !t.bare) || !mayHoldUnitQuantity(sentence)) return false
  return findQuantities(sentence, false, targets).some((q) => targets.some((t) => !t.bare && t.unit === q.unit))
}

/**
 * A milestone's own action reported done: `已` (or `已于…`, `已经`) right before one of its key
 * words, within two characters (`可研已于2月批复`, `已获批复`). The fixed done phrases of rule 5 do
 * not name every verb a milestone can have.
 */
function ownActionDone(sentence: string, keys: readonly string[]): string | null {
  const re = /已(?:经)?(?:于[^,。;]{0,16}?)?/g
  let m: RegExpExecArray | null
  while ((m = re.exec(sentence)) !== null) {
    const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 4)
    for (let skip = 0; skip <= 2; skip++) {
      const pair = after.slice(skip, skip + 2)
      if (pair.length === 2 && keys.includes(pair)) return sentence.slice(m.index, m.index + m[0].length + skip + 2)
    }
    if (m[0].length === 0) re.lastIndex++
  }
  return null
}

/**
 * One milestone by the sentences that speak of it. Steps 1–3 of rule 5 read those sentences
 * only; its own action reported done counts as a done phrase. A milestone no sentence speaks of
 * is not done. The verdict names the sentences it read, for the clerk's reason.
 */
export function judgeMilestoneSentences(sentences: readonly string[], keys: readonly string[], targets: Targets): DoneVerdict {
  let wanted: readonly Quantity[] | null = null
  const own = () => (wanted ??= typeof targets === 'function' ? targets() : targets)
  const speaking = sentences.filter((s) => namesMilestone(s, keys) || reportsTargetUnit(s, own()))
  if (speaking.length === 0) return { done: false, step: 'unmentioned', words: keys.slice(0, 3).join('') }
  const text = speaking.join('。')
  let verdict = judgePart(text, own)
  if (!verdict.done && verdict.step === 'none') {
    const done = speaking.map((s) => ownActionDone(s, keys)).find((w) => w !== null)
    if (done) verdict = { done: true, step: 'phrase', words: done }
  }
  return { ...verdict, sentence: text }
}

/** Every milestone of a task against one unnumbered progress text. */
export function judgeBySentences(folded: string, milestones: readonly { folded: string; targets: Targets }[]): DoneVerdict[] {
  const keys = milestones.map((m) => actionPairs(m.folded))
  const sentences = splitSentences(folded, keys)
  if (sentences.length === 0) return milestones.map(() => NOTHING_DONE)
  return milestones.map((m, i) => judgeMilestoneSentences(sentences, keys[i]!, m.targets))
}
