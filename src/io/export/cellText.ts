// Making cell text safe to write: no formula can be smuggled in, no character a file format cannot hold.

/** Excel's limit for one .xlsx cell; longer text makes Excel refuse the whole file. CSV and .ods have none. */
export const XLSX_MAX_CELL_CHARS = 32767

/**
 * Text that a spreadsheet may read as a formula or DDE call when it is opened or
 * re-saved (OWASP "CSV injection"): a leading =, +, -, @, tab or carriage return. A cell that
 * reads as a plain number (`-0.5`, `+3`, `-5%`, `+86 138…` as a phone number, `-1,200`) holds no
 * formula: a spreadsheet takes it as that number, so it keeps its form and gets no visible `'`.
 */
export function isFormulaLike(text: string): boolean {
  if (!/^[=+\-@\t\r]/.test(text)) return false
  return !PLAIN_NUMBER.test(text.trim())
}

/**
 * A signed number (thousands separators, decimals, a percent sign), maybe followed by words with
 * no operator, bracket or reference in them (`+3 项`), or a phone number (`+86 138…`, `+0570-…`).
 */
const PLAIN_NUMBER = /^[+-](?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?(?:\s+[^=+\-*/^()!|@<>&:$\d][^=+\-*/^()!|@<>&:$]*)?$|^\+\d{1,3}[ -]?\d{2,4}(?:[ -]?\d{2,8}){1,3}$/

/**
 * Line breaks become `\n`, and control characters that XML 1.0 (xlsx, ods) cannot
 * carry are dropped, since one of them would make the whole file unreadable.
 */
export function cleanCellText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g, '')
}

/** One CSV field per RFC 4180, with OWASP's defence: formula-like text gets a leading `'` and is quoted. */
export function csvField(raw: string): string {
  const injected = isFormulaLike(raw)
  let text = cleanCellText(raw)
  if (injected) text = `'${text}`
  if (injected || /[",\n\r]/.test(text)) return `"${text.replace(/"/g, '""')}"`
  return text
}

/** Cells of the 序号 column that are plain whole numbers are written as numbers, as a clerk types them. */
export function asSeqNumber(text: string): number | null {
  return /^[1-9]\d{0,8}$/.test(text) ? Number(text) : null
}
