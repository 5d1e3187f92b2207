// What kind of file the bytes are, and whether it is safe to unpack: checked before SheetJS sees them.
import * as XLSX from '@e965/xlsx'
import { checkBiffStrings } from './biffStrings'
import { ImportError, notASpreadsheet, type OtherFileKind } from './errors'
import { MAX_ENTRY_RATIO, MAX_UNPACKED_BYTES } from './readLimits'

export type Container =
  | { kind: 'zip'; format: 'xlsx' | 'ods' }
  | { kind: 'cfb'; format: 'xls' }
  | { kind: 'biff' }
  | { kind: 'text' }

/** Magic numbers of files clerks pick by mistake, named in the refusal. */
const OTHER_FILES: readonly (readonly [number[], OtherFileKind])[] = [
  [[0x25, 0x50, 0x44, 0x46], 'pdf'],
  [[0x89, 0x50, 0x4e, 0x47], 'image'],
  [[0xff, 0xd8, 0xff], 'image'],
  [[0x47, 0x49, 0x46, 0x38], 'image'],
  [[0x52, 0x61, 0x72, 0x21], 'rar'],
  [[0x37, 0x7a, 0xbc, 0xaf], '7z'],
  [[0x1f, 0x8b], 'gzip'],
]

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b)
}

function u16(b: Uint8Array, o: number): number { return b[o]! | (b[o + 1]! << 8) }
function u32(b: Uint8Array, o: number): number { return (u16(b, o) + u16(b, o + 2) * 0x10000) }
function u64(b: Uint8Array, o: number): number { return u32(b, o) + u32(b, o + 4) * 0x1_0000_0000 }

export interface ZipEntry {
  name: string; compressed: number; uncompressed: number
  /** CRC-32 of the unpacked bytes, as the central directory states it. */
  crc: number
  /** Where the entry's local header starts, and its compression method (0 stored, 8 deflate). */
  localOffset: number; method: number
}

/**
 * Lists a zip's entries from its central directory without unpacking anything. A
 * truncated file has no end-of-central-directory record (it sits at the very end),
 * so a missing one means the download was cut short.
 */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] {
  const len = bytes.length
  let eocd = -1
  for (let i = len - 22; i >= Math.max(0, len - 22 - 0xffff); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) { eocd = i; break }
  }
  if (eocd < 0) throw new ImportError('corrupt', 'zip: no end of central directory')
  let count = u16(bytes, eocd + 10)
  let cdOffset = u32(bytes, eocd + 16)
  // Zip64: the real counts and offsets are in the zip64 record the locator points to.
  const locator = eocd - 20
  if (locator >= 0 && u32(bytes, locator) === 0x07064b50) {
    const z64 = u64(bytes, locator + 8)
    if (z64 + 56 > len || u32(bytes, z64) !== 0x06064b50) throw new ImportError('corrupt', 'zip64: bad record')
    count = u64(bytes, z64 + 32)
    cdOffset = u64(bytes, z64 + 48)
  }
  if (cdOffset >= len) throw new ImportError('corrupt', 'zip: central directory past the end')
  const entries: ZipEntry[] = []
  const decoder = new TextDecoder('utf-8')
  let p = cdOffset
  for (let n = 0; n < count; n++) {
    if (p + 46 > len || u32(bytes, p) !== 0x02014b50) throw new ImportError('corrupt', `zip: bad central entry ${n}`)
    let compressed = u32(bytes, p + 20)
    let uncompressed = u32(bytes, p + 24)
    const nameLen = u16(bytes, p + 28)
    const extraLen = u16(bytes, p + 30)
    const commentLen = u16(bytes, p + 32)
    const method = u16(bytes, p + 10)
    let localOffset = u32(bytes, p + 42)
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen))
    // Zip64 extra field: 8-byte sizes replace the 32-bit ones that read 0xFFFFFFFF, in this order.
    let x = p + 46 + nameLen
    const extraEnd = x + extraLen
    while (x + 4 <= extraEnd) {
      const id = u16(bytes, x)
      const size = u16(bytes, x + 2)
      if (id === 0x0001) {
        let q = x + 4
        if (uncompressed === 0xffffffff) { uncompressed = u64(bytes, q); q += 8 }
        if (compressed === 0xffffffff) { compressed = u64(bytes, q); q += 8 }
        if (localOffset === 0xffffffff) { localOffset = u64(bytes, q); q += 8 }
      }
      x += 4 + size
    }
    if (localOffset + 30 > len) throw new ImportError('corrupt', `zip: entry ${name} past the end`)
    entries.push({ name, compressed, uncompressed, localOffset, method, crc: u32(bytes, p + 16) })
    p = extraEnd + commentLen
  }
  return entries
}

/** Refuses a zip that would unpack to too much, in total or for one entry, before anything is inflated. */
export function checkZipBomb(entries: readonly ZipEntry[]): void {
  let total = 0
  for (const e of entries) {
    total += e.uncompressed
    // Small entries may compress very well (a run of empty cells) and do no harm.
    if (e.uncompressed > 1024 * 1024 && e.uncompressed > MAX_ENTRY_RATIO * Math.max(1, e.compressed)) {
      throw new ImportError('zip-bomb', `${e.name}: ${e.uncompressed}/${e.compressed}`)
    }
  }
  if (total > MAX_UNPACKED_BYTES) throw new ImportError('zip-bomb', `total ${total}`)
}

function zipFormat(entries: readonly ZipEntry[]): 'xlsx' | 'ods' {
  const names = new Set(entries.map((e) => e.name))
  if (names.has('xl/workbook.xml') || names.has('xl/workbook.bin') || [...names].some((n) => /^xl\/workbook/i.test(n))) return 'xlsx'
  if (names.has('content.xml') && names.has('mimetype')) return 'ods'
  if (names.has('word/document.xml')) throw notASpreadsheet('word', 'docx')
  if (names.has('ppt/presentation.xml')) throw notASpreadsheet('powerpoint', 'pptx')
  if (names.has('Index/Document.iwa')) throw new ImportError('unsupported', 'Apple Numbers')
  if (names.has('[Content_Types].xml')) throw new ImportError('unsupported', 'OOXML without a workbook')
  throw notASpreadsheet('zip', 'zip')
}

/** Reads the records of a BIFF workbook's global section; FILEPASS (0x2F) means it is encrypted. */
export function hasFilePass(stream: Uint8Array): boolean {
  let p = 0
  for (let n = 0; n < 4096 && p + 4 <= stream.length; n++) {
    const type = u16(stream, p)
    const size = u16(stream, p + 2)
    if (type === 0x002f) return true
    if (type === 0x000a) return false // EOF of the globals: FILEPASS comes before it
    p += 4 + size
  }
  return false
}

interface CfbEntry { name: string; content?: ArrayLike<number> | null }
interface CfbContainer { FileIndex: CfbEntry[] }

function inspectCfb(bytes: Uint8Array): Container {
  let cfb: CfbContainer
  try {
    cfb = XLSX.CFB.read(bytes, { type: 'buffer' }) as unknown as CfbContainer
  } catch (e) {
    throw new ImportError('corrupt', `cfb: ${String(e)}`)
  }
  const byName = new Map(cfb.FileIndex.map((e) => [e.name, e]))
  // Encrypted OOXML (Agile/Standard encryption) is a CFB holding EncryptionInfo + EncryptedPackage.
  if (byName.has('EncryptionInfo') || byName.has('EncryptedPackage')) throw new ImportError('encrypted', 'ooxml encryption')
  const book = byName.get('Workbook') ?? byName.get('Book')
  if (book) {
    const content = book.content
    const stream = content ? (content instanceof Uint8Array ? content : Uint8Array.from(content)) : null
    if (stream && hasFilePass(stream)) throw new ImportError('encrypted', 'biff filepass')
    if (stream) checkBiffStrings(stream)
    return { kind: 'cfb', format: 'xls' }
  }
  if (byName.has('WordDocument')) throw notASpreadsheet('word', 'doc')
  if (byName.has('PowerPoint Document')) throw notASpreadsheet('powerpoint', 'ppt')
  // WPS .et files without a BIFF Workbook stream: SheetJS cannot read those.
  throw new ImportError('unsupported', 'cfb without a workbook stream')
}

/** Tells the container from its first bytes (never from the file name: clerks rename files). */
export function inspectContainer(bytes: Uint8Array): Container {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const entries = listZipEntries(bytes)
    checkZipBomb(entries)
    return { kind: 'zip', format: zipFormat(entries) }
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return inspectCfb(bytes)
  // A bare BIFF3–5 stream (very old Excel) starts with a BOF record (09 02/04/08; 09 00 could be UTF-16 text).
  if ((bytes[0] === 0x09 && [0x02, 0x04, 0x08].includes(bytes[1]!)) && bytes.length >= 8) return { kind: 'biff' }
  for (const [magic, what] of OTHER_FILES) if (startsWith(bytes, magic)) throw notASpreadsheet(what, 'magic')
  return { kind: 'text' }
}
