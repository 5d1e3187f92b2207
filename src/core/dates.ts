// Due-date expressions (rules §4) and the calendar maths behind them: words in, one inclusive ISO date out.
import { SPACE, charTable, readChineseNumber } from './text'
import type { MonthBeforeReading } from './types'

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1] ?? 0
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

/**
 * One string per calendar day: a document names few distinct dates, each kept by many plans, and
 * a shared string is one object to keep (and to hash, in isoToUtc) instead of one per milestone.
 * By year, then month × 32 + day: a document names one or two years, so the last one is at hand.
 */
const ISO_BY_YEAR = new Map<number, (string | undefined)[]>()
let lastIsoYear = NaN
let lastIsoDays: (string | undefined)[] = []

/** The ISO date, or null when the month or day is not on the calendar (rules §4: `2月30日`, `13月`). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return null
  if (!Number.isInteger(month) || month < 1 || month > 12) return null
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null
  if (year !== lastIsoYear) {
    let days = ISO_BY_YEAR.get(year)
    if (days === undefined) {
      if (ISO_BY_YEAR.size > 100) ISO_BY_YEAR.clear()
      days = new Array<string | undefined>(13 * 32)
      ISO_BY_YEAR.set(year, days)
    }
    lastIsoYear = year
    lastIsoDays = days
  }
  const key = month * 32 + day
  return lastIsoDays[key] ??= `${year}-${pad2(month)}-${pad2(day)}`
}

function monthEnd(year: number, month: number): string | null {
  return month >= 1 && month <= 12 ? isoDate(year, month, daysInMonth(year, month)) : null
}

const DAY_MS = 86_400_000

/** Whole days from `from` to `to` (both ISO dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((isoToUtc(to) - isoToUtc(from)) / DAY_MS)
}

let lastAdd = { iso: '', days: NaN, result: '' }

export function addDays(iso: string, days: number): string {
  // Every task of a document asks for the same as-of + window: remember the last answer.
  if (lastAdd.iso === iso && lastAdd.days === days) return lastAdd.result
  const d = new Date(isoToUtc(iso) + days * DAY_MS)
  const result = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`
  lastAdd = { iso, days, result }
  return result
}

/** Day numbers of the ISO dates seen: a document names few distinct dates, read many times. */
const UTC_OF = new Map<string, number>()

function isoToUtc(iso: string): number {
  let t = UTC_OF.get(iso)
  if (t === undefined) {
    t = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)))
    if (UTC_OF.size > 10_000) UTC_OF.clear()
    UTC_OF.set(iso, t)
  }
  return t
}

/** Only ASCII digits (`^\d+$`), by char code: every month and day read passes here. */
function isDigits(words: string): boolean {
  if (words.length === 0) return false
  for (let i = 0; i < words.length; i++) {
    const c = words.charCodeAt(i)
    if (c < 0x30 || c > 0x39) return false
  }
  return true
}

/** `12`, `十二`, `二十一`, `十` → the number; NaN when the words are not a number. */
export function readNumber(words: string): number {
  return isDigits(words) ? Number(words) : readChineseNumber(words)
}

/** What a milestone's words say about its due date. */
export interface DueReading {
  kind: 'dated' | 'recurring' | 'undated'
  due: string | null
  /** The words that gave the date (or made it recurring / unreadable). */
  words?: string
  /** Start of `words` inside the folded text it was read from. */
  at?: number
  ambiguous?: boolean
  unreadable?: boolean
}

/**
 * Every reading has all six fields from the start: readDue sets the words after the date is
 * read, and a field added to a made object would cost a new hidden class and a backing store.
 */
function reading(kind: DueReading['kind'], due: string | null, ambiguous: boolean, unreadable: boolean): DueReading {
  return { kind, due, words: undefined, at: undefined, ambiguous, unreadable }
}

const UNDATED: Readonly<DueReading> = Object.freeze(reading('undated', null, false, false))

export interface DueOptions {
  year: number
  monthBefore?: MonthBeforeReading
}

/** `每月`, `每季度`… anywhere make the milestone recurring, even with a day (`每月10日前`). */
const RECURRING = /每(?:周|星期|旬|月|季度|季|半年|年|天|日)/

const NUM = '(?:\\d{1,2}|[一二三四五六七八九十〇零两]{1,3})'
/** A Chinese-numeral month followed by a bare numeral is a rate (`一月一报`), not a month. */
const NOT_RATE = '(?![一二三四五六七八九十两]+(?![一二三四五六七八九十两日号]))'
const YEAR = '(?:(?<{p}Year>\\d{4})\\s*年(?!度)|(?<{p}Rel>今年|明年|去年|次年|翌年))'
/**
 * One scanner for every dated expression, tried left to right; the first one that is not a
 * report date (`截至…`) gives the due date. A month must not follow a digit or a dot (`1.5亿`,
 * `3.0版`), and a count is no month (`6个月`: `个` stands between). Alternatives: a month with
 * day / 旬 / 底 (a); a quarter (b); a year with a half or its end (c); an ISO-like date (d);
 * a bare half or year word (e), which must not follow a count (`三年内` is a duration).
 */
export const DATE_SOURCE = (
  `${YEAR.replace(/\{p\}/g, 'a')}?\\s*(?<![\\d.])(?<aMonth>${NUM})\\s*月(?!度)(?<aFen>份)?${NOT_RATE}\\s*` +
    `(?:(?<aDay>${NUM})\\s*(?:[日号]|(?=前))|(?<aSuffix>上旬|中旬|下旬|初|底|末|中(?=\\s*(?:$|[前,。;、)]|以前|之前|完成|左右)))?(?<aBefore>前)?)` +
  `|${YEAR.replace(/\{p\}/g, 'b')}?\\s*(?:第|前)?(?<bQuarter>[一二三四1-4])季度` +
  // `Q3`: a quarter as written in figures.
  '|(?<![A-Za-z])[Qq](?<qQuarter>[1-4])(?!\\d)' +
  `|(?:(?<cYear>\\d{4})\\s*年?|(?<cRel>今年|明年|去年|次年|翌年))(?<cWords>上半年|年中|下半年|年底|年末|年内|全年|底|末|内|前(?!期|[一二三四]季|\\d))(?![国央心华])` +
  '|(?<![\\d.])(?<dY>\\d{4})[-/.](?<dM>\\d{1,2})[-/.](?<dD>\\d{1,2})(?!\\d)' +
  '|(?<![\\d一二三四五六七八九十两几多百千万])(?<eWords>上半年|年中(?![国央心华])|下半年|年底|年末|年内|全年|今年|年度内)' +
  // A year and month in figures (`2023.12`, `2023/12`, `2023-12` in a 完成时限 cell): that month's end.
  '|(?<![\\d.])(?<fY>20\\d{2})[-/.](?<fM>\\d{1,2})(?![\\d.\\-/%万亿元])' +
  // A year alone (`2023年`, the end of `2023-2025年`): by its end.
  '|(?<![\\d.])(?<gY>20\\d{2})\\s*年(?!度|\\s*[\\d一二三四五六七八九十〇零两]|\\s*第)' +
  // A month and day in figures (`6.30前`, `9/30前`), or standing alone in the cell (`12.31`).
  '|(?<![\\d./])(?<hM>1[0-2]|0?[1-9])[./](?<hD>[12]\\d|3[01]|0?[1-9])(?:(?=\\s*(?:前|日|号|以前|之前))|(?<=^\\s*\\d{1,2}[./]\\d{1,2})(?=\\s*$))' +
  // The holidays a deadline is set by (`七一前`, `国庆节前`).
  '|(?<hWords>元旦|五一|七一|八一|国庆节?)(?=前)'
)

/**
 * Named groups read well but V8 builds a dictionary object for `m.groups` on every match;
 * the scanner runs on every cell, so the names are turned into plain group numbers once.
 */
const GROUP = new Map<string, number>()
for (const [i, m] of [...DATE_SOURCE.matchAll(/\(\?<([A-Za-z]+)>/g)].entries()) GROUP.set(m[1]!, i + 1)

/**
 * Sticky: tried only at the positions where a date can start (see DATE_START), which skips
 * most of a cell's characters in a table lookup instead of a full regex attempt at each.
 */
const DATE_SCANNER = new RegExp(DATE_SOURCE.replace(/\(\?<[A-Za-z]+>/g, '('), 'y')
/**
 * The characters a match of DATE_SCANNER can start with: white space (`\s*` leads a month or
 * quarter), ASCII digits, a relative year, 第/前 before a quarter, a Chinese numeral (month or
 * quarter), and the first characters of the bare half/year words. Keep in step with DATE_SOURCE.
 */
export const DATE_START = charTable('0123456789今明去次翌第前一二三四五六七八九十〇零两上年下全Qq元国', true)
const G = (name: string): number => GROUP.get(name)!
const [A_YEAR, A_REL, A_MONTH, A_FEN, A_DAY, A_SUFFIX, A_BEFORE] = ['aYear', 'aRel', 'aMonth', 'aFen', 'aDay', 'aSuffix', 'aBefore'].map(G) as [number, number, number, number, number, number, number]
const [B_YEAR, B_REL, B_QUARTER, C_YEAR, C_REL, C_WORDS, D_Y, D_M, D_D, E_WORDS] = ['bYear', 'bRel', 'bQuarter', 'cYear', 'cRel', 'cWords', 'dY', 'dM', 'dD', 'eWords'].map(G) as [number, number, number, number, number, number, number, number, number, number]
const [F_Y, F_M, G_Y, Q_QUARTER, H_M, H_D, H_WORDS] = ['fY', 'fM', 'gY', 'qQuarter', 'hM', 'hD', 'hWords'].map(G) as [number, number, number, number, number, number, number]

/** `截至` right before a date (spaces allowed) makes it a report date, not a due date. */
function isReportDate(text: string, start: number): boolean {
  let i = start - 1
  while (i >= 0 && text.charCodeAt(i) <= 0x20) i--
  return i >= 1 && text.charCodeAt(i) === 0x81f3 /* 至 */ && text.charCodeAt(i - 1) === 0x622a /* 截 */
}

const QUARTER_END = ['03-31', '06-30', '09-30', '12-31']

/** `七一前`: by the eve of the holiday (元旦: the year's last day, before the new year). */
const HOLIDAY_EVE: Record<string, string> = { 元旦: '12-31', 五一: '04-30', 七一: '06-30', 八一: '07-31', 国庆: '09-30', 国庆节: '09-30' }

/**
 * After `N月` (ASCII digits), the characters that could make DATE_SCANNER read the words
 * otherwise than plainMonthAt: a day (digits, Chinese numerals, white space before them),
 * 份, 度, and the first characters of 上旬/中旬/下旬/初.
 */
const NOT_PLAIN_AFTER_MONTH = charTable('0123456789一二三四五六七八九十〇零两份度上中下初', true)

/** What the last plainMonthAt found: the month, `底`/`末` if written, and whether `前` follows. */
let plainMonth = 0
let plainSuffix: string | undefined
let plainBefore = false

/**
 * The end of a plain month expression starting at `at` (`3月`, `12月底前`, `6月前`: one or two
 * ASCII digits, 月, then 底/末 and 前 or either or neither), or -1. Most due words have this
 * shape: read without the scanner, whose match array has a slot for each of its 20 groups. Only
 * where DATE_SCANNER's first alternative reads the same words with the same groups; anything
 * else is left to the scanner.
 */
function plainMonthAt(text: string, at: number): number {
  if (at > 0) {
    // The scanner's `(?<![\d.])` before a month.
    const before = text.charCodeAt(at - 1)
    if ((before >= 0x30 && before <= 0x39) || before === 0x2e /* . */) return -1
  }
  let month = text.charCodeAt(at) - 0x30
  let k = at + 1
  const second = text.charCodeAt(k)
  if (second >= 0x30 && second <= 0x39) {
    month = month * 10 + (second - 0x30)
    k++
  }
  if (text.charCodeAt(k) !== 0x6708 /* 月 */) return -1
  k++
  const next = text.charCodeAt(k)
  if (NOT_PLAIN_AFTER_MONTH[next] === 1) return -1
  plainMonth = month
  plainSuffix = undefined
  plainBefore = false
  if (next === 0x5e95 /* 底 */ || next === 0x672b /* 末 */) {
    plainSuffix = next === 0x5e95 ? '底' : '末'
    k++
  }
  if (text.charCodeAt(k) === 0x524d /* 前 */) {
    plainBefore = true
    k++
  }
  return k
}

/**
 * Reads the due date of one milestone's words (already folded: half-width, simplified).
 * Never throws; a month or day off the calendar gives `undated` with `unreadable`.
 * `plainMonths` false reads plain months with the scanner too: the reference the fast path is tested against.
 */
export function readDue(text: string, options: DueOptions, plainMonths = true): DueReading {
  // `每` first: most cells have none, and a failed indexOf is far cheaper than a regex scan.
  if (text.indexOf('每') >= 0) {
    const rec = RECURRING.exec(text)
    if (rec) return { kind: 'recurring', due: null, words: rec[0], at: rec.index, ambiguous: false, unreadable: false }
  }
  // DATE_SCANNER tried left to right, only where DATE_START says a date can begin: the matches a
  // global scan would find. A pattern led by optional groups (a year before a month) gets no fast
  // skip inside V8; a table lookup per character is far cheaper than a failed attempt.
  const n = text.length
  for (let at = 0; at < n; at++) {
    const c = text.charCodeAt(at)
    if (DATE_START[c] === 0) continue
    if (plainMonths && c >= 0x30 && c <= 0x39) {
      const end = plainMonthAt(text, at)
      if (end >= 0) {
        if (isReportDate(text, at)) {
          at = end - 1
          continue
        }
        const reading = readMonth(options.year, plainMonth, undefined, plainSuffix, plainBefore, false, options)
        reading.words = text.slice(at, end)
        reading.at = at
        return rangeEnd(text, end, reading, options)
      }
    }
    DATE_SCANNER.lastIndex = at
    const m = DATE_SCANNER.exec(text)
    if (m === null) continue
    // Past the match (after an empty one, the next position), as a global scan goes on.
    at = m.index + Math.max(m[0].length, 1) - 1
    if (m[0].length === 0) continue
    // A match may open with white space (`\s*` before a month): the words start after it.
    const matched = m[0]
    const words = SPACE[matched.charCodeAt(0)] === 0 && SPACE[matched.charCodeAt(matched.length - 1)] === 0 ? matched : matched.trim()
    const start = m.index + (words === matched ? 0 : matched.indexOf(words))
    if (isReportDate(text, start)) continue
    const reading = readMatch(m, options)
    if (!reading) continue
    reading.words = words
    reading.at = start
    return m[A_MONTH] !== undefined ? rangeEnd(text, m.index + matched.length, reading, options) : reading
  }
  return UNDATED
}

/** What joins the two months of a range (`11月至12月`, `3月-5月`, `6月~8月`). */
const RANGE_JOIN = charTable('至到-—~～')

/**
 * A month that opens a range (`11月至12月底`) is due with the range's last month: the reading of
 * the month after the join, when there is one within a few characters, else `first` as read.
 */
function rangeEnd(text: string, end: number, first: DueReading, options: DueOptions): DueReading {
  let k = end
  while (k < text.length && SPACE[text.charCodeAt(k)] === 1) k++
  if (k >= text.length || RANGE_JOIN[text.charCodeAt(k)] === 0 || first.kind !== 'dated') return first
  const rest = text.slice(k + 1, k + 16)
  const last = readDue(rest, options)
  // Only a month right after the join (not a date further on in the milestone's words).
  if (last.kind !== 'dated' || (last.at ?? 0) > 2 || !last.due || !first.due || last.due < first.due) return first
  return { ...last, words: text.slice(first.at ?? 0, k + 1 + (last.at ?? 0) + (last.words ?? '').length), at: first.at }
}

function yearOf(rel: string | undefined, digits: string | undefined, year: number): number {
  if (digits !== undefined) return Number(digits)
  if (rel === '明年' || rel === '次年' || rel === '翌年') return year + 1
  if (rel === '去年') return year - 1
  return year
}

/** A month expression (DATE_SOURCE's first alternative): month with a day, 旬, 底 or 前. */
function readMonth(year: number, month: number, day: string | undefined, suffix: string | undefined, before: boolean, fen: boolean, options: DueOptions): DueReading {
  if (month < 1 || month > 12) return reading('undated', null, false, true)
  if (day !== undefined) return dated(isoDate(year, month, readNumber(day)))
  switch (suffix) {
    case '上旬': case '初': return dated(isoDate(year, month, 10))
    // `10月中` (written before a stop, 前 or 完成) is 中旬; `6月中标` is no date word.
    case '中旬': case '中': return dated(isoDate(year, month, 20))
    case undefined:
      if (before && !fen) {
        // `N月前` is ambiguous (rules §4): by the end of month N, or before it starts.
        const due = options.monthBefore === 'end-of-previous-month'
          ? (month === 1 ? isoDate(year - 1, 12, 31) : monthEnd(year, month - 1))
          : monthEnd(year, month)
        return due ? reading('dated', due, true, false) : reading('undated', null, true, true)
      }
      return dated(monthEnd(year, month))
    default: return dated(monthEnd(year, month))
  }
}

function readMatch(m: RegExpExecArray, options: DueOptions): DueReading | null {
  const aMonth = m[A_MONTH]
  if (aMonth !== undefined) {
    const month = readNumber(aMonth)
    if (Number.isNaN(month)) return null
    return readMonth(yearOf(m[A_REL], m[A_YEAR], options.year), month, m[A_DAY], m[A_SUFFIX], m[A_BEFORE] !== undefined, m[A_FEN] !== undefined, options)
  }
  const quarter = m[B_QUARTER]
  if (quarter !== undefined) {
    const year = yearOf(m[B_REL], m[B_YEAR], options.year)
    return dated(`${year}-${QUARTER_END[readNumber(quarter) - 1]}`)
  }
  const cWords = m[C_WORDS]
  if (cWords !== undefined) return dated(halfEnd(yearOf(m[C_REL], m[C_YEAR], options.year), cWords))
  if (m[D_Y] !== undefined) return dated(isoDate(Number(m[D_Y]), Number(m[D_M]), Number(m[D_D])))
  const eWords = m[E_WORDS]
  if (eWords !== undefined) return dated(halfEnd(options.year, eWords))
  if (m[F_Y] !== undefined) {
    const month = Number(m[F_M])
    return month >= 1 && month <= 12 ? dated(monthEnd(Number(m[F_Y]), month)) : reading('undated', null, false, true)
  }
  if (m[G_Y] !== undefined) return dated(`${m[G_Y]}-12-31`)
  if (m[Q_QUARTER] !== undefined) return dated(`${options.year}-${QUARTER_END[Number(m[Q_QUARTER]) - 1]}`)
  if (m[H_M] !== undefined) return dated(isoDate(options.year, Number(m[H_M]), Number(m[H_D])))
  const holiday = m[H_WORDS]
  if (holiday !== undefined) return dated(`${options.year}-${HOLIDAY_EVE[holiday] ?? '12-31'}`)
  return null
}

function halfEnd(year: number, words: string): string {
  return words === '上半年' || words === '年中' ? `${year}-06-30` : `${year}-12-31`
}

function dated(due: string | null): DueReading {
  return due ? reading('dated', due, false, false) : reading('undated', null, false, true)
}
