// Quantities with units (rules §5 step 2): targets in a milestone, reported numbers in progress, and which matches which.
import { SPACE, charTable } from './text'

/** A number with its unit, and the words around it that name what it counts. */
export interface Quantity {
  value: number
  unit: string
  /** The number as written, with 万/亿 (`2.4亿`). */
  shown: string
  /** Words before the number (back to a clause break or the previous quantity), cleaned. */
  before: string
  /** Words after the unit (up to a clause break or a verb), cleaned; they name the thing in `新增16个社区…`. */
  after: string
  /** A growth rate (`增长10%`): compared only with growth rates. */
  growth: boolean
  /** No unit was written (`完成20无废细胞创建`): matched only by name, taking the target's unit. */
  bare?: boolean
  /**
   * A ceiling, not a goal (`控制在3.5%以内`, `不超过10起`): reached while the reported number
   * stays at or below it.
   */
  upper?: boolean
  /** One part of a total already given (`其中个体户2000户`): it speaks for no target by itself. */
  part?: boolean
}

/** Units, longest first so that `人次` is not read as `人`; `吨标准煤` is `吨标煤`. */
const UNITS = ['平方公里', '平方米', '立方米', '吨标准煤', '吨标煤', '千瓦时', '公里', '千米', '公顷', '千瓦', '兆瓦', '美元', '人次', '批次', '场次', '万元', '亿元',
  '米', '亩', '吨', '元', '户', '套', '间', '个', '家', '人', '名', '条', '张', '台', '辆', '处', '项', '场', '次', '座', '所', '件', '宗', '栋', '幢', '只', '头', '株', '棵', '篇', '份', '支', '天', '床', '类', '起', '%']
/** A Map, not an object: a lookup by a matched (not yet internalised) string is then a hash, not a string-table search. */
const UNIT_ALIASES = new Map([['吨标准煤', '吨标煤']])

/**
 * A number (`1,200`: thousands written with commas), its multiplier and unit. Not quantities: numbers inside names and versions
 * (`PM2.5`, `2.0平台`, `329国道` has no unit), ordinals (`第4个`), and a money amount used as
 * a qualifier (`亿元以上产业项目`, `10亿元项目`, `10亿元1家`).
 */
const QUANTITY_SOURCE = `(?<![\\dA-Za-z.#第])(\\d{1,3}(?:,\\d{3})+(?![\\d.])|\\d+(?:\\.\\d+)?)\\s*(万|亿|千)?\\s*(?:(${UNITS.map((u) => u.replace('%', '%')).join('|')})|(?=[\\u4e00-\\u9fff]))`
/**
 * A digit where a quantity can start (QUANTITY_SOURCE's opening): without one, findQuantities
 * finds nothing. `第12号` and years inside words have none.
 */
const QUANTITY_START = /(?<![\dA-Za-z.#第])\d/

/** Can findQuantities find anything in the text? One regex test, far cheaper than the scan. */
export function mayHoldQuantity(folded: string): boolean {
  return QUANTITY_START.test(folded)
}

/**
 * QUANTITY, sticky: tried only where a run of digits starts, which is the only place it can
 * match (it opens with `\d` after no digit). A global scan led by a lookbehind tries every character.
 */
const QUANTITY_AT = new RegExp(QUANTITY_SOURCE, 'y')

/** Characters that end a clause (`[,。;:!?()\n]`): the words naming a quantity never reach past them. */
const BREAK = charTable(',。;:!?()\n')
/** A verb right after a count stops the words that name it (`3个已上报`, `1个通过…`). */
const AFTER_STOP = /^(?:已|通过|完成|正在|均|全部|都|获|被|并|进行|开展|实现|达到|入驻|开通|上报|共|累计|其中|的|和|与|及)/
/** Words that name no thing: verbs, adverbs, times and ordinals around a number. */
const FILLER = /已经|已|完成|新增|新建|增加|累计|共计|合计|总计|其中|全区|全县|全市|目前|现有(?=$)|达到|达|突破|实现|完工|在建|建成|开展|实施|通过|创成|确保|力争|争取到|争取|保持|增长|约|超过|以上|以下|左右|全年|今年|年度|上半年|下半年|[一二三四]季度|\d+[-—至]\d+月|\d+月(?:\d+日)?|第[一二三四五六七八九十\d]+[批期轮届次]|共|为|[“”"《》<>「」、\s·]/g
/** Words too common to tell two things apart. */
const GENERIC = /企业|项目|工作|建设|工程/g

const MULTIPLIER: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3 }

// The per-match tests of findQuantities, compiled once (a literal in a loop is a new object per pass).
/** A bare number before these is a year, date, version or rank, never a count. */
const NOT_A_COUNT_AFTER = charTable('年月日号期版级类届楼批')
/** An amount followed by a noun qualifies it (`10亿元项目`)… */
const QUALIFIES_NEXT = /^(?:以上|以下)?[\d\u4e00-\u9fff]/
/** …unless a clause break or a conjunction follows (`10亿元和…`, `10亿元,`). */
const ENDS_AMOUNT = /^(?:以上|以下)?(?:[,。;]|$|和|及|同比|,)/
/** Where the words after a count stop naming it. */
const AFTER_END = /、|已|通过|完成|正在|均|全部|并|进行|开展|实现|达到|入驻|开通|上报|累计|其中|\d/
/** Words that make a number a ceiling: `控制在5%以内`, `不超过10起`, `低于3%`. */
const CEILING_BEFORE = /(?:不超过|不高于|不多于|低于|少于|控制在|以内控制在|压降至|降至|下降到|降到)[^,。;]{0,3}$/
const CEILING_AFTER = /^(?:以内|以下|之内)/
/** A breakdown of a total (`其中…`, `含…`). */
const PART_BEFORE = /(?:其中|含|包括)[^,。;]{0,12}$/
/** A percentage right after these words is a growth rate. */
const GROWTH_BEFORE = /(?:增长|增幅|同比|下降|提高|降低|增速)[^,。;]{0,4}$/

/** The first characters of UNITS: a table for mayHoldUnitQuantity. */
const UNIT_START = charTable(UNITS.map((u) => u[0]!))

/**
 * Can the text hold a quantity with a unit at all: a digit, then `[\d.]*\s*`, an optional
 * 万/亿/千 and white space, then the first character of a unit? Most milestones name a month
 * (`3月底前`) and no count: this loop is far cheaper than a QUANTITY_AT scan that finds only bare
 * numbers, which never set a target.
 */
export function mayHoldUnitQuantity(folded: string): boolean {
  const n = folded.length
  for (let i = 0; i < n; i++) {
    if (!isDigit(folded.charCodeAt(i))) continue
    let j = i + 1
    // Digits, a decimal point, and a thousands comma before three digits (`1,200个`).
    for (;;) {
      const c = folded.charCodeAt(j)
      if (j < n && (isDigit(c) || c === 0x2e /* . */)) j++
      else if (c === 0x2c /* , */ && isDigit(folded.charCodeAt(j + 1)) && isDigit(folded.charCodeAt(j + 2)) && isDigit(folded.charCodeAt(j + 3)) && !isDigit(folded.charCodeAt(j + 4))) j += 4
      else break
    }
    while (j < n && SPACE[folded.charCodeAt(j)] === 1) j++
    if (j >= n) return false
    let c = folded.charCodeAt(j)
    if (UNIT_START[c] === 1) return true
    if (c === 0x4e07 /* 万 */ || c === 0x4ebf /* 亿 */ || c === 0x5343 /* 千 */) {
      j++
      while (j < n && SPACE[folded.charCodeAt(j)] === 1) j++
      c = folded.charCodeAt(j)
      if (UNIT_START[c] === 1) return true
    }
    i = j - 1
  }
  return false
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39
}

function cleanThing(words: string): string {
  return words.length === 0 ? words : words.replace(FILLER, '')
}

/**
 * Every quantity in folded text, in order. Without `bare`, numbers with no unit are passed
 * over (a target is never bare): they still end the clause the next quantity's words come from.
 * With `against`, only the quantities matchQuantities can pair with one of those targets (a
 * bare number, or a target's unit): the others still end their clause, but their words (the
 * costly part) are not read.
 */
export function findQuantities(folded: string, bare = true, against?: readonly Quantity[]): Quantity[] {
  const found: Quantity[] = []
  scanQuantities(folded, bare, against, found, null)
  return found
}

/**
 * The units of the quantities findQuantities(folded, false) finds, in order, without reading
 * their words: with `against`, it finds those of them whose unit is a target's (not bare).
 */
export function quantityUnits(folded: string): string[] {
  const units: string[] = []
  scanQuantities(folded, false, undefined, null, units)
  return units
}

/** findQuantities into `found`, or (`units` given) only the unit of each quantity it would find. */
function scanQuantities(folded: string, bare: boolean, against: readonly Quantity[] | undefined, found: Quantity[] | null, units: string[] | null): void {
  let clauseFrom = 0
  const n = folded.length
  for (let i = 0; i < n; i++) {
    if (!isDigit(folded.charCodeAt(i)) || (i > 0 && isDigit(folded.charCodeAt(i - 1)))) continue
    QUANTITY_AT.lastIndex = i
    const m = QUANTITY_AT.exec(folded)
    if (m === null) continue
    const start = i
    const end = start + m[0].length
    // Past the match, as a global scan goes on.
    i = end - 1
    const digits = m[1]!
    const mult = m[2]
    const rawUnit = m[3]
    if (rawUnit === undefined) {
      // A bare integer right before a noun (`20无废细胞`, units lost in scraping) counts
      // only by name; decimals, years, dates and versions never do.
      if (mult !== undefined || digits.includes('.') || NOT_A_COUNT_AFTER[folded.charCodeAt(end)] === 1) continue
      if (!bare) { clauseFrom = end; continue }
    }
    // `3个月`, `6个工作日`: a duration, not a count of anything.
    if (rawUnit === '个' && /^(?:月|工作日|小时)/.test(folded.slice(end, end + 3))) { clauseFrom = end; continue }
    if ((rawUnit === '元' || rawUnit === '美元' || rawUnit === '万元' || rawUnit === '亿元') &&
      QUALIFIES_NEXT.test(folded.slice(end, end + 3)) && !ENDS_AMOUNT.test(folded.slice(end, end + 3))) {
      // `亿元以上产业项目`, `10亿元项目`: the amount qualifies a noun; it counts nothing.
      continue
    }
    const unit = rawUnit === undefined ? '' : rawUnit === '万元' ? '元' : rawUnit === '亿元' ? '元' : UNIT_ALIASES.get(rawUnit) ?? rawUnit
    if (against !== undefined && rawUnit !== undefined && !hasUnit(against, unit)) {
      clauseFrom = end
      continue
    }
    if (units !== null) { units.push(unit); continue }
    const unitMult = rawUnit === '万元' ? 1e4 : rawUnit === '亿元' ? 1e8 : 1
    const value = Number(digits.includes(',') ? digits.replace(/,/g, '') : digits) * (mult ? MULTIPLIER[mult]! : 1) * unitMult
    let from = start
    while (from > clauseFrom && BREAK[folded.charCodeAt(from - 1)] === 0) from--
    const beforeRaw = folded.slice(from, start)
    let to = end
    while (to < folded.length && BREAK[folded.charCodeAt(to)] === 0) to++
    let afterRaw = folded.slice(end, to)
    const stop = AFTER_END.exec(afterRaw)
    if (AFTER_STOP.test(afterRaw)) afterRaw = ''
    else if (stop) afterRaw = afterRaw.slice(0, stop.index)
    const growth = unit === '%' && GROWTH_BEFORE.test(beforeRaw)
    const q: Quantity = {
      value, unit, shown: `${digits}${mult ?? ''}${unitMult === 1e4 ? '万' : unitMult === 1e8 ? '亿' : ''}`,
      before: cleanThing(beforeRaw), after: cleanThing(afterRaw), growth,
    }
    if (rawUnit === undefined) q.bare = true
    if (CEILING_BEFORE.test(beforeRaw) || CEILING_AFTER.test(folded.slice(end, end + 4))) q.upper = true
    if (PART_BEFORE.test(beforeRaw)) q.part = true
    found!.push(q)
    clauseFrom = end
  }
}

/** Does a target (not bare) count in `unit`? */
function hasUnit(targets: readonly Quantity[], unit: string): boolean {
  for (const t of targets) if (!t.bare && t.unit === unit) return true
  return false
}

function bigrams(text: string): Set<string> {
  const out = new Set<string>()
  const t = text.replace(GENERIC, '|')
  // By char code: `t[i]` would make a string per Chinese character.
  for (let i = 0; i + 1 < t.length; i++) if (t.charCodeAt(i) !== 0x7c && t.charCodeAt(i + 1) !== 0x7c) out.add(t.slice(i, i + 2))
  return out
}

function overlap<T>(a: Set<T>, b: Set<T>): number {
  let n = 0
  for (const x of a) if (b.has(x)) n++
  return n
}

function chars(text: string): Set<string> {
  return new Set(text)
}

type Relation = { kind: 'same'; score: number } | { kind: 'unclear'; score: number } | { kind: 'other' }

/** Does a reported number name the same thing as a target (fixtures reading 2)? */
function relate(r: Quantity, t: Quantity): Relation {
  const rAll = r.before + r.after
  const tAll = t.before + t.after
  const bi = overlap(bigrams(rAll), bigrams(tAll))
  const bothBefore = r.before.length >= 2 && t.before.length >= 2
  // The words nearest the number carry its noun (`装修工程70%` vs `机电安装80%`).
  const tail = bothBefore
    ? overlap(chars(r.before.replace(GENERIC, '').slice(-4)), chars(t.before.replace(GENERIC, '').slice(-4)))
    : -1
  if (tail >= 2 || bi >= 4 || (tail < 0 && bi >= 1)) return { kind: 'same', score: bi * 2 + Math.max(tail, 0) }
  if (tail >= 0 && bi >= 1) return { kind: 'other' }
  const shared = overlap(chars(rAll.replace(GENERIC, '')), chars(tAll.replace(GENERIC, '')))
  if (shared > 0) return { kind: 'unclear', score: shared }
  return overlap(chars(rAll), chars(tAll)) > 0 ? { kind: 'unclear', score: 0 } : { kind: 'other' }
}

/** Are all the reported number's words (two characters at a time) among the target's? */
function wordsWithin(r: Quantity, t: Quantity): boolean {
  const own = bigrams(r.before + r.after)
  if (own.size === 0) return false
  const theirs = bigrams(t.before + t.after)
  for (const pair of own) if (!theirs.has(pair)) return false
  return true
}

/** Names nothing (`其中3个`, `已建成12个`): compared with the target of its unit. */
function namesNothing(q: Quantity): boolean {
  return q.before.length < 2 && q.after.length < 2
}

export interface QuantityMatch { reported: Quantity; target: Quantity }

/**
 * Pairs each reported number with the target it speaks for: same unit, growth with growth,
 * the target whose thing it names; a number naming nothing goes to its unit's target; a
 * number naming another thing is left out.
 */
export function matchQuantities(targets: readonly Quantity[], reported: readonly Quantity[]): QuantityMatch[] {
  const matches: QuantityMatch[] = []
  for (const r of reported) {
    // A part of a total (`其中个体户2100户`) is no count of what the target names.
    if (r.part) continue
    const pool = targets.filter((t) => !t.bare && (r.bare || t.unit === r.unit) && t.growth === r.growth)
    if (pool.length === 0) continue
    if (r.bare) {
      // A number without a unit counts only when its words clearly name a target's thing.
      let best: Quantity | null = null
      let bestScore = 1
      for (const t of pool) {
        const s = overlap(bigrams(r.after), bigrams(t.before + t.after))
        if (s > bestScore) { best = t; bestScore = s }
      }
      if (best) matches.push({ reported: { ...r, unit: best.unit }, target: best })
      continue
    }
    if (namesNothing(r)) { matches.push({ reported: r, target: pool[0]! }); continue }
    let same: Quantity | null = null
    let sameScore = -1
    let unclear: Quantity | null = null
    let unclearScore = -1
    for (const t of pool) {
      const rel = relate(r, t)
      if (rel.kind === 'same' && rel.score > sameScore) { same = t; sameScore = rel.score }
      else if (rel.kind === 'unclear' && rel.score > unclearScore) { unclear = t; unclearScore = rel.score }
    }
    if (same) matches.push({ reported: r, target: same })
    // It names the thing of a target counted in another unit (`托育机构2个` vs `托育机构1家`).
    else if (targets.some((t) => !pool.includes(t) && !t.bare && relate(r, t).kind === 'same')) continue
    else if (unclear && (pool.length === 1 || unclearScore > 0)) matches.push({ reported: r, target: unclear })
    // The one target of its unit, named in fewer words (`已培训620人次` against
    // `培训农村劳动力500人次`): every word of the report is in the target's. A number naming
    // something else (`机电安装80%` against `装修工程70%`) proves nothing done; it can still fall short.
    else if (pool.length === 1 && wordsWithin(r, pool[0]!)) matches.push({ reported: r, target: pool[0]! })
  }
  return matches
}

/** `2468/2000 套, 123%`: the ratio shown to the clerk. */
export function showRatio(m: QuantityMatch): string {
  const pct = m.target.value > 0 ? Math.floor((m.reported.value / m.target.value) * 100) : 0
  return `${m.reported.shown}/${m.target.shown} ${m.target.unit}, ${pct}%`.replace(' %, ', ' %, ')
}

/** Does a reported number reach its target (at or above a goal, at or below a ceiling)? */
export function reaches(m: QuantityMatch): boolean {
  return m.target.upper ? m.reported.value <= m.target.value : m.reported.value >= m.target.value
}

/**
 * Never a false done (rules §5): the first reported number that falls short of its target. A
 * number paired with a target by name is measured against that one. A number its words do not
 * tie to a target still speaks for the one target of its unit (`完成选址2座` against
 * `新建城市书房4座`, `完成改造12个` against `改造老旧小区15个`), unless it names the thing of a target
 * counted in another unit (`托育机构2个` against `托育机构1家`), or its unit has several targets
 * and nothing says which (the fixtures read those by name only). A part of a total (`其中…`) and
 * a number without a unit speak for nothing.
 */
export function findShortfall(targets: readonly Quantity[], reported: readonly Quantity[], matches: readonly QuantityMatch[]): QuantityMatch | null {
  for (const m of matches) if (!reaches(m)) return m
  for (const r of reported) {
    if (r.bare || r.part || matches.some((m) => m.reported === r)) continue
    const pool = targets.filter((t) => !t.bare && t.unit === r.unit && t.growth === r.growth)
    if (pool.length !== 1) continue
    if (targets.some((t) => !pool.includes(t) && !t.bare && relate(r, t).kind === 'same')) continue
    const m = { reported: r, target: pool[0]! }
    if (!reaches(m)) return m
  }
  return null
}
