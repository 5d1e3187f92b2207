// Rule 5: whether one progress part reports its milestone done — verdict, then quantities, then words.
import { findQuantities, matchQuantities, mayHoldQuantity, mayHoldUnitQuantity, showRatio, type Quantity } from './quantities'
import { charTable } from './text'

/** `empty`: no progress at all; `missing`: numbered progress without this milestone's number (words: the number). */
export type DoneStep = 'verdict' | 'quantity' | 'signal' | 'phrase' | 'none' | 'empty' | 'missing' | 'status' | 'override'

/** What decided done / not done, with the words that decided it (shown to the clerk). */
export interface DoneVerdict {
  done: boolean
  step: DoneStep
  /** The decisive words as written (`已完成`, `正在`, `2468/2000 套, 123%`). */
  words: string
}

/** Not done, and nothing said: one shared verdict (verdicts are kept per plan, never changed). */
export const NOTHING_DONE: DoneVerdict = Object.freeze({ done: false, step: 'none', words: '' })

/** Step 1: an opening clause that settles the part (fixtures reading 1). */
const DONE_OPENING = /^(?:已全部完成|已完成|全部完成|已办结|已落实)(?=[。,;!]|$)|^完成(?=。|$)/
const NOT_DONE_OPENING = /^(?:未完成|尚未|正在)/

/**
 * Step 3 signals, found anywhere. `拟` not inside 模拟/虚拟; `计划` only as the verb
 * (`计划7月完成`), never the noun (`年度投资计划`, `按计划`).
 */
const SIGNAL = /正在|推进中|进行中|尚未|未完成|未启动|基本完成|启动|(?<![模虚比])拟(?!定|稿)|计划(?=于|在|\d|[一二三四五六七八九十](?:月|季)|今年|明年|年底|年内|下半年|上半年|完成|开工|启动|开展|实施|建成|投用|投入|召开|举办|出台|印发|上线)|截至/g
/** Step 3 done phrases, found anywhere after no signal fired. */
const DONE_PHRASE = /已全部完成|已完成|全面完成|已于[^,。;]{0,16}?(?:完成|建成|出台|印发|召开|举办|开工|投用|投入使用|通过|上线|办结|落实)|已建成|已出台|已印发|已召开|已举办|已全部开工|已开工|已投用|已投入使用|已通过|已上线|正式对外开放/
/** A percentage below 100% is a not-done signal, unless it is a growth or share figure. */
const PERCENT = /(?<![\d.])(\d+(?:\.\d+)?)\s*%/g
const GROWTH_BEFORE = /(?:增长|增幅|同比|下降|提高|降低|增速)[^,。;]{0,4}$/

/**
 * A part that opens with a time (`一季度,`, `2月10日,`, scraped `61——6日,`) before `完成`
 * reads as opening with `完成` (fixtures reading 3).
 */
const OPENING_TIME = /^(?:(?:\d{4}年)?(?:[一二三四]季度|上半年|下半年|今年|[\d\-—~至月日号份初底末上中下旬.]+)[,、\s]*)+(?=完成)/

/** The characters OPENING_TIME can start with (a table: tested before the regex). */
const TIME_START = charTable('0123456789一二三四上下今-—~至月日号份初底末中旬.')

/** The first characters of DONE_OPENING and NOT_DONE_OPENING. */
const OPENING_START = charTable('已全完未尚正')

/** No words: one frozen array shared by every part that has none. */
const NO_WORDS: readonly string[] = Object.freeze([])

/** White space and the separators a part may open with (`^[\s,。;、:]+`), as a table: no regex per call. */
const LEADING = charTable(',。;、:', true)

/** A part that opens with 完成 and its object (`完成设计招标`), not a bare `完成,`. */
const OPENS_WITH_DONE = /^完成[^\s,。;]/

function leadingTrim(text: string): string {
  let i = 0
  while (i < text.length && LEADING[text.charCodeAt(i)] === 1) i++
  return i === 0 ? text : text.slice(i)
}

/** The percentages below 100% that count as not-done signals. */
function lowPercents(folded: string): readonly string[] {
  // Most parts hold no percentage: one indexOf instead of a regex scan, and no array.
  if (folded.indexOf('%') < 0) return NO_WORDS
  const out: string[] = []
  PERCENT.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = PERCENT.exec(folded)) !== null) {
    if (Number(m[1]) >= 100) continue
    if (GROWTH_BEFORE.test(folded.slice(Math.max(0, m.index - 8), m.index))) continue
    out.push(`${m[1]}% < 100%`)
  }
  return out
}

/** Step 3 signals in a part, as the words the clerk sees. */
export function findSignals(folded: string): readonly string[] {
  // One call finds every match, without a match array per signal.
  const found = folded.match(SIGNAL)
  const low = lowPercents(folded)
  // Most parts carry no signal: no array of their own.
  if (found === null) return low
  const out: string[] = []
  for (const word of found) if (!out.includes(word)) out.push(word)
  return low.length === 0 ? out : out.concat(low)
}

/** Step 3 done words in a part: a done phrase, or the part opening with 完成 + its object. */
export function findDonePhrase(folded: string): string | null {
  const part = leadingTrim(folded)
  const phrase = DONE_PHRASE.exec(part)
  if (phrase) return phrase[0]
  const first = part.charCodeAt(0)
  if (first === 0x5b8c /* 完 */ && OPENS_WITH_DONE.test(part)) return part.slice(0, Math.min(part.length, 16))
  // A timed opening needs a time character first and `完成` after it: most parts have neither.
  if (TIME_START[first] === 0 || part.indexOf('完成') < 1) return null
  const timed = OPENING_TIME.exec(part)
  if (timed && OPENS_WITH_DONE.test(part.slice(timed[0].length))) return part.slice(0, Math.min(part.length, timed[0].length + 14))
  return null
}

/** Step 1 only: the opening verdict of a part, if any. */
export function readOpening(folded: string): DoneVerdict | null {
  const part = leadingTrim(folded)
  // Both openings start with one of a few characters: most parts are passed without a regex call.
  if (OPENING_START[part.charCodeAt(0)] === 0) return null
  const done = DONE_OPENING.exec(part)
  if (done) return { done: true, step: 'verdict', words: done[0] }
  const notDone = NOT_DONE_OPENING.exec(part)
  if (notDone) return { done: false, step: 'verdict', words: notDone[0] }
  return null
}

/**
 * A milestone's quantity targets, or what reads them when first needed: most progress parts
 * report no quantity (see mayHoldQuantity), and reading targets costs more than judging.
 */
export type Targets = readonly Quantity[] | (() => readonly Quantity[])

/**
 * Rule 5 for one part (folded) against its milestone's targets: verdict, quantities, words.
 * `targets` come from the milestone's words, or the task's for an implicit milestone.
 */
export function judgePart(folded: string, targets: Targets): DoneVerdict {
  const part = leadingTrim(folded)
  if (!part) return NOTHING_DONE
  const opening = readOpening(part)
  if (opening) return opening
  // A part that reports no quantity has nothing to match, whatever the targets.
  const wanted = mayHoldQuantity(part) ? typeof targets === 'function' ? targets() : targets : NO_TARGETS
  if (wanted.length > 0) {
    const matches = matchQuantities(wanted, findQuantities(part, true, wanted))
    if (matches.length > 0) {
      const done = matches.every((m) => m.reported.value >= m.target.value)
      return { done, step: 'quantity', words: matches.map(showRatio).join('; ') }
    }
  }
  const signals = findSignals(part)
  if (signals.length > 0) return { done: false, step: 'signal', words: signals.join(', ') }
  const phrase = findDonePhrase(part)
  if (phrase) return { done: true, step: 'phrase', words: phrase }
  return NOTHING_DONE
}

/** No targets, one shared array: most milestones set none, and every plan keeps its targets. */
export const NO_TARGETS: readonly Quantity[] = Object.freeze([])

/** The quantity targets a milestone's (or task's) words set. */
export function findTargets(folded: string): readonly Quantity[] {
  // Bare numbers (`3月`, `20无废…`) set no target: without a number and a unit there is nothing to find.
  if (!mayHoldUnitQuantity(folded)) return NO_TARGETS
  const found = findQuantities(folded, false)
  return found.length > 0 ? found : NO_TARGETS
}

/** Words of a milestone that name its action (`完成设计招标` → 设计招标), for unnumbered progress. */
const ACTION_FILLER = /\d{4}年|[\d一二三四五六七八九十]+月(?:份)?(?:上旬|中旬|下旬|初|底|末)?(?:前)?|[一二三四]季度|上半年|下半年|年底|年末|年内|全年|年中|前|完成|开展|启动|推进|组织|做好|全面|进一步|[\s,。;、:“”"]/g

/**
 * The key words of a milestone: every distinct pair of adjacent characters of its action words,
 * as char codes, flat (`[first, second, first, second, …]`) in order of first appearance. Codes,
 * not two-character strings: a milestone makes a dozen of them and keeps none.
 */
export function actionPairs(folded: string): number[] {
  const t = folded.replace(ACTION_FILLER, '|')
  const pairs: number[] = []
  for (let i = 0; i + 1 < t.length; i++) {
    const a = t.charCodeAt(i)
    const b = t.charCodeAt(i + 1)
    if (a === 0x7c || b === 0x7c) continue
    let known = false
    for (let k = 0; k < pairs.length; k += 2) if (pairs[k] === a && pairs[k + 1] === b) { known = true; break }
    if (!known) pairs.push(a, b)
  }
  return pairs
}

/** actionPairs as the two-character words they stand for. */
export function actionWords(folded: string): string[] {
  const pairs = actionPairs(folded)
  const out: string[] = []
  for (let k = 0; k < pairs.length; k += 2) out.push(String.fromCharCode(pairs[k]!, pairs[k + 1]!))
  return out
}

/** Bits in a sentence's pair filter: ~50 pairs a sentence leave ~5% of the bits set. */
const PAIR_BITS = 1024

function pairBit(a: number, b: number): number {
  return (a * 31 + b) & (PAIR_BITS - 1)
}

/**
 * One sentence of unnumbered progress with its step-3 signals, read once for every milestone.
 * `pairsAt` is where its filter of character pairs starts in Sentences.pairs (a bit per pair
 * hash): a key word whose bit is clear is not in the sentence, and most are not, so few need a
 * search of the text.
 */
interface Sentence { text: string; signals: readonly string[]; pairsAt: number }

const PAIR_WORDS = PAIR_BITS / 32
/**
 * The filters of the progress text read last. Shared, not copied out: a typed array per text
 * costs an off-heap allocation (more than the whole reading of a short text), and every caller
 * judges the sentences of one text before reading the next.
 */
let pairScratch = new Uint32Array(PAIR_WORDS * 16)

/**
 * The sentences of unnumbered progress, and the first that carries a signal. Valid until the
 * next readSentences call, which reuses `pairs`.
 */
export interface Sentences { list: Sentence[]; firstSignal: string | null; pairs: Uint32Array }

/** Where unnumbered progress splits into sentences: `。`, `;` or a line break. */
function endsSentence(c: number): boolean {
  return c === 0x3002 || c === 0x3b || c === 0x0a
}

export function readSentences(progressFolded: string): Sentences {
  const list: Sentence[] = []
  let firstSignal: string | null = null
  const n = progressFolded.length
  let from = 0
  for (let i = 0; i <= n; i++) {
    if (i < n && !endsSentence(progressFolded.charCodeAt(i))) continue
    let start = from
    while (start < i && LEADING[progressFolded.charCodeAt(start)] === 1) start++
    from = i + 1
    if (start === i) continue
    const text = progressFolded.slice(start, i)
    const signals = findSignals(text)
    if (signals.length > 0 && firstSignal === null) firstSignal = text
    const pairsAt = list.length * PAIR_WORDS
    if (pairsAt + PAIR_WORDS > pairScratch.length) {
      const grown = new Uint32Array(pairScratch.length * 2)
      grown.set(pairScratch)
      pairScratch = grown
    }
    pairScratch.fill(0, pairsAt, pairsAt + PAIR_WORDS)
    for (let j = start; j + 1 < i; j++) {
      const bit = pairBit(progressFolded.charCodeAt(j), progressFolded.charCodeAt(j + 1))
      pairScratch[pairsAt + (bit >>> 5)]! |= 1 << (bit & 31)
    }
    list.push({ text, signals, pairsAt })
  }
  return { list, firstSignal, pairs: pairScratch }
}

/** Does the sentence hold the characters `a` then `b` next to each other? */
function holdsPair(sentences: Sentences, sentence: Sentence, a: number, b: number): boolean {
  const bit = pairBit(a, b)
  if ((sentences.pairs[sentence.pairsAt + (bit >>> 5)]! & (1 << (bit & 31))) === 0) return false
  const t = sentence.text
  for (let i = 0; i + 1 < t.length; i++) if (t.charCodeAt(i) === a && t.charCodeAt(i + 1) === b) return true
  return false
}

/**
 * Unnumbered progress against several milestones (fixtures reading 4): a milestone is done
 * when one sentence reports its own action done, a done phrase next to its key words, and
 * no signal in that sentence. `keys` are the milestone's key word pairs (actionPairs).
 */
export function judgeBySentences(sentences: Sentences, keys: readonly number[], targets: Targets): DoneVerdict {
  for (const sentence of sentences.list) {
    // Two shared key words make the sentence this milestone's: stop counting at two.
    let shared = 0
    for (let k = 0; k < keys.length && shared < 2; k += 2) if (holdsPair(sentences, sentence, keys[k]!, keys[k + 1]!)) shared++
    if (shared < 2) continue
    if (sentence.signals.length > 0) return { done: false, step: 'signal', words: sentence.signals.join(', ') }
    const verdict = judgePart(sentence.text, targets)
    if (verdict.done) return verdict
  }
  if (sentences.firstSignal !== null) return { done: false, step: 'signal', words: sentences.firstSignal }
  return NOTHING_DONE
}

/** judgeBySentences for one milestone, reading the progress afresh. */
export function judgeBySentence(progressFolded: string, milestoneFolded: string, targets: readonly Quantity[]): DoneVerdict {
  return judgeBySentences(readSentences(progressFolded), actionPairs(milestoneFolded), targets)
}

/** The status column (rules §5): done, behind, or on track / silent. */
export type StatusReading = 'done' | 'behind' | 'on-track' | null

export function readStatus(folded: string): StatusReading {
  const s = folded.replace(/[\s。,;!]/g, '')
  if (!s) return null
  if (/滞后|未达序时|未完成|未按期|进度慢|落后/.test(s)) return 'behind'
  if (/^(?:已全部完成|已完成|全部完成|完成|已办结|办结|已落实)/.test(s)) return 'done'
  if (/序时|达序|按序|有序|正常|推进/.test(s)) return 'on-track'
  return null
}
