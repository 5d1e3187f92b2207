// Splitting one cell into numbered parts (rules §3): ①…⑳, 1., 1、, 1), (1), (一), 第一项, or `;` when unnumbered.
import { SPACE, readChineseNumber } from './text'

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

type Style = 'circled' | 'paren-circled' | 'dot-circled' | 'paren' | 'paren-cn' | 'dot' | 'comma' | 'half-paren' | 'ordinal'

export interface Marker {
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
export const MARKER = /([\u2460-\u2473])|([\u2474-\u2487])|([\u2488-\u249b])|\(\s*(\d{1,2})\s*\)|\(\s*([一二三四五六七八九十]{1,3})\s*\)|(?<![\d.A-Za-z])(\d{1,2})\.(?:(?=\d{1,2}\s*月)|(?!\d))|(?<![\d.])(\d{1,2})、|(?<![\d.A-Za-z(])(\d{1,2})\)(?:(?=\d{1,2}\s*月)|(?!\d))|第([一二三四五六七八九十]{1,3}|\d{1,2})项/g

/**
 * Where a mark can start: a circled number, a `(` or `第`, or one or two digits right before `.`/`、`/`)`.
 * Found by the regex engine, which passes the Chinese text between marks far faster than a
 * loop over its characters; MARKER itself is then tried only there.
 */
const MARK_CANDIDATE = /[\u2460-\u249b(第]|\d\d?[.、)]/g

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39
}

/** MARKER, sticky: tried only where MARK_CANDIDATE found a `(` or digits before `.`/`、`. */
const MARKER_AT = new RegExp(MARKER.source, 'y')

/**
 * MARKER at `start`: the mark it reads, if any, goes to `markers`. Returns where the match ends
 * (a bracketed numeral that is no number matches but makes no mark), or -1.
 */
function markerAt(folded: string, start: number, markers: Marker[]): number {
  MARKER_AT.lastIndex = start
  const m = MARKER_AT.exec(folded)
  if (m === null) return -1
  const end = start + m[0].length
  if (m[4]) markers.push({ style: 'paren', number: Number(m[4]), start, end, decimalLike: false })
  else if (m[5]) {
    const num = readChineseNumber(m[5])
    if (!Number.isNaN(num)) markers.push({ style: 'paren-cn', number: num, start, end, decimalLike: false })
  } else if (m[6]) {
    const next = folded.charCodeAt(end)
    const decimalLike = next >= 0x30 && next <= 0x39
    markers.push({ style: 'dot', number: Number(m[6]), start, end, decimalLike })
  } else if (m[7]) markers.push({ style: 'comma', number: Number(m[7]), start, end, decimalLike: false })
  else if (m[8]) markers.push({ style: 'half-paren', number: Number(m[8]), start, end, decimalLike: false })
  else if (m[9]) {
    const num = /\d/.test(m[9]) ? Number(m[9]) : readChineseNumber(m[9])
    if (!Number.isNaN(num)) markers.push({ style: 'ordinal', number: num, start, end, decimalLike: false })
  }
  return end
}

/**
 * Every numbering mark in the folded text, left to right, as a global MARKER scan finds them:
 * MARKER is tried at each `(` and at each digit that starts one or two digits before `.`/`、`.
 */
export function findMarkers(folded: string): Marker[] {
  const markers: Marker[] = []
  let from = 0
  MARK_CANDIDATE.lastIndex = 0
  while (MARK_CANDIDATE.test(folded)) {
    const end = MARK_CANDIDATE.lastIndex
    const c = folded.charCodeAt(end - 1)
    if (c >= 0x2460 && c <= 0x249b) {
      // A circled number is a mark by itself.
      const style: Style = c <= 0x2473 ? 'circled' : c <= 0x2487 ? 'paren-circled' : 'dot-circled'
      const number = c - (c <= 0x2473 ? 0x2460 : c <= 0x2487 ? 0x2474 : 0x2488) + 1
      markers.push({ style, number, start: end - 1, end, decimalLike: false })
    } else if (c === 0x28 /* ( */ || c === 0x7b2c /* 第 */) {
      const markEnd = markerAt(folded, end - 1, markers)
      // Past the mark, as a global scan goes on.
      if (markEnd >= 0) MARK_CANDIDATE.lastIndex = markEnd
    } else {
      // Digits then `.`/`、`: two digits when the match could start one earlier (leftmost match).
      const twoDigits = end - 3 >= from && isDigit(folded.charCodeAt(end - 3))
      const start = twoDigits ? end - 3 : end - 2
      let markEnd = markerAt(folded, start, markers)
      if (markEnd < 0 && twoDigits) markEnd = markerAt(folded, start + 1, markers)
      if (markEnd >= 0) MARK_CANDIDATE.lastIndex = markEnd
    }
    from = MARK_CANDIDATE.lastIndex
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
 * by one, since bare digits are common in running text; bracketed numbers are unambiguous, so a
 * cell may start at ② or skip one). Circled numbers are never anything but numbering: a
 * progress cell that answers ② before ① keeps both, each for its own milestone.
 */
function chainOf(style: Style, markers: readonly Marker[], folded: string): Marker[] {
  const strict = style === 'dot' || style === 'comma' || style === 'half-paren' || style === 'ordinal'
  const anyOrder = style === 'circled' || style === 'paren-circled' || style === 'dot-circled'
  const chain: Marker[] = []
  for (const mk of markers) {
    if (mk.style !== style) continue
    const last = chain[chain.length - 1]
    if (!last) {
      if (strict && mk.number !== 1) continue
      chain.push(mk)
    } else if (anyOrder ? !holdsNumber(chain, mk.number) : strict ? mk.number === last.number + 1 : mk.number > last.number) chain.push(mk)
  }
  if (strict && chain.length === 1) {
    // A lone `1.`/`1、` is numbering only at the very start of the cell.
    if (!atStart(folded, chain[0]!.start)) return []
  }
  if (chain.length === 1 && chain[0]!.decimalLike && !atStart(folded, chain[0]!.start)) return []
  return chain
}

/** Does the chain hold a mark of this number? A loop: a closure per circled mark was most of the garbage splitting a numbered cell made. */
function holdsNumber(chain: readonly Marker[], number: number): boolean {
  for (const c of chain) if (c.number === number) return true
  return false
}

const STYLES: readonly Style[] = ['circled', 'paren-circled', 'dot-circled', 'paren', 'paren-cn', 'dot', 'comma', 'half-paren', 'ordinal']

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
  const words = folded.slice(start, end)
  // Progress is split as folded text only (its parts are judged, never shown): one slice, not two.
  return { index, text: text === folded ? words : text.slice(start, end), folded: words }
}

/** Words that only join two marks (`①和②`, `①及②`). */
function onlyJoins(words: string): boolean {
  for (let i = 0; i < words.length; i++) {
    const c = words.charCodeAt(i)
    if (c !== 0x548c /* 和 */ && c !== 0x53ca /* 及 */ && c !== 0x4e0e /* 与 */ && c !== 0x3001 /* 、 */ && SPACE[c] !== 1) return false
  }
  return true
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
    // Marks with no words of their own before the next mark (`①②均已完成`, `①、②已完成`):
    // the words after them speak for them too.
    let waiting: number[] | null = null
    for (let i = 0; i < chain.length; i++) {
      const mk = chain[i]!
      const next = chain[i + 1]
      const p = part(mk.number, text, folded, mk.end, next?.start ?? folded.length)
      if (p === null || (next !== undefined && onlyJoins(p.folded))) {
        if (next !== undefined) (waiting ??= []).push(mk.number)
        continue
      }
      if (waiting) {
        for (const number of waiting) parts.push({ index: number, text: p.text, folded: p.folded })
        waiting = null
      }
      parts.push(p)
    }
    return { by: 'number', parts }
  }
  const parts: CellPart[] = []
  let from = 0
  let pieces = 0
  for (;;) {
    const semicolon = folded.indexOf(';', from)
    const to = semicolon < 0 ? folded.length : semicolon
    const p = part(parts.length + 1, text, folded, from, to)
    if (p) parts.push(p)
    pieces++
    if (semicolon < 0) break
    from = semicolon + 1
  }
  return { by: pieces > 1 && parts.length > 1 ? 'semicolon' : 'none', parts }
}
