// Rule 5: whether one progress part reports its milestone done — verdict, then quantities, then words.
import { chineseShortfall, findChineseCounts } from './chineseCounts'
import { findQuantities, findShortfall, matchQuantities, mayHoldQuantity, mayHoldUnitQuantity, reaches, showRatio, type Quantity, type QuantityMatch } from './quantities'
import { charTable } from './text'

/**
 * `empty`: no progress at all; `missing`: numbered progress without this milestone's number (words: the
 * number); `unmentioned`: unnumbered progress with no sentence about this milestone (words: its key words).
 */
export type DoneStep = 'verdict' | 'quantity' | 'signal' | 'phrase' | 'none' | 'empty' | 'missing' | 'unmentioned' | 'status' | 'override'

/** What decided done / not done, with the words that decided it (shown to the clerk). */
export interface DoneVerdict {
  done: boolean
  step: DoneStep
  /** The decisive words as written (`已完成`, `正在`, `2468/2000 套, 123%`). */
  words: string
  /** For unnumbered progress read sentence by sentence: the sentences that spoke for the milestone. */
  sentence?: string
}

/** Not done, and nothing said: one shared verdict (verdicts are kept per plan, never changed). */
export const NOTHING_DONE: DoneVerdict = Object.freeze({ done: false, step: 'none', words: '' })

/** Step 1: an opening clause that settles the part (fixtures reading 1). */
const DONE_OPENING = /^(?:已全部完成|已完成|全部完成|已办结|已落实)(?=[。,;!]|$)|^完成(?=。|$)/
const NOT_DONE_OPENING = /^(?:未完成|尚未|正在)/

/**
 * Step 3 signals, found anywhere. Work `…中` (施工中, 审批中) is under way, not done (not 中心). `拟` not inside 模拟/虚拟; `计划` only as the verb
 * (`计划7月完成`), never the noun (`年度投资计划`, `按计划`). Never a false done: part of the work
 * done (`完成部分`, `大部分`, `一半`, `过半`) or some left (`剩余`, `尚有`, `仍需`) is not done.
 */
const SIGNAL = /正在|推进中|进行中|(?:施工|建设|实施|办理|审批|招标|调试|装修|编制|筹备|修缮|改造|验收)中(?!心|央|国|小学|学)|尚未|未完成|未启动|基本完成|部分完成|完成部分|(?:大|一)部分|一半|过半|大半|剩余|尚有|尚需|仍需|待完成|启动|(?<![模虚比])拟(?!定|稿)|计划(?=于|在|\d|[一二三四五六七八九十](?:月|季)|今年|明年|年底|年内|下半年|上半年|完成|开工|启动|开展|实施|建成|投用|投入|召开|举办|出台|印发|上线)|截至/g
/**
 * Step 3 done phrases, found anywhere after no signal fired. Beside the rules' list, `已` with an
 * adverb (`已经`, `已顺利`, `已全面`, `已按期`…) before a done verb, the verbs of a thing put in
 * use (`已开通`, `已启用`, `已投入运营`, `已落地`, `已签约`, `已开业`, `已通车`), of a decision or
 * body made (`已确定`, `已成立`, `已制定`, `已发布`, `已编制完成`, `已中标`), `已与…签订`, and a part
 * that is `按期完成` / `提前完成`… or a tick (`√`) by itself. `已基本完成`
 * and `已完成部分…` never get here (signals).
 */
const DONE_PHRASE = /已(?:经|顺利|提前|圆满|按期|如期|全部|全面|正式)(?:完成|完工|竣工|建成|开通|启用|投运|投产|交付|办结|落实|落地|签约|运营|运行|开业|通车)|已(?:开通|启用|投运|投入运营|投入运行|正式运营|落地|签约|签订)|已(?:确定|敲定|成立|组建|设立|制定|发布|颁布|通车|并网|移交|入驻|开业|开园|落成|实现|达成|办结|办理完毕|中标)|已(?:编制|修订|起草|审议)完成|已与[^,。;]{1,12}?签(?:订|约|署)|已完成|全面完成|已于[^,。;]{0,16}?(?:完成|建成|出台|印发|召开|举办|开工|投用|投入使用|通过|上线|办结|落实|竣工|验收|批复|获批|签约|签订|封顶|完工|交付|挂牌|揭牌|投产)|已建成|已出台|已印发|已召开|已举办|已全部开工|已开工|已投用|已投入使用|已通过|已上线|正式对外开放|已竣工|已完工|已封顶|已交付|已投产|已挂牌|已揭牌|已(?:获)?批复|已获批|(?:均|全部|都)已(?:完成|建成|批复|获批|验收|竣工|完工|开工|投用)|已(?:通过)?(?:竣工)?验收|已100%完成|(?<![计拟])(?:于|在)\d{1,2}月(?:\d{1,2}日)?(?:份)?(?:底|初|中旬|上旬|下旬)?(?:顺利)?(?:完成|建成|开工|投用|通过|召开|举办|出台|印发|竣工|验收|完工|上线|开园|开业)/
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
/** A part that is only `按期完成` (`如期`, `提前`, `顺利`, `圆满`) or a tick: kept out of DONE_PHRASE, whose scan it would slow. */
const WHOLE_PART_DONE = /^(?:(?:按期|如期|提前|顺利|圆满)完成|[√✓])(?=[。,;!\s]|$)/
const WHOLE_PART_START = charTable('按如提顺圆√✓')
/** `完成` ending its sentence. */
const BARE_DONE = /^完成(?=[。;!]|$)/

function leadingTrim(text: string): string {
  let i = 0
  while (i < text.length && LEADING[text.charCodeAt(i)] === 1) i++
  return i === 0 ? text : text.slice(i)
}

/** A percentage right after these words is a share of something larger (`占年度计划的76%`). */
const SHARE_BEFORE = /占[^,。;]{0,12}$/

/**
 * The percentages below 100% that count as not-done signals; with `sharesAside`, shares of a
 * larger plan (`占年度计划的76%`) are left out.
 */
function lowPercents(folded: string, sharesAside = false): readonly string[] {
  // Most parts hold no percentage: one indexOf instead of a regex scan, and no array.
  if (folded.indexOf('%') < 0) return NO_WORDS
  const out: string[] = []
  PERCENT.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = PERCENT.exec(folded)) !== null) {
    if (Number(m[1]) >= 100) continue
    if (GROWTH_BEFORE.test(folded.slice(Math.max(0, m.index - 8), m.index))) continue
    if (sharesAside && SHARE_BEFORE.test(folded.slice(Math.max(0, m.index - 14), m.index))) continue
    const words = `${m[1]}% < 100%`
    if (!out.includes(words)) out.push(words)
  }
  return out
}

/** Step 3 signals in a part, as the words the clerk sees. */
export function findSignals(folded: string, low: readonly string[] = lowPercents(folded)): readonly string[] {
  // One call finds every match, without a match array per signal.
  const found = folded.match(SIGNAL)
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
  if (WHOLE_PART_START[first] === 1) {
    const whole = WHOLE_PART_DONE.exec(part)
    if (whole) return whole[0]
  }
  if (first === 0x5b8c /* 完 */ && OPENS_WITH_DONE.test(part)) return part.slice(0, Math.min(part.length, 16))
  // A timed opening needs a time character first and `完成` after it: most parts have neither.
  if (TIME_START[first] === 0 || part.indexOf('完成') < 1) return null
  const timed = OPENING_TIME.exec(part)
  // `2月底完成。`: a time, then `完成` as a sentence of its own (no 前: `2月底前完成` is the plan).
  if (timed && (OPENS_WITH_DONE.test(part.slice(timed[0].length)) || BARE_DONE.test(part.slice(timed[0].length)))) return part.slice(0, Math.min(part.length, timed[0].length + 14))
  return null
}

/**
 * Progress that opens by saying all the work is done (`均已完成。`, `以上工作已全部完成。`,
 * `目前两项工作均已完成。`): a verdict for every milestone, like an opening `已完成。`. An
 * all-word (以上, 各项, 两项, 均, 都…) must be there: `设计工作已完成` speaks for one milestone.
 */
const ALL_DONE_OPENING = /^(?:目前|现已|现在|截至目前,?)?((?:以上|上述|各项|所有|全部|[两二三四五六七八九十\d]+项)(?:工作|任务|节点|事项)?)?(均|都|全部)?已(?:全部|经)?完成(?=[。;!]|$)/

/** The opening verdict of a whole progress cell: an opening verdict, or all the work said done. */
export function readWholeOpening(folded: string): DoneVerdict | null {
  const opening = readOpening(folded)
  if (opening) return opening
  const part = leadingTrim(folded)
  const all = ALL_DONE_OPENING.exec(part)
  return all && (all[1] || all[2]) ? { done: true, step: 'verdict', words: all[0] } : null
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
 *
 * Never a false done: an opening `正在`/`尚未` settles the part as not done; otherwise a number
 * short of a target in its unit, or a percentage below 100% where no target is a percentage,
 * makes it not done whatever done words surround it (`已完成，完成改造12个` against 15个).
 * Only then does an opening `已完成` settle it, then quantities that reach their targets (even
 * beside `截至`), then signals and done phrases.
 */
export function judgePart(folded: string, targets: Targets): DoneVerdict {
  const part = leadingTrim(folded)
  if (!part) return NOTHING_DONE
  const opening = readOpening(part)
  // `已完成。` standing as a sentence of its own settles the part (rule 1): what follows reports
  // other work. `已完成，改造12个` qualifies the verdict with a count, which is measured.
  if (opening && (!opening.done || standsAlone(part, opening.words))) return opening
  // A part that reports no quantity has nothing to match, whatever the targets.
  const wanted = mayHoldQuantity(part) ? typeof targets === 'function' ? targets() : targets : NO_TARGETS
  let matches: readonly QuantityMatch[] = NO_MATCHES
  if (wanted.length > 0) {
    const reported = findQuantities(part, true, wanted)
    matches = matchQuantities(wanted, reported)
    const short = findShortfall(wanted, reported, matches)
    if (short) return { done: false, step: 'quantity', words: showRatio(short) }
  }
  // Read once: a low percentage is a signal of its own, and one of step 3's signals too.
  let low = lowPercents(part)
  if (low.length > 0 && !wanted.some((t) => t.unit === '%')) {
    // A share of a larger plan says nothing against a milestone whose own target the part
    // reports reached (`完成投资888万元,占年度计划的76%` against `完成投资888万元`).
    if (matches.length > 0 && matches.every(reaches)) low = lowPercents(part, true)
    if (low.length > 0) return { done: false, step: 'signal', words: low.join(', ') }
  }
  if (opening) return shortInWords(part, targets) ?? opening
  if (matches.length > 0 && matches.every(reaches)) return { done: true, step: 'quantity', words: matches.map(showRatio).join('; ') }
  const signals = findSignals(part, low)
  if (signals.length > 0) return { done: false, step: 'signal', words: signals.join(', ') }
  const phrase = findDonePhrase(part)
  if (phrase) return shortInWords(part, targets) ?? { done: true, step: 'phrase', words: phrase }
  return NOTHING_DONE
}

/**
 * Done words over a count written in Chinese numerals short of its target (`已建成两座` against
 * `建成3座`): not done. Read only before a done verdict from words, so it costs nothing elsewhere.
 */
function shortInWords(part: string, targets: Targets): DoneVerdict | null {
  // Most parts hold no Chinese count: the milestone's targets are then not read.
  const counts = findChineseCounts(part)
  if (counts.length === 0) return null
  const short = chineseShortfall(counts, typeof targets === 'function' ? targets() : targets)
  return short === null ? null : { done: false, step: 'quantity', words: short }
}

/** Is the opening verdict a sentence by itself (`已完成。…`, or all the part says)? */
function standsAlone(part: string, words: string): boolean {
  const next = part.charCodeAt(words.length)
  return Number.isNaN(next) || next === 0x3002 /* 。 */ || next === 0x21 /* ! */
}

/** No matches, one shared array: most parts report no quantity to match. */
const NO_MATCHES: readonly QuantityMatch[] = Object.freeze([])

/** No targets, one shared array: most milestones set none, and every plan keeps its targets. */
export const NO_TARGETS: readonly Quantity[] = Object.freeze([])

/** The quantity targets a milestone's (or task's) words set. */
export function findTargets(folded: string): readonly Quantity[] {
  // Bare numbers (`3月`, `20无废…`) set no target: without a number and a unit there is nothing to find.
  if (!mayHoldUnitQuantity(folded)) return NO_TARGETS
  const found = findQuantities(folded, false)
  return found.length > 0 ? found : NO_TARGETS
}
