// The import's budget, in one place: every reader (SheetJS, the fast .xlsx reader, HTML, CSV) checks these
// while it reads, so a small hostile file answers in moments instead of freezing the tab or eating gigabytes.

/** Files larger than this are refused before reading: a browser tab would run out of memory. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024
/** All of a zip's entries together may unpack to this much; counted while inflating, not taken from the header. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024
/** An entry (over 1 MB) that unpacks to more than this many times its packed size is a zip bomb. */
export const MAX_ENTRY_RATIO = 200
/** Cells of one sheet (rows × columns of its used area); a large task list has some 200,000. */
export const MAX_CELLS = 2_000_000
/** Columns of one sheet's used area; task lists have a dozen, wide statistical forms a few hundred. */
export const MAX_COLUMNS = 1024
/** Rows of one sheet's used area. */
export const MAX_ROWS = 200_000
/** The largest rowspan / colspan an HTML cell may claim (browsers cap colspan at 1000, rowspan at 65534). */
export const MAX_HTML_ROWSPAN = 1000
export const MAX_HTML_COLSPAN = 200
/** The page stops a reading worker after this long and says so (the worker cannot be interrupted otherwise). */
export const READ_TIME_LIMIT_MS = 60_000

/** Why a read was refused by the budget; each is an ImportErrorCode. */
export const LIMIT_CODES = ['too-large', 'zip-bomb', 'too-many-cells', 'too-many-columns', 'too-many-rows', 'timeout'] as const
export type LimitCode = typeof LIMIT_CODES[number]
