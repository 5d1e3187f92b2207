// Which milestones hold each two-character key word, for reading unnumbered progress clause by
// clause (progressSentences.ts). Every character pair of the progress is looked up here, so the
// index lives in typed arrays reused from task to task: long progress against four milestones was
// the engine's slowest read while it built Maps and tested every key word against every clause.
// One index is open at a time (the engine is synchronous); `withPairIndex` always empties it.

/** First character → its first slot + 1 (0: no key word starts with it). */
const HEAD = new Int32Array(0x10000)
let slotSecond = new Uint16Array(256)
let slotNext = new Int32Array(256) // the next slot with the same first character, + 1
let slotHolders = new Int32Array(256) // the slot's first holder entry, + 1
let slotSpecific = new Uint8Array(256) // 1: the key word is not generic
let slotSeen = new Int32Array(256) // the stamp of the last text that held the slot
let slotInSentence = new Int32Array(256) // the stamp of the sentence that last held the slot
let holderMilestone = new Int32Array(256)
let holderNext = new Int32Array(256) // + 1
let slots = 0
let holders = 0
let stamp = 0
let sentenceStamp = 0
/** The slots the last counted text held (`hitCount` of them), for addToSentence. */
let hits = new Int32Array(256)
let hitCount = 0
const firsts: number[] = []

function grow<T extends Int32Array | Uint16Array | Uint8Array>(a: T, size: number): T {
  if (a.length >= size) return a
  const bigger = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2))
  bigger.set(a)
  return bigger
}

/** Room for one more slot in every slot array (they grow together). */
function growSlots(): void {
  const size = slots + 1
  slotSecond = grow(slotSecond, size)
  slotNext = grow(slotNext, size)
  slotHolders = grow(slotHolders, size)
  slotSpecific = grow(slotSpecific, size)
  slotSeen = grow(slotSeen, size)
  slotInSentence = grow(slotInSentence, size)
  hits = grow(hits, size)
}

export interface PairIndex {
  /**
   * Adds the key word `first second` of milestone `m` (milestones in ascending order); false
   * when `m` already holds it. `isGeneric`: is the word too common to tie a sentence to a
   * milestone by itself (asked once per distinct word).
   */
  add(m: number, first: number, second: number, isGeneric: (first: number, second: number) => boolean): boolean
  /**
   * How many distinct key words of each milestone `text` holds (`counts[m]`), and how many of
   * them are specific (`specific[m]`). Returns how many distinct key words of any milestone it holds.
   */
  count(text: string, counts: number[], specific: number[]): number
  /** count for `text.slice(from, to)`, without making the slice. */
  countRange(text: string, from: number, to: number, counts: number[], specific: number[]): number
  /**
   * Starts a sentence: empties its counts. A sentence's key words are those of its clauses, so
   * it is counted clause by clause (each clause counted on its own first, to see whether it opens
   * a new sentence) rather than read again as a whole.
   */
  startSentence(counts: number[], specific: number[]): void
  /** Adds to the sentence's counts the key words of the text counted last that it does not hold yet. */
  addToSentence(counts: number[], specific: number[]): void
}

function add(m: number, first: number, second: number, isGeneric: (first: number, second: number) => boolean): boolean {
  let slot = HEAD[first]!
  while (slot !== 0 && slotSecond[slot - 1] !== second) slot = slotNext[slot - 1]!
  if (slot === 0) {
    if (slots === slotSecond.length) growSlots()
    if (HEAD[first] === 0) firsts.push(first)
    slotSecond[slots] = second
    slotNext[slots] = HEAD[first]!
    slotHolders[slots] = 0
    slotSpecific[slots] = isGeneric(first, second) ? 0 : 1
    slotSeen[slots] = 0
    slotInSentence[slots] = 0
    HEAD[first] = ++slots
    slot = slots
  } else if (slotHolders[slot - 1] !== 0 && holderMilestone[slotHolders[slot - 1]! - 1] === m) {
    return false
  }
  if (holders === holderMilestone.length) {
    holderMilestone = grow(holderMilestone, holders + 1)
    holderNext = grow(holderNext, holders + 1)
  }
  holderMilestone[holders] = m
  holderNext[holders] = slotHolders[slot - 1]!
  slotHolders[slot - 1] = ++holders
  return true
}

/** Both counters to 0, by a loop: Array.prototype.fill on a handful of numbers costs a builtin call each. */
function zero(counts: number[], specific: number[]): void {
  for (let m = 0; m < counts.length; m++) counts[m] = 0
  for (let m = 0; m < specific.length; m++) specific[m] = 0
}

function count(text: string, counts: number[], specific: number[]): number {
  return countRange(text, 0, text.length, counts, specific)
}

function countRange(text: string, from: number, to: number, counts: number[], specific: number[]): number {
  zero(counts, specific)
  // A fresh stamp per text; never 0, the mark of a slot no text has held yet.
  stamp = (stamp + 1) | 0 || 1
  let found = 0
  let next = text.charCodeAt(from)
  for (let i = from; i + 1 < to; i++) {
    const first = next
    next = text.charCodeAt(i + 1)
    let slot = HEAD[first]!
    if (slot === 0) continue
    while (slot !== 0 && slotSecond[slot - 1] !== next) slot = slotNext[slot - 1]!
    if (slot === 0 || slotSeen[slot - 1] === stamp) continue
    slotSeen[slot - 1] = stamp
    hits[found] = slot - 1
    found++
    const isSpecific = slotSpecific[slot - 1] === 1
    for (let h = slotHolders[slot - 1]!; h !== 0; h = holderNext[h - 1]!) {
      const m = holderMilestone[h - 1]!
      counts[m]!++
      if (isSpecific) specific[m]!++
    }
  }
  hitCount = found
  return found
}

function startSentence(counts: number[], specific: number[]): void {
  zero(counts, specific)
  sentenceStamp = (sentenceStamp + 1) | 0 || 1
}

function addToSentence(counts: number[], specific: number[]): void {
  for (let k = 0; k < hitCount; k++) {
    const slot = hits[k]!
    if (slotInSentence[slot] === sentenceStamp) continue
    slotInSentence[slot] = sentenceStamp
    const isSpecific = slotSpecific[slot] === 1
    for (let h = slotHolders[slot]!; h !== 0; h = holderNext[h - 1]!) {
      const m = holderMilestone[h - 1]!
      counts[m]!++
      if (isSpecific) specific[m]!++
    }
  }
}

const INDEX: PairIndex = { add, count, countRange, startSentence, addToSentence }

/** Runs `read` with an empty index, and empties it again afterwards, whatever happens. */
export function withPairIndex<T>(read: (index: PairIndex) => T): T {
  try {
    return read(INDEX)
  } finally {
    for (const first of firsts) HEAD[first] = 0
    firsts.length = 0
    slots = 0
    holders = 0
    hitCount = 0
  }
}
