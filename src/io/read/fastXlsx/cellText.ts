// A cell's value to the text SheetJS shows for it (safe_format, then sheetjs.ts's cellText), with SheetJS's own SSF.
import * as XLSX from '@e965/xlsx'
import { zhCnDateCode } from '../dateFormats'
import { trimCellText } from '../rawSheet'

/** SheetJS's implicit formats for built-in ids missing from its table (SSFImplicit, not exported). */
const IMPLICIT: Record<number, string> = {
  5: '"$"#,##0_);\\("$"#,##0\\)', 6: '"$"#,##0_);[Red]\\("$"#,##0\\)', 7: '"$"#,##0.00_);\\("$"#,##0.00\\)',
  8: '"$"#,##0.00_);[Red]\\("$"#,##0.00\\)', 23: 'General', 24: 'General', 25: 'General', 26: 'General',
  27: 'm/d/yy', 28: 'm/d/yy', 29: 'm/d/yy', 30: 'm/d/yy', 31: 'm/d/yy', 32: 'h:mm:ss', 33: 'h:mm:ss',
  34: 'h:mm:ss', 35: 'h:mm:ss', 36: 'm/d/yy', 41: '_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)',
  42: '_("$"* #,##0_);_("$"* (#,##0);_("$"* "-"_);_(@_)', 43: '_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)',
  44: '_("$"* #,##0.00_);_("$"* (#,##0.00);_("$"* "-"??_);_(@_)', 50: 'm/d/yy', 51: 'm/d/yy', 52: 'm/d/yy',
  53: 'm/d/yy', 54: 'm/d/yy', 55: 'm/d/yy', 56: 'm/d/yy', 57: 'm/d/yy', 58: 'm/d/yy', 59: '0', 60: '0.00',
  61: '#,##0', 62: '#,##0.00', 63: '"$"#,##0_);\\("$"#,##0\\)', 64: '"$"#,##0_);[Red]\\("$"#,##0\\)',
  65: '"$"#,##0.00_);\\("$"#,##0.00\\)', 66: '"$"#,##0.00_);[Red]\\("$"#,##0.00\\)', 67: '0%', 68: '0.00%',
  69: '# ?/?', 70: '# ??/??', 71: 'm/d/yy', 72: 'm/d/yy', 73: 'd-mmm-yy', 74: 'd-mmm', 75: 'mmm-yy',
  76: 'h:mm', 77: 'h:mm:ss', 78: 'm/d/yy h:mm', 79: 'mm:ss', 80: '[h]:mm:ss', 81: 'mmss.0',
}

/** The format code SheetJS uses for a numFmtId (the workbook's own, its table, the implicit one); 14 and 22 zh-CN. */
export function formatCode(id: number, custom: ReadonlyMap<number, string>): string {
  const table = XLSX.SSF.get_table() as Record<number, string | undefined>
  const own = custom.get(id) ?? table[id]
  // SheetJS draws the implicit ids (East Asian dates among them) without a format code on the
  // cell, so the zh-CN form is taken for the table's and the workbook's own codes only.
  return own !== undefined ? zhCnDateCode(own) : IMPLICIT[id] ?? 'General'
}

export type CellValue = number | string | boolean | undefined

/**
 * What sheetjs.ts shows for a cell of type `t` ('n' | 's' | 'b' | 'e') and value `v`: SheetJS's
 * formatted text `w`, else the fallbacks of its cellText. `error` is the error cell's own text.
 */
export function showCell(t: string, v: CellValue, fmtId: number, fmt: string, date1904: boolean): string {
  // Most cells: text under the General format, which SheetJS shows unchanged.
  if (typeof v === 'string' && t === 's' && (fmtId === 0 || fmt === 'General')) return trimCellText(v)
  let w: string | undefined
  try {
    if (t === 'e') w = v as string | undefined
    else if (fmtId === 0) w = v === undefined ? undefined : XLSX.SSF.format(0, v)
    else w = XLSX.SSF.format(fmt, v as number, { date1904 })
  } catch {
    w = undefined
  }
  if (typeof w === 'string') return trimCellText(w)
  if (v == null) return ''
  if (t === 'n') {
    try { return trimCellText(XLSX.SSF.format('General', v as number)) } catch { return String(v) }
  }
  if (t === 'b') return v ? 'TRUE' : 'FALSE'
  return trimCellText(String(v))
}
