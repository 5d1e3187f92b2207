// Splitting one cell into numbered parts (rules §3): ①…⑳, 1., 1、, (1), (一), or `;` when unnumbered.
import { SPACE } from './text'

/** One piece of a cell: its number as written (or position), and where its words lie. */
export interface CellPart {
  index: number
  /** The part's own words, without its number, trimmed. */
  text: string
  /** The same words folded (half-width, simplified). */
  folded: string
}

export interface CellSplit {
  /** How the cell was split: by numbering, by `;`, or not at all (one part). */
  by: 'number' | 'semicolon' | 'none'
  parts: CellPart[]
}

type Style = 'circled' | 'paren-circled' | 'dot-circled' | 'paren' | 'paren-cn' | 'dot' | 'comma'

interface Marker {
  style: Style
  number: number
  start: number
  end: number
  /** `1.6月`: a dot followed by digits, which is numbering only in a chain (fixtures reading 5). */
  decimalLike: boolean
}

/**
 * Every numbering mark a cell can hold, folded text (half-width), in one pass. A `N.` must
 * not follow a digit or dot (`1.5亿`), and a `N.` followed by digits counts only when a month
 * follows (`1.6月底前`); `3.0版本` and `5.2亿元` never number anything.
 */
export const MARKER = /([\u2460-\u2473])|([\u2474-\u2487])|([\u2488-\u249b])|\(\s*(\d{1,2})\s*\)|\(\s*([一二三四五六七八九十]{1,3})\s*\)|(?<![\d.A-Za-z])(\d{1,2})\.(?:(?=\d{1,2}\s*月)|(?!\d))|(?<![\d.])(\d{1,2})、/g

const CN: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }

function readCn(words: string): number {
  if (words === '十') return 10
  if (words.length === 1) return CN[words] ?? NaN
  if (words[0] === '十') return 10 + (CN[words[1]!] ?? NaN)
  if (words.length === 2 && words[1] === '十') return (CN[words[0]!] ?? NaN) * 10
  if (words.length === 3 && words[1] === '十') return (CN[words[0]!] ?? NaN) * 10 + (CN[words[2]!] ?? NaN)
  return NaN
}

/**
 * Can the text hold a numbering mark at all? Every mark has a circled number, a `(`, or a digit
 * right before `.`/`、`; most progress cells have none, and this loop is far cheaper than MARKER.
 */
export function mayHoldMarkers(folded: string): boolean {
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i)
    if ((c >= 0x2460 && c <= 0x249b) || c === 0x28 /* ( */) return true
    if ((c === 0x2e /* . */ || c === 0x3001 /* 、 */) && i > 0) {
      const d = folded.charCodeAt(i - 1)
      if (d >= 0x30 && d <= 0x39) return true
    }
  }
  return false
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39
}

/**
 * Do one or two digits at `i` run into a `.` or `、`? Only then can a `N.`/`N、` mark start
 * there: the digits of dates and counts (`3月`, `20%`, `第1号`) are passed without a regex call.
 */
function endsInMark(folded: string, i: number): boolean {
  if (!isDigit(folded.charCodeAt(i))) return false
  let j = i + 1
  if (isDigit(folded.charCodeAt(j))) j++
  const c = folded.charCodeAt(j)
  return c === 0x2e /* . */ || c === 0x3001 /* 、 */
}

/**
 * MARKER, sticky: tried only where a mark can start (a `(`, or digits before `.`/`、`), never
 * at the Chinese text between marks. Circled numbers are read without it: the mark is that one character.
 */
const MARKER_AT = new RegExp(MARKER.source, 'y')

/**
 * The characters a mark can start with: circled numbers, `(` and digits. One table lookup
 * passes each of the many Chinese characters between marks.
 */
const MARK_START = new Uint8Array(65536)
for (let c = 0x2460; c <= 0x249b; c++) MARK_START[c] = 1
MARK_START[0x28 /* ( */] = 1
for (let c = 0x30; c <= 0x39; c++) MARK_START[c] = 1

function findMarkers(folded: string): Marker[] {
  const markers: Marker[] = []
  if (!mayHoldMarkers(folded)) return markers
  const n = folded.length
  for (let i = 0; i < n; i++) {
    const c = folded.charCodeAt(i)
    if (MARK_START[c] === 0) continue
    if (c >= 0x2460 && c <= 0x249b) {
      const style: Style = c <= 0x2473 ? 'circled' : c <= 0x2487 ? 'paren-circled' : 'dot-circled'
      const number = c - (c <= 0x2473 ? 0x2460 : c <= 0x2487 ? 0x2474 : 0x2488) + 1
      markers.push({ style, number, start: i, end: i + 1, decimalLike: false })
      continue
    }
    if (c !== 0x28 /* ( */ && !endsInMark(folded, i)) continue
    MARKER_AT.lastIndex = i
    const m = MARKER_AT.exec(folded)
    if (m === null) continue
    const start = i
    const end = start + m[0].length
    // Past the mark, as a global scan goes on.
    i = end - 1
    if (m[4]) markers.push({ style: 'paren', number: Number(m[4]), start, end, decimalLike: false })
    else if (m[5]) {
      const num = readCn(m[5])
      if (!Number.isNaN(num)) markers.push({ style: 'paren-cn', number: num, start, end, decimalLike: false })
    } else if (m[6]) {
      const next = folded.charCodeAt(end)
      const decimalLike = next >= 0x30 && next <= 0x39
      markers.push({ style: 'dot', number: Number(m[6]), start, end, decimalLike })
    } else if (m[7]) markers.push({ style: 'comma', number: Number(m[7]), start, end, decimalLike: false })
  }
  return markers
}

/** Is there only white space before `at`? */
function atStart(folded: string, at: number): boolean {
  for (let i = 0; i < at; i++) if (folded.charCodeAt(i) > 0x20) return false
  return true
}

/**
 * The chain of one style: numbers in increasing order (`1.`/`1、` must start at 1 and go up
 * by one, since bare digits are common in running text; circled and bracketed numbers are
 * unambiguous, so a cell may start at ② or skip one).
 */
function chainOf(style: Style, markers: readonly Marker[], folded: string): Marker[] {
  const strict = style === 'dot' || style === 'comma'
  const chain: Marker[] = []
  for (const mk of markers) {
    if (mk.style !== style) continue
    const last = chain[chain.length - 1]
    if (!last) {
      if (strict && mk.number !== 1) continue
      chain.push(mk)
    } else if (strict ? mk.number === last.number + 1 : mk.number > last.number) chain.push(mk)
  }
  if (strict && chain.length === 1) {
    // A lone `1.`/`1、` is numbering only at the very start of the cell.
    if (!atStart(folded, chain[0]!.start)) return []
  }
  if (chain.length === 1 && chain[0]!.decimalLike && !atStart(folded, chain[0]!.start)) return []
  return chain
}

const STYLES: readonly Style[] = ['circled', 'paren-circled', 'dot-circled', 'paren', 'paren-cn', 'dot', 'comma']

/** The numbering of a cell: the chain that starts first (the outer level), the longer on a tie. */
export function findNumbering(folded: string): Marker[] {
  const markers = findMarkers(folded)
  if (markers.length === 0) return []
  // A cell uses one or two styles: the others are not worth a chain.
  let present = 0
  for (const mk of markers) present |= 1 << STYLES.indexOf(mk.style)
  let best: Marker[] = []
  for (let s = 0; s < STYLES.length; s++) {
    if ((present & (1 << s)) === 0) continue
    const chain = chainOf(STYLES[s]!, markers, folded)
    if (chain.length === 0) continue
    if (best.length === 0 || chain[0]!.start < best[0]!.start ||
      (chain[0]!.start === best[0]!.start && chain.length > best.length)) best = chain
  }
  return best
}

/**
 * Leading (`^[\s;,、:]+`) and trailing (`[\s;,、]+$`) white space and separators belong to no
 * milestone's words; as tables (bit 1 leading, bit 2 trailing), so a part is cut with one slice.
 */
const EDGE = new Uint8Array(65536)
for (let c = 0; c < 65536; c++) if (SPACE[c] === 1) EDGE[c] = 3
for (const ch of ';,、') EDGE[ch.charCodeAt(0)] = 3
EDGE[0x3a /* : */] = 1

function part(index: number, text: string, folded: string, from: number, to: number): CellPart | null {
  let start = from
  while (start < to && (EDGE[folded.charCodeAt(start)]! & 1) !== 0) start++
  let end = to
  while (end > start && (EDGE[folded.charCodeAt(end - 1)]! & 2) !== 0) end--
  if (start === end) return null
  return { index, text: text.slice(start, end), folded: folded.slice(start, end) }
}

/**
 * Splits a cell (rules §3): numbering wins and a `;` inside a numbered part does not split it;
 * text before the first number belongs to no part; an unnumbered cell splits at `;`.
 * `folded` is `text` folded (index-aligned).
 */
export function splitCell(text: string, folded: string): CellSplit {
  const chain = findNumbering(folded)
  if (chain.length > 0) {
    const parts: CellPart[] = []
    for (let i = 0; i < chain.length; i++) {
      const mk = chain[i]!
      const p = part(mk.number, text, folded, mk.end, chain[i + 1]?.start ?? folded.length)
      if (p) parts.push(p)
    }
    return { by: 'number', parts }
  }
  const parts: CellPart[] = []
  let from = 0
  let pieces = 0
  for (let i = 0; i <= folded.length; i++) {
    if (i === folded.length || folded.charCodeAt(i) === 0x3b /* ; */) {
      const p = part(parts.length + 1, text, folded, from, i)
      if (p) parts.push(p)
      pieces++
      from = i + 1
    }
  }
  return { by: pieces > 1 && parts.length > 1 ? 'semicolon' : 'none', parts }
}
