// A check of a .xls (BIFF8) string table before SheetJS reads it: one damaged byte can send SheetJS's
// string reader into a loop that never ends (it reads a length past the record's end as NaN and counts to it).
import { ImportError } from './errors'

const SST = 0x00fc
/** Record types SheetJS glues onto the record before them (CONTINUE and its kin), with the header bytes each skips. */
const CONTINUE_SKIP = new Map([[0x003c, 0], [0x043c, 0], [0x0812, 4], [0x0875, 12], [0x087f, 12]])

function u16(b: Uint8Array, o: number): number { return o + 1 < b.length ? b[o]! | (b[o + 1]! << 8) : NaN }

/** The SST record's body with its CONTINUE records, and where each piece starts (SheetJS's `lens`). */
function gather(stream: Uint8Array, at: number, length: number): { body: Uint8Array; lens: Set<number>; next: number } {
  const pieces = [stream.subarray(at, at + length)]
  let p = at + length
  for (let type = u16(stream, p); CONTINUE_SKIP.has(type); type = u16(stream, p)) {
    const size = u16(stream, p + 2)
    if (Number.isNaN(size)) break
    pieces.push(stream.subarray(p + 4 + CONTINUE_SKIP.get(type)!, p + 4 + size))
    p += 4 + size
  }
  const lens = new Set<number>()
  let total = 0
  for (const piece of pieces) { lens.add(total); total += piece.length }
  const body = new Uint8Array(total)
  let o = 0
  for (const piece of pieces) { body.set(piece, o); o += piece.length }
  return { body, lens, next: p }
}

/** Where SheetJS's reader of `size` characters ends, crossing CONTINUE boundaries as it does (a flag byte there picks the width). */
function charsEnd(body: Uint8Array, lens: Set<number>, start: number, size: number, wide: boolean): number {
  let loc = start
  let left = size
  for (let i = 0; i < left; i++) {
    if (lens.has(loc)) {
      wide = (body[loc] ?? 0) !== 0
      start = loc + 1
      loc = start
      left -= i
      i = -1
      continue
    }
    loc += wide ? 2 : 1
  }
  return start + left * (wide ? 2 : 1)
}

/**
 * Walks the strings as SheetJS's parse_SST does; a string whose length would be read from past the
 * end of the table (a single byte left) is where SheetJS would hang, so the file is refused as damaged.
 */
export function checkSharedStrings(body: Uint8Array, lens: Set<number>): void {
  const end = body.length
  const unique = body.length >= 8 ? (body[4]! | (body[5]! << 8) | (body[6]! << 16)) + body[7]! * 0x1000000 : 0
  let l = 8
  for (let i = 0; i !== unique && l < end; i++) {
    if (l + 1 >= end) throw new ImportError('corrupt', `xls: string table cut inside string ${i}`)
    const cch = u16(body, l)
    const flags = body[l + 2] ?? 0
    l += 3
    let runs = 0
    let ext = 0
    if (flags & 8) { runs = u16(body, l); l += 2 }
    if (flags & 4) { ext = l + 3 < end ? (body[l]! | (body[l + 1]! << 8) | (body[l + 2]! << 16)) + body[l + 3]! * 0x1000000 : NaN; l += 4 }
    if (cch !== 0) l = charsEnd(body, lens, l, cch, (flags & 1) === 1)
    if (flags & 8) l += 4 * runs
    if (flags & 4) l += ext
    if (Number.isNaN(l)) return // SheetJS stops here too (NaN < end is false)
  }
}

/** Every string table in a BIFF8 workbook stream, found by walking its records as SheetJS does. */
export function checkBiffStrings(stream: Uint8Array): void {
  let p = 0
  for (let n = 0; n < 1_000_000 && p + 4 <= stream.length; n++) {
    const type = u16(stream, p)
    const size = u16(stream, p + 2)
    if (type === SST) {
      const { body, lens, next } = gather(stream, p + 4, size)
      checkSharedStrings(body, lens)
      p = next
      continue
    }
    p += 4 + size
  }
}
