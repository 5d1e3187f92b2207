// Row heights from text metrics: AG Grid's autoHeight measures the DOM and takes seconds on
// thousands of long-text rows (ag-grid#3626), so heights are estimated from character widths.

export const LINE_HEIGHT = 20
const CELL_PADDING_X = 18          // left + right padding and border of a cell
const CELL_PADDING_Y = 10
export const MIN_ROW_HEIGHT = 34
const MAX_LINES = 40               // a cell taller than this scrolls inside the large editor

/** Advances of a wide (CJK) and a narrow character in the grid's font; calibrated once in the page. */
let wide = 13
let narrow = 7.2

/** Measures the real font once (canvas text metrics are cheap and need no layout). */
export function calibrateCharWidths(font: string): void {
  if (typeof document === 'undefined') return
  const ctx = document.createElement('canvas').getContext('2d')
  if (!ctx) return
  ctx.font = font
  const w = ctx.measureText('进度安排完成情况').width / 8
  const n = ctx.measureText('abcdefghij0123456789').width / 20
  if (w > 4 && w < 40) wide = w
  if (n > 2 && n < 30) narrow = n
}

function charWidth(code: number): number {
  if (code >= 0x2e80 && code <= 0x9fff) return wide    // CJK ideographs and punctuation
  if (code >= 0xff00 && code <= 0xffef) return wide    // full-width forms
  if (code >= 0x2460 && code <= 0x24ff) return wide    // ①②③
  if (code >= 0xac00 && code <= 0xd7af) return wide
  return narrow
}

/** The number of wrapped lines `text` takes in a column `widthPx` wide. */
export function countLines(text: string, widthPx: number): number {
  if (!text) return 1
  const usable = Math.max(20, widthPx - CELL_PADDING_X)
  let lines = 0
  let lineWidth = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 10) { lines++; lineWidth = 0; continue }
    const w = charWidth(code)
    if (lineWidth + w > usable) { lines++; lineWidth = w } else lineWidth += w
  }
  return Math.min(MAX_LINES, lines + 1)
}

export function rowHeightFor(texts: readonly { text: string; width: number }[]): number {
  let lines = 1
  for (const { text, width } of texts) lines = Math.max(lines, countLines(text, width))
  return Math.max(MIN_ROW_HEIGHT, lines * LINE_HEIGHT + CELL_PADDING_Y)
}
