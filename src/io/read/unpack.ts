// Unpacking a zip (xlsx, ods) ourselves, under the byte budget counted as the bytes come out, before SheetJS sees it.
import { Inflate } from 'fflate'
import type { ZipEntry } from './container'
import { crc32 } from './crc32'
import { ImportError } from './errors'
import { MAX_ENTRY_RATIO, MAX_UNPACKED_BYTES } from './readLimits'

/** Pictures and fonts: SheetJS reads no cell from them, so they are neither unpacked nor passed on. */
const UNREAD = /\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|odttf|ttf|bin\.rels)$|^(xl\/media|Pictures|Thumbnails)\//i

const CHUNK = 16 * 1024

/**
 * The entries' contents, inflated in 16 KB steps: the running total (and each entry's ratio
 * once past 1 MB) is checked after every step, so a header that lies about sizes cannot make
 * us unpack gigabytes, and damaged deflate data stops at the first bad block instead of
 * sending a decoder off into garbage.
 */
export function unpackZip(bytes: Uint8Array, entries: readonly ZipEntry[]): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {}
  let total = 0
  for (const entry of entries) {
    if (entry.name.endsWith('/') || UNREAD.test(entry.name) || entry.name in files) continue
    const p = entry.localOffset
    if (p + 30 > bytes.length || bytes[p] !== 0x50 || bytes[p + 1] !== 0x4b || bytes[p + 2] !== 0x03 || bytes[p + 3] !== 0x04) {
      throw new ImportError('corrupt', `zip: bad local header for ${entry.name}`)
    }
    const start = p + 30 + (bytes[p + 26]! | (bytes[p + 27]! << 8)) + (bytes[p + 28]! | (bytes[p + 29]! << 8))
    const end = start + entry.compressed
    if (end > bytes.length) throw new ImportError('corrupt', `zip: ${entry.name} past the end`)
    const packed = bytes.subarray(start, end)
    if (entry.method === 0) {
      total += packed.length
      if (total > MAX_UNPACKED_BYTES) throw new ImportError('zip-bomb', `total past ${MAX_UNPACKED_BYTES}`)
      files[entry.name] = packed
      continue
    }
    if (entry.method !== 8) throw new ImportError('unsupported', `zip method ${entry.method} for ${entry.name}`)
    const chunks: Uint8Array[] = []
    let size = 0
    const inflate = new Inflate((chunk) => {
      chunks.push(chunk)
      size += chunk.length
      total += chunk.length
    })
    try {
      for (let at = 0; at < packed.length || at === 0; at += CHUNK) {
        const last = at + CHUNK >= packed.length
        inflate.push(packed.subarray(at, at + CHUNK), last)
        if (total > MAX_UNPACKED_BYTES) throw new ImportError('zip-bomb', `total past ${MAX_UNPACKED_BYTES}`)
        if (size > 1024 * 1024 && size > MAX_ENTRY_RATIO * Math.max(1, at + CHUNK)) throw new ImportError('zip-bomb', `${entry.name}: ratio past ${MAX_ENTRY_RATIO}`)
        if (last) break
      }
    } catch (e) {
      if (e instanceof ImportError) throw e
      throw new ImportError('corrupt', `inflate ${entry.name}: ${String(e)}`)
    }
    const out = new Uint8Array(size)
    let o = 0
    for (const c of chunks) { out.set(c, o); o += c.length }
    files[entry.name] = out
  }
  return files
}

/**
 * The first entry whose unpacked bytes do not match the CRC-32 the zip states, or null. Only asked
 * when a read found nothing (flipped bytes in deflate data can inflate to garbage without an error):
 * then the clerk is told the file is damaged, not that it is empty. Too slow to run on every read.
 */
export function damagedEntry(bytes: Uint8Array, entries: readonly ZipEntry[]): string | null {
  let files: Record<string, Uint8Array>
  try {
    files = unpackZip(bytes, entries)
  } catch {
    return 'unpack'
  }
  const seen = new Set<string>()
  for (const entry of entries) {
    const data = files[entry.name]
    if (!data || seen.has(entry.name)) continue
    seen.add(entry.name)
    if (crc32(data) !== entry.crc) return entry.name
  }
  return null
}
