// The document's year and the as-of date its title suggests (rules §2).
import { toHalfWidth, toSimplified } from './text'

const CHINESE_DIGITS: Record<string, string> = {
  '〇': '0', '零': '0', 'O': '0', '一': '1', '二': '2', '三': '3', '四': '4', '五': '5', '六': '6', '七': '7', '八': '8', '九': '9',
}

function normalise(text: string): string {
  // 二〇二三年 reads as 2023年: titles of official documents often spell the year out.
  return toSimplified(toHalfWidth(text)).replace(/二[〇零O][一二三四五六七八九〇零O]{2}(?=年)/g, (m) =>
    Array.from(m).map((c) => CHINESE_DIGITS[c] ?? c).join(''))
}

/**
 * The first `20XX年` in the title, else in the file name; a file name may also carry the
 * bare year (`kaihua-2023-q1.xlsx`), which a title may not (a title's `2023-12-22` is a
 * publication date, not the year the list speaks for).
 */
export function documentYear(title: string | null, fileName: string | null): number | null {
  for (const text of [title, fileName]) {
    if (!text) continue
    const m = /(20\d\d)\s*年/.exec(normalise(text))
    if (m) return Number(m[1])
  }
  if (fileName) {
    const m = /(?<!\d)(20\d\d)(?!\d)/.exec(normalise(fileName))
    if (m) return Number(m[1])
  }
  return null
}

const MONTH_ENDS = ['01-31', '02-28', '03-31', '04-30', '05-31', '06-30', '07-31', '08-31', '09-30', '10-31', '11-30', '12-31']

function monthEnd(year: number, month: number): string {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return `${year}-${month === 2 && leap ? '02-29' : MONTH_ENDS[month - 1]}`
}

/** Periods a report title names, each with the month it ends. */
const PERIODS: readonly (readonly [RegExp, number])[] = [
  [/前三季度|第?三季度/, 9],
  [/下半年/, 12],
  [/上半年|半年/, 6],
  [/第?一季度/, 3],
  [/第?二季度/, 6],
  [/第?四季度/, 12],
]

/** Words that make a title a report on a period, so that `年度`/`全年` name the period reported on. */
const REPORT_WORDS = /进展|完成情况|落实情况|执行情况|推进情况|总结|报告表|情况表|情况汇总/

/**
 * The end of the period the title names, or null. Quarters and half years win over
 * `年度`, since `2023年度重点工作清单(一季度…)` is the year's list reported at the first
 * quarter. `年度`/`全年` alone count only when the title reports progress
 * (`2023年度重点工作进展情况`); a plain annual plan (`…重点工作要点分解责任清单`) names
 * no report date. `1-9月`/`截至9月底`/`2023年9月份…进展` name the end of that month, and a
 * `截至2023年9月15日` in the title that day.
 */
export function suggestAsOf(title: string | null, year: number | null): string | null {
  if (!title || year == null) return null
  const text = normalise(title).replace(/\s+/g, '')
  // A title that gives its report day (`截至2023年11月15日重点工作进展`) names it exactly.
  const day = REPORT_DATE.exec(text)
  if (day) {
    const date = isoDate(Number(day[1]), Number(day[2]), Number(day[3]))
    if (date) return date
  }
  for (const [pattern, month] of PERIODS) if (pattern.test(text)) return monthEnd(year, month)
  const range = /(?:1|一)\s*[-—–~至到]\s*(\d{1,2})月/.exec(text) ?? /(?:截至|截止)(?:20\d\d年)?(\d{1,2})月(?:底|末|份)?/.exec(text) ??
    // The report month right after the year (`2023年10月份重点工作进展`), in a title that reports.
    (REPORT_WORDS.test(text) ? /20\d\d年(\d{1,2})月(?:份)?(?![底末前\d日号])/.exec(text) : null)
  if (range) {
    const month = Number(range[1])
    if (month >= 1 && month <= 12) return monthEnd(year, month)
  }
  if (/年度|全年|年终|年底/.test(text) && REPORT_WORDS.test(text)) return `${year}-12-31`
  return null
}

/** What opens a report date line: `填报日期:`, `截至`… */
const DATE_LINE_LEAD = '(?:填报日期|填报时间|报送日期|报送时间|统计日期|截至|截止|数据截至)\\s*(?:日期)?\\s*[:：]?\\s*'
/** A report date line above the header: `填报日期:2022年12月20日`, `截至2022.12.20`, `填報日期 2022-12-20`. */
const REPORT_DATE = new RegExp(`${DATE_LINE_LEAD}(20\\d\\d)\\s*(?:年|[.\\-/])\\s*(\\d{1,2})\\s*(?:月|[.\\-/])\\s*(\\d{1,2})\\s*日?`)

/** The same without a year (`（截至11月15日）`): the document's year. */
const REPORT_DAY_NO_YEAR = new RegExp(`${DATE_LINE_LEAD}(\\d{1,2})\\s*(?:月|[.\\-/])\\s*(\\d{1,2})\\s*[日号]`)

const REPORT_MONTH_END = /(?:截至|截止|数据截至)\s*(?:(20\d\d)\s*年)?\s*(\d{1,2})\s*月\s*(?:底|末)/

/** A real calendar date as ISO, or null (`2022-02-30` is none). */
function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1) return null
  const end = Number(monthEnd(y, m).slice(8))
  if (d > end) return null
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

export interface DatedLine { date: string; words: string }

/**
 * The report date a line above the header gives (rules §2): the date of a `填报日期`/`填報日期`
 * or `截至` line, in either script and any of the usual date forms. The words are kept so the
 * clerk is told where the suggestion came from.
 */
export function reportDateIn(lines: readonly string[], year: number | null = null): DatedLine | null {
  for (const line of lines) {
    const text = normalise(line)
    const m = REPORT_DATE.exec(text)
    // Without a year (`（截至11月15日）`), the document's year, when it has one.
    const short = m || year === null ? null : REPORT_DAY_NO_YEAR.exec(text)
    let date = m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : short ? isoDate(year!, Number(short[1]), Number(short[2])) : null
    // `截至10月底` (`截至2023年10月底`): that month's end.
    const month = date ? null : REPORT_MONTH_END.exec(text)
    const monthYear = month ? (month[1] ? Number(month[1]) : year) : null
    if (month && monthYear !== null && Number(month[2]) >= 1 && Number(month[2]) <= 12) date = monthEnd(monthYear, Number(month[2]))
    if (date) return { date, words: line.slice(0, 60).trim() }
  }
  return null
}
