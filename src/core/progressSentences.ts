// Rule 5 for unnumbered progress against several milestones: read sentence by sentence, each
// milestone judged only by the sentences that speak of it (its key words, or a number in its
// target's unit). `可研已于2月批复,主体工程正在招标` makes `一季度完成可研批复` done and
// `二季度完成主体工程招标` not done: the `正在` of one sentence never undoes another milestone.
import { mayHoldUnitQuantity, quantityUnits, type Quantity } from './quantities'
import { SPACE, charTable } from './text'
import { keyWords, keysIn, names, pairCode, readKeys, type MilestoneKeys } from './milestoneKeys'
import { NOTHING_DONE, judgePart, type DoneVerdict } from './progress'
import { withPairIndex, type PairIndex } from './pairIndex'

/** `n` zeros, pushed: `new Array(n).fill(0)` costs a builtin call and starts out holey. */
function zeros(n: number): number[] {
  const out: number[] = []
  for (let i = 0; i < n; i++) out.push(0)
  return out
}

/** A clause that opens with a time or a report date starts a sentence of its own (sticky: tried at the clause's start). */
const OPENS_WITH_TIME = /(?:截至|截止|目前|当前|近期|今年|\d{4}年|\d{1,2}月|[一二三四]季度|上半年|下半年|年初|年底|[一二三四五六七八九十]+月)/y
/** The characters OPENS_WITH_TIME can start with: most clauses are passed without a regex call. */
const TIME_OPENING = charTable('截目当近今0123456789一二三四五六七八九十上下年')
/**
 * A clause closing on a verdict for all it names (`设计、招标工作均已完成`): the next clause is other
 * work (`工程正在加紧施工`), so it starts a sentence of its own and its 正在 is not theirs.
 */
export const VERDICT_END = /(?:(?:均|都|全部)已(?:经)?|已全部)(?:完成|建成|完工|竣工|办结|落实)$/
/** The last two characters of VERDICT_END's verbs: most clauses (many end in 完成) are passed without a regex call. */
const VERDICT_LAST = charTable('成工结实')
const VERDICT_VERB = charTable('完建竣办落')

/** Does the clause `from`–`to` of `folded` close on VERDICT_END? Its last characters first: most clauses are passed without a slice or a regex call. */
export function closesOnVerdict(folded: string, from: number, to: number): boolean {
  return to - from >= 4 && VERDICT_LAST[folded.charCodeAt(to - 1)] === 1 && VERDICT_VERB[folded.charCodeAt(to - 2)] === 1 &&
    folded.lastIndexOf('已', to - 3) >= Math.max(from, to - 6) && VERDICT_END.test(folded.slice(Math.max(from, to - 8), to))
}

/**
 * The sentences of unnumbered progress and the milestones each names. Sentences are split at
 * `。` `;` and line breaks, and at `,` where the next clause opens a new subject (it names a
 * milestone's key words) or a date. A clause that does neither continues the sentence before it
 * (`已完成招标,正在进场施工` is one sentence); a sentence's clauses are joined by `,`.
 */
class Sentences {
  readonly texts: string[] = []
  /** names[s * milestones + m]: does sentence s name milestone m? */
  readonly names: boolean[] = []
  /** Per sentence, how many milestones it names. */
  private readonly named: number[] = []
  /**
   * Per sentence, the units of the quantities it reports, read when a milestone with quantity
   * targets first asks (null until then). Set for every sentence as it is read, never past the end.
   */
  private readonly units: (readonly string[] | null)[] = []
  private readonly clauseCounts: number[]
  private readonly clauseSpecific: number[]
  private readonly counts: number[]
  private readonly specific: number[]
  /** The clauses (from, to) of the sentence being read. */
  private readonly clauses: number[] = []

  constructor(private readonly folded: string, private readonly milestones: readonly MilestoneKeys[], private readonly index: PairIndex) {
    const n = milestones.length
    this.clauseCounts = zeros(n)
    this.clauseSpecific = zeros(n)
    this.counts = zeros(n)
    this.specific = zeros(n)
    this.split()
  }

  /** One scan: a clause ends at `,`, a sentence at least at `。` `;` or a line break. */
  private split(): void {
    const folded = this.folded
    const index = this.index
    let start = 0
    let afterVerdict = false
    for (let i = 0; i <= folded.length; i++) {
      const c = i < folded.length ? folded.charCodeAt(i) : 0x3002
      const endsSentence = c === 0x3002 /* 。 */ || c === 0x3b /* ; */ || c === 0x0a
      if (!endsSentence && c !== 0x2c /* , */) continue
      // The clause, trimmed, as an index range.
      let from = start
      let to = i
      start = i + 1
      while (from < to && SPACE[folded.charCodeAt(from)] === 1) from++
      while (to > from && SPACE[folded.charCodeAt(to - 1)] === 1) to--
      if (from < to) {
        const found = index.countRange(folded, from, to, this.clauseCounts, this.clauseSpecific)
        if (this.clauses.length === 0 || afterVerdict || this.opensWithTime(from) || (found > 0 && this.clauseNamesAny(from, to))) {
          this.endSentence()
          index.startSentence(this.counts, this.specific)
        }
        index.addToSentence(this.counts, this.specific)
        this.clauses.push(from, to)
        afterVerdict = closesOnVerdict(folded, from, to)
      }
      if (endsSentence) { this.endSentence(); afterVerdict = false }
    }
  }

  private opensWithTime(from: number): boolean {
    if (TIME_OPENING[this.folded.charCodeAt(from)] === 0) return false
    OPENS_WITH_TIME.lastIndex = from
    return OPENS_WITH_TIME.test(this.folded)
  }

  private clauseNamesAny(from: number, to: number): boolean {
    for (let m = 0; m < this.milestones.length; m++) {
      const shared = this.clauseCounts[m]!
      if (shared !== 0 && names(this.folded, from, to, this.milestones[m]!, shared, this.clauseSpecific[m]!)) return true
    }
    return false
  }

  /** Closes the sentence being read, if any: its text, and which milestones it names. */
  private endSentence(): void {
    const clauses = this.clauses
    if (clauses.length === 0) return
    const folded = this.folded
    const from = clauses[0]!
    const to = clauses[clauses.length - 1]!
    // Clauses joined by `,`: one slice when nothing lay between them but a `,` (nearly always).
    let joined = clauses.length / 2 - 1
    for (let k = 0; k < clauses.length; k += 2) joined += clauses[k + 1]! - clauses[k]!
    let text: string
    if (joined === to - from) text = folded.slice(from, to)
    else {
      text = folded.slice(from, clauses[1])
      for (let k = 2; k < clauses.length; k += 2) text += `,${folded.slice(clauses[k], clauses[k + 1])}`
    }
    clauses.length = 0
    this.texts.push(text)
    this.units.push(null)
    const base = this.names.length
    let named = 0
    for (let m = 0; m < this.milestones.length; m++) {
      const shared = this.counts[m]!
      const yes = shared !== 0 && names(text, 0, text.length, this.milestones[m]!, shared, this.specific[m]!)
      this.names.push(yes)
      if (yes) named++
    }
    if (named > 1) named -= this.dropExplained(text, base)
    this.named.push(named)
  }

  /**
   * A sentence that names several milestones speaks only for those whose words it holds best:
   * milestone a is dropped when the key words of a it holds are all key words of another named
   * milestone b, which it holds more of. `施工图设计尚未启动` holds 设计 of `初步设计` and 施工, 工图,
   * 图设, 设计 of `施工图设计`: it speaks of the drawings only, and its 尚未 leaves 初步设计 alone.
   * `可研和初步设计均已完成` holds 可研 (not a word of 初步设计): it still speaks for both.
   * Returns how many were dropped.
   */
  private dropExplained(text: string, base: number): number {
    const n = this.milestones.length
    const held: (number[] | null)[] = []
    for (let m = 0; m < n; m++) held.push(this.names[base + m] ? keysIn(text, this.milestones[m]!.keys) : null)
    let dropped = 0
    for (let a = 0; a < n; a++) {
      const mine = held[a]
      if (!mine) continue
      for (let b = 0; b < n; b++) {
        const theirs = held[b]
        if (b === a || !theirs || theirs.length <= mine.length) continue
        if (mine.every((k) => theirs.includes(k))) { this.names[base + a] = false; dropped++; break }
      }
    }
    return dropped
  }

  /** How many milestones sentence `s` names. */
  namedCount(s: number): number {
    return this.named[s]!
  }

  /** Does sentence `s` report a number in one of `targetUnits`? */
  reportsUnit(s: number, targetUnits: readonly string[]): boolean {
    if (targetUnits.length === 0) return false
    // The cheap test first, once per sentence: most hold no number with a unit.
    let units = this.units[s]!
    if (units === null) {
      const text = this.texts[s]!
      units = this.units[s] = mayHoldUnitQuantity(text) ? quantityUnits(text) : NO_UNITS
    }
    for (const u of units) if (targetUnits.includes(u)) return true
    return false
  }
}

const NO_UNITS: readonly string[] = Object.freeze([])

/** A milestone as judgeBySentences reads it: its words, and its quantity targets if already read. */
export interface SentenceMilestone {
  readonly folded: string
  readonly targets: readonly Quantity[] | undefined
}

/**
 * The units of a milestone's quantity targets (its targets not bare). A sentence speaks for the
 * milestone when it reports a number in one of them; the targets themselves (their words, the
 * costly part) are read only for judging. Unread targets would be findTargets(folded): the
 * same scan finds their units.
 */
function targetUnitsOf(m: SentenceMilestone): readonly string[] {
  if (m.targets === undefined) return mayHoldUnitQuantity(m.folded) ? quantityUnits(m.folded) : NO_UNITS
  const units: string[] = []
  for (const t of m.targets) if (!t.bare) units.push(t.unit)
  return units
}

/**
 * The last reader made, kept alive: a class instance's shape (its map, with each field added in
 * turn) lives only while some instance does, and the optimised code of the reader depends on it.
 * With no reader left, a full collection dropped the shape and threw that code away, so every
 * major GC cost the sentence reading a deoptimisation and a slow warm-up again.
 */
const kept: { reader: Sentences | null } = { reader: null }

/**
 * A milestone's own action reported done: `已` (or `已经`, `已于` and a date) right before one of
 * its key words, or before a word that only says how (`可研已于2月批复`, `已获批复`, `补贴已全部发放`,
 * `资金已足额拨付`), the clause then ending, saying the action is complete (`资金已拨付到位`) or
 * naming more of the milestone's words (`已梳理问题清单35条` for `完成清单梳理`). Anything else is
 * other work: `已对污水管网进行排查` reports a survey of the 管网, not its 建设; `已经梳理出工作任务
 * 清单` a list, not the milestone's `问题梳理汇总`. A day's date right before the key words reports the day it was done
 * (`6月10日开工建设` for `6月底前开工建设`); a plan names its day with 前, a report date with 截至.
 * The fixed done phrases of rule 5 do not name every verb a milestone can have.
 */
/** After a `已`: `经`, `于` and a date, and a word of manner, each optional (sticky: tried at the 已). */
const AFTER_YI = /已(?:经)?(?:于(?:\d{4}年)?(?:(?:\d{1,2}|[一二三四五六七八九十]{1,2})月(?:份)?(?:\d{1,2}日)?(?:上旬|中旬|下旬|初|底|末|中)?|[一二三四]季度|上半年|下半年|年初|年中|年底))?(?:获得?|全部|全面|顺利|按期|如期|提前|正式|依法|足额)?/y
/** The characters that can follow 已 in AFTER_YI beyond the 已 itself: otherwise the key words start right after it, no regex call. */
const AFTER_YI_START = charTable('经于获全顺按如提正依足')
/** A day's date that is not a plan (前) or a report date (截至). */
export const DAY_DATE = /(?<!截至|截止|\d)\d{1,2}月\d{1,2}日(?!前|以前|之前)/g
/** Words that say the action is complete, allowed after the key words. */
const COMPLETION = /^(?:到位|完毕|完成|结束|了)/
const CLAUSE_END = charTable(',。;!?')

/** Is the pair of characters at `at` one of the milestone's key words? */
type IsKey = (text: string, at: number) => boolean

function ownActionDone(sentence: string, isKey: IsKey): string | null {
  // Most sentences hold neither 已 nor a day: no regex call.
  for (let p = sentence.indexOf('已'); p >= 0; p = sentence.indexOf('已', p + 1)) {
    let at = p + 1
    if (AFTER_YI_START[sentence.charCodeAt(at)] === 1) {
      AFTER_YI.lastIndex = p
      at = AFTER_YI.test(sentence) ? AFTER_YI.lastIndex : at
    }
    const done = keyWordsDoneAt(sentence, p, at, isKey)
    if (done !== null) return done
  }
  if (!holdsDay(sentence)) return null
  const re = DAY_DATE
  re.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = re.exec(sentence)) !== null) {
    const done = keyWordsDoneAt(sentence, m.index, m.index + m[0].length, isKey)
    if (done !== null) return done
  }
  return null
}

/** A `日` right after a digit: most sentences with a 日 have none (`日常`, `日前`), and skip DAY_DATE. */
export function holdsDay(text: string): boolean {
  // From the second character: a 日 in front has no digit before it, and must not end the search.
  for (let d = text.indexOf('日', 1); d >= 0; d = text.indexOf('日', d + 1)) {
    const c = text.charCodeAt(d - 1)
    if (c >= 0x30 && c <= 0x39) return true
  }
  return false
}

/** The milestone's key words at `at`, the rest of their clause its own (restIsOwn): the words from `from` to the clause's end. */
function keyWordsDoneAt(sentence: string, from: number, at: number, isKey: IsKey): string | null {
  if (at + 1 >= sentence.length || !isKey(sentence, at)) return null
  let end = at + 2
  while (end < sentence.length && CLAUSE_END[sentence.charCodeAt(end)] === 0) end++
  return restIsOwn(sentence.slice(at + 2, end), isKey) ? sentence.slice(from, end) : null
}

/** The clause after the key words ends there, says the action is complete, or names more of the milestone's own words. */
function restIsOwn(rest: string, isKey: IsKey): boolean {
  if (rest.length === 0 || COMPLETION.test(rest)) return true
  for (let i = 0; i + 1 < rest.length; i++) if (isKey(rest, i)) return true
  return false
}

/**
 * The same reading for a part already given to one milestone (the only milestone of a task, or
 * the part numbered like it): its own action reported done (`项目已立项` for `完成项目立项`,
 * `地块已出让` for `完成土地出让`). For parts in which rule 5 found nothing either way.
 */
export function ownActionDoneIn(part: string, milestoneFolded: string): string | null {
  if (part.indexOf('已') < 0 && !holdsDay(part)) return null
  // The key words are read only for a pair the milestone's text holds at all: most parts have none.
  let keys: readonly number[] | null = null
  return ownActionDone(part, (text, at) => {
    if (!milestoneFolded.includes(text.slice(at, at + 2))) return false
    keys ??= withPairIndex((index) => readKeys(milestoneFolded, 0, index).keys)
    return keys.includes(pairCode(text, at))
  })
}

/**
 * Milestone `m` by the sentences that speak of it (it is named there, or a number in its
 * target's unit is). Steps 1–3 of rule 5 read those sentences only; its own action reported
 * done counts as a done phrase. A milestone no sentence speaks of is not done. The verdict
 * names the sentences it read, for the clerk's reason.
 */
function judgeMilestoneSentences(sentences: Sentences, m: number, count: number, keys: readonly number[], targetUnits: readonly string[], targets: () => readonly Quantity[]): DoneVerdict {
  const speaking: string[] = []
  const texts = sentences.texts
  for (let s = 0; s < texts.length; s++) {
    // A number in the target's unit speaks for the milestone unless the sentence is about
    // another one (`雨水管网改造完成3公里` is not the 污水管网's 公里).
    if (sentences.names[s * count + m] || (sentences.namedCount(s) === 0 && sentences.reportsUnit(s, targetUnits))) speaking.push(texts[s]!)
  }
  if (speaking.length === 0) return { done: false, step: 'unmentioned', words: keyWords(keys) }
  const text = speaking.length === 1 ? speaking[0]! : speaking.join('。')
  const verdict = judgePart(text, targets)
  if (!verdict.done && verdict.step === 'none') {
    const isKey: IsKey = (t, at) => keys.includes(pairCode(t, at))
    for (const s of speaking) {
      const done = ownActionDone(s, isKey)
      if (done !== null) return { done: true, step: 'phrase', words: done, sentence: text }
    }
  }
  return { done: verdict.done, step: verdict.step, words: verdict.words, sentence: text }
}

/**
 * Every milestone of a task against one unnumbered progress text. `targetsOf` reads a
 * milestone's quantity targets (and may keep them on it).
 */
export function judgeBySentences<M extends SentenceMilestone>(folded: string, milestones: readonly M[], targetsOf: (m: M) => readonly Quantity[]): DoneVerdict[] {
  return withPairIndex((index) => {
    const n = milestones.length
    const keys: MilestoneKeys[] = []
    for (let i = 0; i < n; i++) keys.push(readKeys(milestones[i]!.folded, i, index))
    const sentences = new Sentences(folded, keys, index)
    kept.reader = sentences
    const out: DoneVerdict[] = []
    for (let i = 0; i < n; i++) {
      if (sentences.texts.length === 0) { out.push(NOTHING_DONE); continue }
      const m = milestones[i]!
      out.push(judgeMilestoneSentences(sentences, i, n, keys[i]!.keys, targetUnitsOf(m), () => targetsOf(m)))
    }
    return out
  })
}
