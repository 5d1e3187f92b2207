// A milestone's key words (rules §5, unnumbered progress): the two-character words of its action,
// less its dates and common verbs (`一季度完成可研批复` → 可研, 研批, 批复), and whether a piece of
// progress names them. The sentence reader (progressSentences.ts) ties sentences to milestones by them.
import { charTable } from './text'
import type { PairIndex } from './pairIndex'

/**
 * What a milestone's key words are not: dates and times, the verbs every milestone has
 * (完成, 推进…), degree words and punctuation. `一季度完成可研批复` → `可研批复`. Sticky: each is
 * tried only where one can start (TIME_START, VERB_START), and what it matches is marked, not
 * replaced (see readKeys).
 */
const TIME_WORDS = /\d{4}年|[\d一二三四五六七八九十]+月(?:份)?(?:\d+日)?(?:上旬|中旬|下旬|初|底|末)?(?:前)?|[一二三四]季度|上半年|下半年|年底|年末|年内|全年|年中|今年|之前|以前|前|[\d.]+\s*(?:万|亿)?[^\s,。;、:\d]?|[\s,。;、:“”"()]/y
const COMMON_VERBS = /完成|开展|启动|推进|组织|做好|全面|进一步|加快|力争|确保|基本|实现|新增|新建|持续/y
/** The first characters of TIME_WORDS' words, white space included. */
const TIME_START = charTable('0123456789.一二三四五六七八九十上下年全今之以前,。;、:“”"()', true)
/** Time words of one character that no longer one starts with: marked without a regex call. */
const TIME_CHAR = charTable('前,。;、:“”"()', true)
/** The first characters of COMMON_VERBS' words (no two of which share a first character and a length). */
const VERB_START = charTable('完开启推组做全进加力确基实新持')

/** Per character of the milestone read last: 0, or TIME or VERB for a character inside such words. */
let marks = new Uint8Array(256)
const TIME = 1
const VERB = 2

export const pairCode = (t: string, i: number): number => t.charCodeAt(i) * 0x10000 + t.charCodeAt(i + 1)
export const pairText = (code: number): string => String.fromCharCode(Math.floor(code / 0x10000), code % 0x10000)

/** Key words too common to tie a sentence to one milestone by themselves. */
const GENERIC_KEYS = ['建设', '工作', '项目', '工程', '实施', '推进', '管理', '服务', '发展', '提升', '设施', '体系']
/** Their first characters, as a table: most words are passed on one read. */
const GENERIC_FIRST = charTable(GENERIC_KEYS.map((w) => w[0]!))
function isGeneric(first: number, second: number): boolean {
  if (GENERIC_FIRST[first] === 0) return false
  for (const w of GENERIC_KEYS) if (w.charCodeAt(0) === first && w.charCodeAt(1) === second) return true
  return false
}

/** A milestone's key words: the two-character words of its action, each as its two code units. */
export interface MilestoneKeys {
  readonly keys: readonly number[]
  /** How many key words a sentence must hold to speak of the milestone. */
  readonly need: number
  /** Each character of the key words once, worked out the first time a sentence needs it. */
  chars?: readonly string[]
}

/**
 * The two-character words of a milestone's action, in order, each once, added to the index.
 * Verbs every milestone shares are left out, unless nothing else is left (`年底前建成投用` → 建成,
 * 成投, 投用). As if time words were replaced by `|`, then verbs in what is left, and the pairs
 * without a `|` taken: the words are marked in place instead, no new strings.
 */
export function readKeys(folded: string, m: number, index: PairIndex): MilestoneKeys {
  const n = folded.length
  if (marks.length < n) marks = new Uint8Array(Math.max(n, marks.length * 2))
  // One pass, left to right: a time word where one starts, else a verb, else a free character,
  // paired with the free one before it. One pass finds what a time pass then a verb pass would:
  // no time word starts inside a verb (only 进一步 holds a time word's first character, and 一步
  // starts none), so a verb never runs into one.
  let keys: number[] = []
  let before = -1 // the free character before p, or -1
  for (let p = 0; p < n;) {
    const c = folded.charCodeAt(p)
    if (TIME_START[c] === 1) {
      let end = p + 1
      if (TIME_CHAR[c] === 0) {
        TIME_WORDS.lastIndex = p
        end = TIME_WORDS.test(folded) ? TIME_WORDS.lastIndex : p
      }
      if (end > p) {
        // A loop, not fill(): the words are a few characters, a builtin call costs more.
        while (p < end) marks[p++] = TIME
        before = -1
        continue
      }
    }
    if (VERB_START[c] === 1) {
      COMMON_VERBS.lastIndex = p
      if (COMMON_VERBS.test(folded)) {
        const end = COMMON_VERBS.lastIndex
        while (p < end) marks[p++] = VERB
        before = -1
        continue
      }
    }
    marks[p++] = 0
    if (c === 0x7c /* | */) { before = -1; continue }
    if (before >= 0 && index.add(m, before, c, isGeneric)) keys.push(before * 0x10000 + c)
    before = c
  }
  // Verbs every milestone shares count when nothing else is left.
  if (keys.length === 0) keys = addPairs(folded, m, index, VERB)
  // `chars` set from the start (not added when first needed): one shape for every milestone's keys.
  return { keys, need: keys.length >= 3 ? 2 : keys.length, chars: undefined }
}

/** The pairs of characters neither marked (but as `allowed`) nor a `|`. */
function addPairs(t: string, m: number, index: PairIndex, allowed: number): number[] {
  const out: number[] = []
  let second = t.charCodeAt(0)
  for (let i = 0; i + 1 < t.length; i++) {
    const first = second
    second = t.charCodeAt(i + 1)
    if (first === 0x7c /* | */ || second === 0x7c) continue
    const a = marks[i]!
    const b = marks[i + 1]!
    if ((a !== 0 && a !== allowed) || (b !== 0 && b !== allowed)) continue
    if (index.add(m, first, second, isGeneric)) out.push(first * 0x10000 + second)
  }
  return out
}

/**
 * Does `text.slice(from, to)` name the milestone, given how many of its key words it holds
 * (`shared`) and how many of those are not generic (`specific`)? Two key words do
 * (`主体工程正在招标` for `主体工程招标`), or one that is not generic when the text holds at
 * least half of the characters of the milestone's key words (`一期工程已完工` for `一期建设`,
 * `主体已封顶` for `主体施工`).
 */
export function names(text: string, from: number, to: number, m: MilestoneKeys, shared: number, specific: number): boolean {
  if (m.need === 0 || shared === 0) return false
  if (shared >= m.need) return true
  if (specific === 0) return false
  m.chars ??= keyChars(m.keys)
  const enough = Math.ceil(m.chars.length / 2)
  let held = 0
  for (const ch of m.chars) {
    const at = text.indexOf(ch, from)
    if (at >= 0 && at + ch.length <= to && ++held >= enough) return true
  }
  return false
}

/** Each character of the key words once, in order (the code points of their words joined). */
function keyChars(keys: readonly number[]): readonly string[] {
  const codes: number[] = []
  for (const k of keys) {
    const first = Math.floor(k / 0x10000)
    const second = k - first * 0x10000
    // A surrogate pair is one character: counted as the words' code points.
    if ((first & 0xf800) === 0xd800 || (second & 0xf800) === 0xd800) return [...new Set(keys.map(pairText).join(''))]
    if (!codes.includes(first)) codes.push(first)
    if (!codes.includes(second)) codes.push(second)
  }
  return codes.map((c) => String.fromCharCode(c))
}

/** The key words (pair codes) of `keys` that `text` holds. */
export function keysIn(text: string, keys: readonly number[]): number[] {
  const out: number[] = []
  for (const k of keys) {
    const first = Math.floor(k / 0x10000)
    const second = k - first * 0x10000
    for (let i = 0; i + 1 < text.length; i++) {
      if (text.charCodeAt(i) === first && text.charCodeAt(i + 1) === second) { out.push(k); break }
    }
  }
  return out
}

/**
 * The first three key words, as the milestone's words in an `unmentioned` verdict. Pairs that
 * overlap (`开工`, `工建`, `建设`) are the clerk's word read two characters at a time: shown as
 * that word (`开工建设`), not each pair in full; pairs that do not chain are listed with `、`.
 */
export function keyWords(keys: readonly number[]): string {
  let out = ''
  let last = -1
  for (let k = 0; k < keys.length && k < 3; k++) {
    const key = keys[k]!
    const first = Math.floor(key / 0x10000)
    const second = key - first * 0x10000
    out += first === last ? String.fromCharCode(second) : `${out ? '、' : ''}${pairText(key)}`
    last = second
  }
  return out
}
