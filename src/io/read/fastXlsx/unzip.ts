// Zip entries by name, inflated with a cap on unpacked bytes checked while inflating (not trusted from the header).
import { Inflate } from 'fflate'
import { ImportError } from '../errors'
import { INFLATE_CHUNK_MAX, INFLATE_CHUNK_MIN, MAX_ENTRY_RATIO, MAX_UNPACKED_BYTES } from './limits'

/** The reader cannot handle this file; SheetJS reads it instead. */
export class Unrecognised extends Error {}

interface Entry { method: number; flags: number; compressed: number; local: number }

function u16(b: Uint8Array, o: number): number { return b[o]! | (b[o + 1]! << 8) }
function u32(b: Uint8Array, o: number): number { return u16(b, o) + u16(b, o + 2) * 0x10000 }

/** Whether DecompressionStream reads raw deflate here (Chromium ≥ 103, Node ≥ 21.2 / 20 with it). */
const NATIVE = (() => {
  try { return typeof DecompressionStream === 'function' && !!new DecompressionStream('deflate-raw') } catch { return false }
})()

/** The inflated chunks as one buffer. */
function join(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0]!
  const out = new Uint8Array(size)
  let o = 0
  for (const part of parts) { out.set(part, o); o += part.length }
  return out
}

export class ZipReader {
  private readonly entries = new Map<string, Entry>()
  private unpacked = 0

  /** `cap`: unpacked bytes allowed in all, counted as they come out of the inflater. */
  constructor(private readonly bytes: Uint8Array, private readonly cap = MAX_UNPACKED_BYTES) {
    const len = bytes.length
    let eocd = -1
    for (let i = len - 22; i >= Math.max(0, len - 22 - 0xffff); i--) {
      if (u32(bytes, i) === 0x06054b50) { eocd = i; break }
    }
    // Zip64 and damaged directories are SheetJS's (and the container check's) business.
    if (eocd < 0 || u16(bytes, eocd + 10) === 0xffff || u32(bytes, eocd + 16) === 0xffffffff) throw new Unrecognised('zip directory')
    const count = u16(bytes, eocd + 10)
    let p = u32(bytes, eocd + 16)
    const decoder = new TextDecoder('utf-8')
    for (let n = 0; n < count; n++) {
      if (p + 46 > len || u32(bytes, p) !== 0x02014b50) throw new Unrecognised('zip entry')
      const nameLen = u16(bytes, p + 28)
      const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen))
      this.entries.set(name, {
        flags: u16(bytes, p + 8), method: u16(bytes, p + 10), compressed: u32(bytes, p + 20), local: u32(bytes, p + 42),
      })
      p += 46 + nameLen + u16(bytes, p + 30) + u16(bytes, p + 32)
    }
  }

  has(name: string): boolean { return this.entries.has(name) }

  /**
   * The entry as UTF-8 text, or null when it is absent. Encrypted entries and unusual methods are
   * unrecognised. Text, not bytes: decoding each inflated chunk as it comes out overlaps the two
   * and never joins the chunks into one buffer (in Chromium that halves inflate + decode of a
   * 10 MB sheet).
   */
  async readText(name: string): Promise<string | null> {
    const e = this.entries.get(name)
    if (!e) return null
    if (e.flags & 1 || (e.method !== 0 && e.method !== 8)) throw new Unrecognised(`zip method ${e.method}`)
    const b = this.bytes
    if (e.local + 30 > b.length || u32(b, e.local) !== 0x04034b50) throw new Unrecognised('zip local header')
    const start = e.local + 30 + u16(b, e.local + 26) + u16(b, e.local + 28)
    const end = start + e.compressed
    if (end > b.length) throw new Unrecognised('zip entry past the end')
    const data = b.subarray(start, end)
    const decoder = new TextDecoder('utf-8')
    if (e.method === 0) return decoder.decode(this.count(data))
    if (data.length === 0) return ''
    return NATIVE ? this.inflateNative(data, decoder) : decoder.decode(this.inflateFflate(data))
  }

  /**
   * The browser's (and Node's) own inflater: several times faster than fflate; the cap is checked
   * per chunk. The packed bytes are written straight into the stream: a Blob's stream would copy
   * them through the browser's blob store first.
   */
  private async inflateNative(data: Uint8Array, decoder: TextDecoder): Promise<string> {
    const inflater = new DecompressionStream('deflate-raw')
    const writer = inflater.writable.getWriter()
    // Their failures surface on the reading side as well; caught here so none goes unhandled.
    writer.write(data as Uint8Array<ArrayBuffer>).catch(() => {})
    writer.close().catch(() => {})
    const reader = inflater.readable.getReader()
    const texts: string[] = []
    let size = 0
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        size += value.length
        this.charge(value.length, size, data.length)
        texts.push(decoder.decode(value, { stream: true }))
      }
    } catch (e) {
      if (e instanceof ImportError) { void reader.cancel(); throw e }
      throw new Unrecognised(`inflate: ${String(e)}`)
    }
    texts.push(decoder.decode())
    return texts.join('')
  }

  private inflateFflate(data: Uint8Array): Uint8Array {
    const parts: Uint8Array[] = []
    let size = 0
    const inflater = new Inflate((chunk) => {
      size += chunk.length
      this.charge(chunk.length, size, data.length)
      parts.push(chunk)
    })
    for (let at = 0; at < data.length;) {
      const room = Math.floor((this.cap - this.unpacked) / 1032)
      const next = Math.min(data.length, at + Math.max(INFLATE_CHUNK_MIN, Math.min(INFLATE_CHUNK_MAX, room)))
      inflater.push(data.subarray(at, next), next >= data.length)
      at = next
    }
    return join(parts, size)
  }

  private count(data: Uint8Array): Uint8Array { this.charge(data.length, data.length, data.length); return data }

  /** Counts `n` more unpacked bytes; an entry past 1 MB that grew past the ratio of its packed size is a bomb (as in unpack.ts). */
  private charge(n: number, entrySize: number, packed: number): void {
    this.unpacked += n
    if (this.unpacked > this.cap) throw new ImportError('zip-bomb', `unpacked past ${this.cap}`)
    if (entrySize > 1024 * 1024 && entrySize > MAX_ENTRY_RATIO * packed) throw new ImportError('zip-bomb', `entry ratio past ${MAX_ENTRY_RATIO}`)
  }
}
