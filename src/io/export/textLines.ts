// How many lines a wrapped cell takes as Excel and LibreOffice draw it, so the export can set row
// heights (LibreOffice does not auto-fit wrapped rows on open, and Excel keeps stored heights).
//
// Measured against LibreOffice's PDF of our own exports (test/unit/exportRowHeights.test.ts).
// The cells' 宋体 (or the CJK serif LibreOffice puts in its place) draws a Chinese character
// 11pt = 14.67 px wide. Neither renderer keeps a closing `。` with the character before it when a
// line is full (LibreOffice ignores a word joiner put there): the `。` then takes a line of its
// own, and the row must have room for it.

/**
 * The two ways a column is drawn, in px at 96 dpi. Excel: a column stored as `w` characters is
 * 7w px wide (Calibri's 7 px digit), less its margins and grid line; ASCII in 宋体 is half a
 * Chinese character. LibreOffice (Carlito's 7.44 px digit for
 * the width; a Western fallback font for ASCII in a 宋体 cell where 宋体 is missing): 7.44w − 4 px,
 * ASCII up to 9.3 px. A row gets the lines of the renderer that needs more, so neither clips.
 */
interface Renderer { pxPerUnit: number; paddingPx: number; narrowPx: (ch: string) => number }
const RENDERERS: readonly Renderer[] = [
  { pxPerUnit: 7, paddingPx: 5, narrowPx: () => 7.33 },
  // DejaVu Sans at 11pt, measured in the PDF: capitals up to 0.79em, digits 0.64em, small
  // letters about 0.6em (m 0.97em), stops and spaces 0.32em.
  { pxPerUnit: 7.44, paddingPx: 4, narrowPx: (ch) => (/[A-Z]/.test(ch) ? 11.4 : /[0-9a-z]/.test(ch) ? 9.4 : 4.7) },
]
/** A Chinese (or full-width) character at 11pt, in every renderer. */
const WIDE_PX = 14.67

function isWide(code: number): boolean {
  return code >= 0x2e80 && !(code >= 0xff61 && code <= 0xff9f)
}

/** Display width in Excel character units: CJK and full-width forms take two. */
export function textUnits(text: string): number {
  let units = 0
  for (const ch of text) units += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1
  return units
}

/** Marks that may not start a line (禁则): they take the character before them along. */
const CLOSING = /^[。，、；：！？）】》」』”’…%．]$/u
const ASCII_WORD = /^[A-Za-z0-9.,%@#&_'-]+$/

/**
 * The text cut into pieces no renderer breaks inside: a run of ASCII letters and digits is a
 * word; a closing mark sticks to what comes before it; and an ASCII word right after a closing
 * mark sticks to the mark (LibreOffice keeps `招，370` and `】370` whole). Spaces stand alone.
 */
function unbreakablePieces(text: string): string[] {
  const pieces: string[] = []
  let previous = ''
  for (const token of text.match(/[A-Za-z0-9.,%@#&_'-]+|\s+|[^\sA-Za-z0-9.,%@#&_'-]/gu) ?? []) {
    const glue = pieces.length > 0 && (CLOSING.test(token) || (ASCII_WORD.test(token) && CLOSING.test(previous)))
    if (glue) pieces[pieces.length - 1] += token
    else pieces.push(token)
    previous = token
  }
  return pieces
}

/**
 * Lines of one paragraph (no `\n`) in `usable` px, filled greedily piece by piece as both
 * renderers do; a piece longer than a line is cut character by character.
 */
function paragraphLines(text: string, usable: number, narrowPx: (ch: string) => number): number {
  const widthOf = (ch: string) => (isWide(ch.codePointAt(0) ?? 0) ? WIDE_PX : narrowPx(ch))
  let lines = 1
  let x = 0
  for (const piece of unbreakablePieces(text)) {
    const width = [...piece].reduce((w, ch) => w + widthOf(ch), 0)
    if (/^\s+$/.test(piece) || x + width <= usable) { x += width; continue }
    if (width <= usable) { lines++; x = width; continue }
    for (const ch of piece) {
      const w = widthOf(ch)
      if (x + w > usable && x > 0) { lines++; x = 0 }
      x += w
    }
  }
  return lines
}

/** How many lines a wrapped cell needs in a column `widthChars` wide; explicit `\n` always breaks. */
export function estimateLines(text: string, widthChars: number): number {
  if (!text) return 1
  const paragraphs = text.split('\n').map((line) => line.trimEnd())
  let most = 1
  for (const { pxPerUnit, paddingPx, narrowPx } of RENDERERS) {
    const usable = Math.max(WIDE_PX, widthChars * pxPerUnit - paddingPx)
    let lines = 0
    for (const paragraph of paragraphs) lines += paragraphLines(paragraph, usable, narrowPx)
    most = Math.max(most, lines)
  }
  return most
}
