// Text files' bytes to a string: BOMs, strict UTF-8, else GB18030 (what Chinese Excel and WPS save as "CSV").
import { ImportError } from './errors'

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030'

export interface DecodedText { text: string; encoding: TextEncoding; bom: boolean }

/**
 * UTF-16 without a BOM shows as NUL bytes in every other position (ASCII digits,
 * separators and line ends): which half holds them tells the byte order.
 */
function guessUtf16(bytes: Uint8Array): TextEncoding | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096)
  if (n < 4) return null
  let evenNul = 0
  let oddNul = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++
    if (bytes[i + 1] === 0) oddNul++
  }
  const pairs = n / 2
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.05) return 'utf-16le'
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.05) return 'utf-16be'
  return null
}

function decode(bytes: Uint8Array, encoding: TextEncoding, fatal: boolean): string {
  return new TextDecoder(encoding, { fatal, ignoreBOM: true }).decode(bytes)
}

/**
 * Decodes a text file. Strict UTF-8 first, since GB18030 would also "decode" UTF-8 bytes
 * into nonsense; a file that is neither is not text at all.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decode(bytes.subarray(3), 'utf-8', false), encoding: 'utf-8', bom: true }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode(bytes.subarray(2), 'utf-16le', false), encoding: 'utf-16le', bom: true }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode(bytes.subarray(2), 'utf-16be', false), encoding: 'utf-16be', bom: true }
  const utf16 = guessUtf16(bytes)
  if (utf16) return { text: decode(bytes, utf16, false), encoding: utf16, bom: false }
  try {
    return { text: decode(bytes, 'utf-8', true), encoding: 'utf-8', bom: false }
  } catch {
    try {
      return { text: decode(bytes, 'gb18030', true), encoding: 'gb18030', bom: false }
    } catch {
      throw new ImportError('not-a-spreadsheet', 'neither UTF-8 nor GB18030 text')
    }
  }
}

/**
 * Binary data that happened to decode (GB18030 accepts many byte pairs) still shows as
 * control characters; a text table has almost none besides tab and line ends.
 */
export function looksLikeText(text: string): boolean {
  const sample = text.slice(0, 65536)
  if (!sample) return true
  let control = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff)) control++
  }
  return control <= sample.length * 0.01
}
