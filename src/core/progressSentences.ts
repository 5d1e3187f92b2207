// Rule 5 for unnumbered progress against several milestones: read sentence by sentence, each
// milestone judged only by the sentences that speak of it (its key words, or a number in its
// target's unit). `可研已于2月批复,主体工程正在招标` makes `一季度完成可研批复` done and
// `二季度完成主体工程招标` not done: the `正在` of one sentence never undoes another milestone.
import { findQuantities, mayHoldUnitQuantity, type Quantity } from './quantities'
import { NOTHING_DONE, judgePart, type DoneVerdict, type Targets } from './progress'
import { withPairIndex, type PairIndex } from './pairIndex'

/**
 * What a milestone's key words are not: dates and times, the verbs every milestone has
 * (完成, 推进…), degree words and punctuation. `一季度完成可研批复` → `可研批复`.
 */
const TIME_WORDS = /\d{4}年|[\d一二三四五六七八九十]+月(?:份)?(?:\d+日)?(?:上旬|中旬|下旬|初|底|末)?(?:前)?|[一二三四]季度|上半年|下半年|年底|年末|年内|全年|年中|今年|之前|以前|前|[\d.]+\s*(?:万|亿)?[^\s,。;、:\d]?|[\s,。;、:“”"()]/g
const COMMON_VERBS = /完成|开展|启动|推进|组织|做好|全面|进一步|加快|力争|确保|基本|实现|新增|新建|持续/g

const pairCode = (t: string, i: number): number => t.charCodeAt(i) * 0x10000 + t.charCodeAt(i + 1)
const pairText = (code: number): string => String.fromCharCode(Math.floor(code / 0x10000), code % 0x10000)

/** Key words too common to tie a sentence to one milestone by themselves. */
const GENERIC_KEYS = ['建设', '工作', '项目', '工程', '实施', '推进', '管理', '服务', '发展', '提升', '设施', '体系']
const isGeneric = (first: number, second: number): boolean =>
  GENERIC_KEYS.some((w) => w.charCodeAt(0) === first && w.charCodeAt(1) === second)

/** A milestone's key words: the two-character words of its action, each as its two code units. */
interface MilestoneKeys {
  readonly keys: readonly number[]
  /** How many key words a sentence must hold to speak of the milestone. */
  readonly need: number
  /** Each character of the key words once, worked out the first time a sentence needs it. */
  chars?: readonly string[]
}

/**
 * The two-character words of a milestone's action, in order, each once, added to the index.
 * Verbs every milestone shares are left out, unless nothing else is left (`年底前建成投用` → 建成,
 * 成投, 投用).
 */
function readKeys(folded: string, m: number, index: PairIndex): MilestoneKeys {
  const timeless = folded.replace(TIME_WORDS, '|')
  let keys = addPairs(timeless.replace(COMMON_VERBS, '|'), m, index)
  if (keys.length === 0) keys = addPairs(timeless, m, index)
  return { keys, need: keys.length >= 3 ? 2 : keys.length }
}

function addPairs(t: string, m: number, index: PairIndex): number[] {
  const out: number[] = []
  for (let i = 0; i + 1 < t.length; i++) {
    const first = t.charCodeAt(i)
    const second = t.charCodeAt(i + 1)
    if (first === 0x7c /* | */ || second === 0x7c) continue
    if (index.add(m, first, second, isGeneric)) out.push(first * 0x10000 + second)
  }
  return out
}

/**
 * Does a sentence name the milestone, given how many of its key words the sentence holds
 * (`shared`) and how many of those are not generic (`specific`)? Two key words do
 * (`主体工程正在招标` for `主体工程招标`), or one that is not generic when the sentence holds at
 * least half of the characters of the milestone's key words (`一期工程已完工` for `一期建设`,
 * `主体已封顶` for `主体施工`).
 */
function names(sentence: string, m: MilestoneKeys, shared: number, specific: number): boolean {
  if (m.need === 0 || shared === 0) return false
  if (shared >= m.need) return true
  if (specific === 0) return false
  m.chars ??= [...new Set(m.keys.map(pairText).join(''))]
  const enough = Math.ceil(m.chars.length / 2)
  let held = 0
  for (const ch of m.chars) if (sentence.includes(ch) && ++held >= enough) return true
  return false
}

/** Reads which milestones a sentence names, with the index and counters of one task. */
class Namer {
  private readonly counts: number[]
  private readonly specific: number[]
  constructor(private readonly milestones: readonly MilestoneKeys[], private readonly index: PairIndex) {
    this.counts = new Array<number>(milestones.length).fill(0)
    this.specific = new Array<number>(milestones.length).fill(0)
  }

  /** Does the text name any milestone? */
  namesAny(text: string): boolean {
    if (this.index.count(text, this.counts, this.specific) === 0) return false
    return this.milestones.some((m, i) => names(text, m, this.counts[i]!, this.specific[i]!))
  }

  /** Each milestone: does the text name it? */
  named(text: string): boolean[] {
    const any = this.index.count(text, this.counts, this.specific) > 0
    return this.milestones.map((m, i) => any && names(text, m, this.counts[i]!, this.specific[i]!))
  }
}

/** A clause that opens with a time or a report date starts a sentence of its own. */
const OPENS_WITH_TIME = /^(?:截至|截止|目前|当前|近期|今年|\d{4}年|\d{1,2}月|[一二三四]季度|上半年|下半年|年初|年底|[一二三四五六七八九十]+月)/

/**
 * The sentences of unnumbered progress: split at `。` `;` and line breaks, and at `,` where the
 * next clause opens a new subject (it names a milestone's key words) or a date. A clause that does
 * neither continues the sentence before it (`已完成招标,正在进场施工` is one sentence).
 */
function splitSentences(folded: string, namer: Namer): string[] {
  const sentences: string[] = []
  let current = ''
  let start = 0
  // One scan: a clause ends at `,`, a sentence at least at `。` `;` or a line break.
  for (let i = 0; i <= folded.length; i++) {
    const c = i < folded.length ? folded.charCodeAt(i) : 0x3002
    const endsSentence = c === 0x3002 /* 。 */ || c === 0x3b /* ; */ || c === 0x0a
    if (!endsSentence && c !== 0x2c /* , */) continue
    const clause = folded.slice(start, i).trim()
    start = i + 1
    if (clause) {
      if (current === '' || OPENS_WITH_TIME.test(clause) || namer.namesAny(clause)) {
        if (current) sentences.push(current)
        current = clause
      } else {
        current += `,${clause}`
      }
    }
    if (endsSentence && current) {
      sentences.push(current)
      current = ''
    }
  }
  return sentences
}

/** Does the sentence report a number in one of the target units? */
function reportsTargetUnit(sentence: string, targets: () => readonly Quantity[]): boolean {
  // The cheap test first: most sentences hold no number with a unit, and a milestone's
  // targets are read only when one does.
  if (!mayHoldUnitQuantity(sentence)) return false
  const wanted = targets()
  return wanted.some((t) => !t.bare) && findQuantities(sentence, false, wanted).some((q) => wanted.some((t) => !t.bare && t.unit === q.unit))
}

/**
 * A milestone's own action reported done: `已` (or `已于…`, `已经`) right before one of its key
 * words, within two characters (`可研已于2月批复`, `已获批复`). The fixed done phrases of rule 5 do
 * not name every verb a milestone can have.
 */
function ownActionDone(sentence: string, keys: readonly number[]): string | null {
  const re = /已(?:经)?(?:于[^,。;]{0,16}?)?/g
  let m: RegExpExecArray | null
  while ((m = re.exec(sentence)) !== null) {
    const after = m.index + m[0].length
    // The first two characters after 已 or its date, or one or two later (`已获批复`).
    for (let at = after; at <= after + 2 && at + 1 < sentence.length; at++) {
      if (keys.includes(pairCode(sentence, at))) return sentence.slice(m.index, at + 2)
    }
    if (m[0].length === 0) re.lastIndex++
  }
  return null
}

/**
 * One milestone by the sentences that speak of it (`named`: each sentence names it). Steps 1–3
 * of rule 5 read those sentences only; its own action reported done counts as a done phrase. A
 * milestone no sentence speaks of is not done. The verdict names the sentences it read, for the
 * clerk's reason.
 */
function judgeMilestoneSentences(sentences: readonly string[], named: readonly boolean[], keys: readonly number[], targets: Targets): DoneVerdict {
  let wanted: readonly Quantity[] | null = null
  const own = () => (wanted ??= typeof targets === 'function' ? targets() : targets)
  const speaking = sentences.filter((s, i) => named[i] || reportsTargetUnit(s, own))
  if (speaking.length === 0) return { done: false, step: 'unmentioned', words: keys.slice(0, 3).map(pairText).join('') }
  const text = speaking.join('。')
  let verdict = judgePart(text, own)
  if (!verdict.done && verdict.step === 'none') {
    for (const s of speaking) {
      const done = ownActionDone(s, keys)
      if (done !== null) {
        verdict = { done: true, step: 'phrase', words: done }
        break
      }
    }
  }
  return { ...verdict, sentence: text }
}

/** Every milestone of a task against one unnumbered progress text. */
export function judgeBySentences(folded: string, milestones: readonly { folded: string; targets: Targets }[]): DoneVerdict[] {
  return withPairIndex((index) => {
    const keys = milestones.map((m, i) => readKeys(m.folded, i, index))
    const namer = new Namer(keys, index)
    const sentences = splitSentences(folded, namer)
    if (sentences.length === 0) return milestones.map(() => NOTHING_DONE)
    const named = sentences.map((s) => namer.named(s))
    return milestones.map((m, i) => judgeMilestoneSentences(sentences, named.map((n) => n[i]!), keys[i]!.keys, m.targets))
  })
}
