// Bad input: every refusal carries its code and a message a clerk can act on, in zh-CN and English.
import { readFileSync } from 'node:fs'
import * as XLSX from '@e965/xlsx'
import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { hasFilePass, listZipEntries } from '../../src/io/read/container'
import { ImportError, type ImportErrorCode } from '../../src/io/read/errors'
import { readWorkbook } from '../../src/io/read/readWorkbook'
import { formatMessage } from '../../src/i18n/format'
import { importErrorText } from '../../src/i18n/importErrorText'
import { importZh } from '../../src/i18n/importMessages'
import { importEn } from '../../src/i18n/importMessagesEn'

async function codeOf(bytes: Uint8Array, fileName = 'file.xlsx'): Promise<ImportErrorCode> {
  try {
    await readWorkbook(bytes, fileName)
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError)
    const error = e as ImportError
    expect(error.message).toMatch(/[\u4e00-\u9fff]/)
    expect(error.messageEn.length).toBeGreaterThan(10)
    return error.code
  }
  throw new Error('expected an ImportError')
}

/** Deterministic noise (a linear congruential generator), so a failure can be reproduced. */
function randomBytes(n: number, seed = 42): Uint8Array {
  const out = new Uint8Array(n)
  let x = seed
  for (let i = 0; i < n; i++) { x = (x * 1103515245 + 12345) >>> 0; out[i] = x >>> 24 }
  return out
}

function cfbWith(streams: Record<string, Uint8Array>): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new()
  for (const [name, content] of Object.entries(streams)) XLSX.CFB.utils.cfb_add(cfb, name, content)
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayLike<number> as number[])
}

/** A BIFF8 record: type, length, payload (little-endian). */
function record(type: number, payload: number[]): number[] {
  return [type & 0xff, type >> 8, payload.length & 0xff, payload.length >> 8, ...payload]
}

const kaihuaXlsx = new Uint8Array(readFileSync('test/fixtures/kaihua-2023-q1.xlsx'))

describe('bad input', () => {
  it('an empty file is empty', async () => {
    expect(await codeOf(new Uint8Array(0))).toBe('empty')
    expect(await codeOf(new TextEncoder().encode(' \r\n\t\r\n'), 'blank.csv')).toBe('empty')
    expect(await codeOf(new TextEncoder().encode(',,,\r\n,,\r\n'), 'commas.csv')).toBe('empty')
  })

  it('random bytes are not a spreadsheet', async () => {
    expect(await codeOf(randomBytes(4096), 'random.xlsx')).toBe('not-a-spreadsheet')
    expect(await codeOf(randomBytes(50, 7), 'random.csv')).toBe('not-a-spreadsheet')
  })

  it('a PDF, an image or a Word document is named as such', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n')
    expect(await codeOf(pdf, 'list.xlsx')).toBe('not-a-spreadsheet')
    await expect(readWorkbook(pdf, 'list.xlsx')).rejects.toThrow(/PDF/)
    const docx = zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'word/document.xml': new TextEncoder().encode('<w:document/>') })
    await expect(readWorkbook(docx, 'list.docx')).rejects.toThrow(/Word/)
    expect(await codeOf(cfbWith({ WordDocument: new Uint8Array(64) }), 'list.doc')).toBe('not-a-spreadsheet')
  })

  it('a truncated xlsx (download cut short) is corrupt', async () => {
    expect(await codeOf(kaihuaXlsx.slice(0, Math.floor(kaihuaXlsx.length / 2)))).toBe('corrupt')
    expect(await codeOf(kaihuaXlsx.slice(0, 100))).toBe('corrupt')
  })

  it('a zip whose workbook part is garbage is corrupt', async () => {
    const zip = zipSync({
      '[Content_Types].xml': new TextEncoder().encode('<Types>'),
      'xl/workbook.xml': randomBytes(300),
    })
    expect(await codeOf(zip)).toBe('corrupt')
  })

  it('a damaged compound file (xls) is corrupt', async () => {
    const bytes = new Uint8Array(2048)
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    bytes.set(randomBytes(2000), 8)
    expect(await codeOf(bytes, 'old.xls')).toBe('corrupt')
  })

  it('an encrypted xlsx (CFB with EncryptionInfo) is encrypted', async () => {
    const bytes = cfbWith({ EncryptionInfo: Uint8Array.from([4, 0, 4, 0, 0x40, 0, 0, 0]), EncryptedPackage: randomBytes(512) })
    expect(await codeOf(bytes, 'secret.xlsx')).toBe('encrypted')
    await expect(readWorkbook(bytes, 'secret.xlsx')).rejects.toThrow(/密码/)
  })

  it('an xls with a FILEPASS record is encrypted', async () => {
    const bof = record(0x0809, [0x00, 0x06, 0x05, 0x00, ...Array<number>(12).fill(0)])
    const workbook = Uint8Array.from([...bof, ...record(0x002f, [0x01, 0x00, ...Array<number>(52).fill(0)]), ...record(0x000a, [])])
    expect(hasFilePass(workbook)).toBe(true)
    expect(await codeOf(cfbWith({ Workbook: workbook }), 'secret.xls')).toBe('encrypted')
    // The same stream without FILEPASS is not flagged.
    expect(hasFilePass(Uint8Array.from([...bof, ...record(0x000a, [])]))).toBe(false)
  })

  it('a zip bomb (one large zero-filled entry) is refused before unpacking', async () => {
    const zeros = new Uint8Array(64 * 1024 * 1024)
    const bomb = zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'xl/workbook.xml': zeros }, { level: 9 })
    expect(bomb.length).toBeLessThan(1024 * 1024)
    expect(await codeOf(bomb)).toBe('zip-bomb')
  })

  it('a zip declaring more than 500 MB unpacked is refused without unpacking', async () => {
    const zip = zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'xl/workbook.xml': new TextEncoder().encode('<workbook/>') }, { level: 0 })
    // Patch the central directory's uncompressed sizes: a lie SheetJS would only find out by inflating.
    const patched = zip.slice()
    const view = new DataView(patched.buffer)
    for (let p = 0; p + 4 <= patched.length; p++) {
      if (view.getUint32(p, true) === 0x02014b50) { view.setUint32(p + 24, 300 * 1024 * 1024, true); view.setUint32(p + 20, 300 * 1024 * 1024, true) }
    }
    expect(listZipEntries(patched).map((e) => e.uncompressed)).toEqual([300 * 1024 * 1024, 300 * 1024 * 1024])
    expect(await codeOf(patched)).toBe('zip-bomb')
  })

  it('a file over 100 MB is too large, and the message says the limit', async () => {
    const big = new Uint8Array(100 * 1024 * 1024 + 1)
    expect(await codeOf(big)).toBe('too-large')
    await expect(readWorkbook(big, 'big.xlsx')).rejects.toThrow(/100 MB/)
  })

  it('an Apple Numbers file is unsupported', async () => {
    const numbers = zipSync({ 'Index/Document.iwa': randomBytes(100) })
    expect(await codeOf(numbers, 'list.numbers')).toBe('unsupported')
  })

  it('a web page without a table is not a spreadsheet', async () => {
    expect(await codeOf(new TextEncoder().encode('<html><body><p>通知</p></body></html>'), 'page.html')).toBe('not-a-spreadsheet')
  })
})

describe('one set of words for a refusal', () => {
  it('ImportError\'s message is the sentence the page composes from the same code and figures', async () => {
    const caught = await readWorkbook(new TextEncoder().encode('%PDF-1.7\n1 0 obj\n'), 'list.xlsx').then(() => null, (e: unknown) => e)
    expect(caught).toBeInstanceOf(ImportError)
    const error = caught as ImportError
    expect(error.failure).toMatchObject({ code: 'not-a-spreadsheet', what: 'pdf', params: { maxFileMb: 100 } })
    const zh = importErrorText(error.failure, (key, params) => formatMessage(importZh[key], params))
    const en = importErrorText(error.failure, (key, params) => formatMessage(importEn[key], params))
    expect(error.message).toBe(zh)
    expect(error.messageEn).toBe(en)
    expect(zh).toBe('这个文件是PDF 文件，不是表格。请选择 Excel（.xlsx/.xls）、WPS（.et）、ODS、CSV 或文本表格文件。')
  })
})
