// Generated workbooks for the fast .xlsx reader's differential tests: SheetJS and ExcelJS writers, plus XML variants.
import * as XLSX from '@e965/xlsx'
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'

const UNITS = ['a', 'Z', '0', ' ', '工', '作', '进', '展', '①', '。', '，', '\u3000', '\u00a0', '&', '<', '>', '"', "'",
  '\n', '\r\n', '\t', '\u0001', '\u001f', '_x000D_', '_x0041_', '😀', 'é', ';', '%']
export const text = fc.array(fc.constantFrom(...UNITS), { maxLength: 12 }).map((a) => a.join(''))
const FORMATS = ['General', '0', '0.00', '#,##0.00', '0%', '0.00%', 'yyyy-mm-dd', 'm/d/yy', 'yyyy"年"m"月"d"日"', '@',
  'h:mm:ss', '0.00E+00', '# ?/?', 'mmm-yy', '[h]:mm', '"¥"#,##0.00;[Red]-"¥"#,##0.00']
const value = fc.oneof(
  { arbitrary: text.map((v) => ({ kind: 's' as const, v })), weight: 5 },
  { arbitrary: fc.tuple(fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.double({ min: -1e12, max: 1e12, noNaN: true })), fc.constantFrom(...FORMATS)).map(([v, z]) => ({ kind: 'n' as const, v, z })), weight: 3 },
  { arbitrary: fc.tuple(fc.double({ min: 1, max: 80000, noNaN: true }), fc.constantFrom('yyyy-mm-dd', 'm/d/yy h:mm', 'yyyy"年"m"月"d"日"')).map(([v, z]) => ({ kind: 'n' as const, v, z })), weight: 1 },
  { arbitrary: fc.boolean().map((v) => ({ kind: 'b' as const, v })), weight: 1 },
  { arbitrary: fc.constantFrom('#N/A', '#DIV/0!', '#VALUE!').map((v) => ({ kind: 'e' as const, v })), weight: 1 },
)
export type GenValue = typeof value extends fc.Arbitrary<infer T> ? T : never
// Far cells are rare: SheetJS's writer walks the whole range, so a far cell in every book would be slow.
const far = <T>(near: fc.Arbitrary<T>, distant: fc.Arbitrary<T>) => fc.oneof({ arbitrary: near, weight: 12 }, { arbitrary: distant, weight: 1 })
const cell = fc.record({ r: far(fc.nat(30), fc.nat(1500)), c: far(fc.nat(8), fc.nat(60)), value })
const merge = fc.record({ r: fc.nat(30), c: fc.nat(8), h: fc.nat(3), w: fc.nat(3) })
export const workbookSpec = fc.record({
  sheets: fc.array(fc.record({ cells: fc.array(cell, { maxLength: 40 }), merges: fc.array(merge, { maxLength: 3 }) }), { minLength: 1, maxLength: 2 }),
  date1904: fc.boolean(),
  writer: fc.constantFrom('sheetjs', 'sheetjs-sst', 'exceljs'),
  variant: fc.constantFrom('plain', 'inline', 'prefixed'),
})
export type WorkbookSpec = typeof workbookSpec extends fc.Arbitrary<infer T> ? T : never

/** Drops overlapping merges (writers reject or repair them differently). */
function mergesOf(list: WorkbookSpec['sheets'][number]['merges']): { s: { r: number; c: number }; e: { r: number; c: number } }[] {
  const out: { s: { r: number; c: number }; e: { r: number; c: number } }[] = []
  for (const m of list) {
    const e = { r: m.r + m.h, c: m.c + m.w + (m.h === 0 ? 1 : 0) }
    if (out.some((o) => !(e.r < o.s.r || m.r > o.e.r || e.c < o.s.c || m.c > o.e.c))) continue
    out.push({ s: { r: m.r, c: m.c }, e })
  }
  return out
}

function writeSheetjs(spec: WorkbookSpec): Uint8Array {
  const wb = XLSX.utils.book_new()
  spec.sheets.forEach((s, i) => {
    const ws: XLSX.WorkSheet = {}
    let maxR = 0; let maxC = 0
    for (const { r, c, value: v } of s.cells) {
      const ref = XLSX.utils.encode_cell({ r, c })
      ws[ref] = v.kind === 'e' ? { t: 'e', v: ({ '#N/A': 0x2a, '#DIV/0!': 0x07, '#VALUE!': 0x0f } as Record<string, number>)[v.v]!, w: v.v }
        : v.kind === 'n' ? { t: 'n', v: v.v, z: v.z } : { t: v.kind, v: v.v } as XLSX.CellObject
      maxR = Math.max(maxR, r); maxC = Math.max(maxC, c)
    }
    ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: maxR, c: maxC } })
    ws['!merges'] = mergesOf(s.merges)
    XLSX.utils.book_append_sheet(wb, ws, `表${i + 1}&<`)
  })
  wb.Workbook = { WBProps: { date1904: spec.date1904 } }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', bookSST: spec.writer === 'sheetjs-sst', compression: true }) as ArrayBuffer)
}

async function writeExceljs(spec: WorkbookSpec): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  wb.properties.date1904 = spec.date1904
  spec.sheets.forEach((s, i) => {
    const ws = wb.addWorksheet(`表${i + 1}`)
    for (const { r, c, value: v } of s.cells) {
      const target = ws.getCell(r + 1, c + 1)
      if (v.kind === 's') target.value = r % 3 === 0 && v.v ? { richText: [{ text: v.v.slice(0, 2), font: { bold: true } }, { text: v.v.slice(2) }] } : v.v
      else if (v.kind === 'n') { target.value = v.v; target.numFmt = v.z }
      else if (v.kind === 'b') target.value = v.v
      else target.value = { error: v.v } as ExcelJS.CellErrorValue
    }
    for (const m of mergesOf(s.merges)) ws.mergeCells(m.s.r + 1, m.s.c + 1, m.e.r + 1, m.e.c + 1)
  })
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

/** Rewrites the sheets' XML: `t="str"` cells as inline strings, or every element with a namespace prefix. */
function rewrite(bytes: Uint8Array, variant: WorkbookSpec['variant']): Uint8Array {
  if (variant === 'plain') return bytes
  const files = unzipSync(bytes)
  for (const name of Object.keys(files)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue
    let xml = strFromU8(files[name]!)
    if (variant === 'inline') xml = xml.replace(/t="str"><v>([^<]*)<\/v>/g, 't="inlineStr"><is><t xml:space="preserve">$1</t></is>')
    else xml = xml.replace(/<(\/?)(?!\?)([A-Za-z]+)([\s>/])/g, '<$1x:$2$3').replace(/xmlns="/, 'xmlns:x="')
    files[name] = strToU8(xml)
  }
  return zipSync(files)
}

export async function writeWorkbook(spec: WorkbookSpec): Promise<Uint8Array> {
  const bytes = spec.writer === 'exceljs' ? await writeExceljs(spec) : writeSheetjs(spec)
  return rewrite(bytes, spec.variant)
}
