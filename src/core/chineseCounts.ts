// Counts written in Chinese numerals (`已建成两座`, `完成十二个`), read only to keep a done phrase from
// speaking over a count short of its target (rules §5: never a false done).
//
// Why not read them as quantities everywhere: `一个`, `一项`, `一次` are far more often words than
// counts (`打造一个示范区`, `一次性补助`), and as targets or reached counts they would turn phrases
// into false verdicts both ways. Read one-sidedly, a Chinese count can only make a part not done,
// and only against a target written in digits in the same unit.
import type { Quantity } from './quantities'
import { charTable, readChineseNumber } from './text'

/** Units a Chinese count may carry: the countable ones (no 天 / 次: durations and frequencies). */
const COUNT_UNITS = ['平方公里', '平方米', '立方米', '公里', '公顷', '人次', '个', '家', '户', '套', '间', '人', '名', '条', '台', '辆', '处', '项', '场', '座', '所', '件', '宗', '栋', '幢', '株', '棵', '篇', '支', '亩', '吨', '米']

const NUMERAL = charTable('〇零一二两三四五六七八九十百千万')

/** Words before a numeral that make it no count of done work: ordinals, shares, rates, parts. */
const NOT_A_COUNT_BEFORE = /(?:第|每|逐|前|后|近|其中|之|剩余|剩下|尚有|还有|另有|仍有|余下|其余)$/
/** Words after the unit that make it a duration, a manner, a rough figure or a motto (`一个月`, `一次性`, `两个多`, `一户一档`). */
const NOT_A_COUNT_AFTER = /^(?:月|季|年|周|性|半|多|左右|以上|余|来|一)/

export interface ChineseCount { value: number; unit: string; shown: string }

/** Does the text hold a Chinese numeral at all? One pass of a table lookup, before any regex. */
function mayHoldChineseCount(folded: string): boolean {
  for (let i = 0; i < folded.length; i++) if (NUMERAL[folded.charCodeAt(i)] === 1) return true
  return false
}

/** Every count written in Chinese numerals with a countable unit, in order. */
export function findChineseCounts(folded: string): ChineseCount[] {
  const found: ChineseCount[] = []
  if (!mayHoldChineseCount(folded)) return found
  const n = folded.length
  for (let i = 0; i < n; i++) {
    if (NUMERAL[folded.charCodeAt(i)] === 0) continue
    let j = i
    while (j < n && NUMERAL[folded.charCodeAt(j)] === 1) j++
    const run = folded.slice(i, j)
    const unit = COUNT_UNITS.find((u) => folded.startsWith(u, j))
    const start = i
    i = j - 1
    // `万` alone, or a run that opens with a power's multiplier only (`万人`), is a word, not a count.
    if (!unit || run === '万' || run === '千' || run === '百') continue
    if (NOT_A_COUNT_BEFORE.test(folded.slice(Math.max(0, start - 4), start))) continue
    if (NOT_A_COUNT_AFTER.test(folded.slice(j + unit.length, j + unit.length + 2))) continue
    const value = readChineseNumber(run)
    if (!Number.isFinite(value) || value <= 0) continue
    found.push({ value, unit, shown: run })
  }
  return found
}

/**
 * A Chinese count (findChineseCounts) short of the one digit target of its unit (`已建成两座` against `建成3座`): the words
 * for the reason (`2/3 座, 66%`, as a count in digits is shown), or null. A unit with several targets, or with none, proves nothing.
 */
export function chineseShortfall(counts: readonly ChineseCount[], targets: readonly Quantity[]): string | null {
  if (targets.length === 0) return null
  for (const count of counts) {
    const pool = targets.filter((t) => !t.bare && !t.growth && !t.upper && t.unit === count.unit)
    if (pool.length !== 1) continue
    const target = pool[0]!
    if (count.value < target.value) {
      const pct = target.value > 0 ? Math.floor((count.value / target.value) * 100) : 0
      return `${count.value}/${target.shown} ${target.unit}, ${pct}%`
    }
  }
  return null
}
