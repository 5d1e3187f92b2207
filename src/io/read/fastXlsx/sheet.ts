// One worksheet's XML to cell texts and merges, in one left-to-right pass of indexOf (never quadratic).
import type { CellMerge } from '../rawSheet'
import { UsedArea } from '../usedArea'
import { showCell, type CellValue } from './cellText'
import { EXCEL_COLUMNS, EXCEL_ROWS } from './limits'
import { itemText } from './sharedStrings'
import { Unrecognised } from './unzip'
import { attr, localName, nameEnd, unescapeXml } from './xmlText'

export interface SheetStyles {
  /** numFmtId per cellXfs index; undefined when styles.xml has no cellXfs (SheetJS then formats nothing). */
  xfFormats: number[] | undefined
  /** Format code per numFmtId used by the cellXfs. */
  codes: Map<number, string>
  date1904: boolean
}

/** Column index of a reference's letters (`AB12` → 27); SheetJS's decode: stops at the first non-letter. */
function refParts(ref: string): [row: number, col: number] {
  let i = 0
  let col = 0
  for (let ch = ref.charCodeAt(0); ch >= 65 && ch <= 90 && i < 3; ch = ref.charCodeAt(++i)) col = col * 26 + ch - 64
  let row = 0
  const digits = i
  for (let ch = ref.charCodeAt(i); ch >= 48 && ch <= 57; ch = ref.charCodeAt(++i)) row = row * 10 + ch - 48
  // Only plain `A1` references (what SheetJS decodes the same way); anything else is SheetJS's.
  if (digits === 0 || i !== ref.length || i === digits || i - digits > 7 || ref.charCodeAt(digits) === 48) throw new Unrecognised(`cell reference ${ref}`)
  return [row - 1, col - 1]
}

const MERGE = /<(?:\w+:)?mergeCell ref=["']([A-Z0-9:]+)['"]\s*[/]?>/g

function readMerges(tail: string): CellMerge[] {
  const merges: CellMerge[] = []
  for (const m of tail.matchAll(MERGE)) {
    const ends = m[1]!.split(':')
    const [r0, c0] = refParts(ends[0]!)
    const [r1, c1] = refParts(ends[1] ?? ends[0]!)
    merges.push({ r0, c0, r1, c1 })
  }
  return merges
}

/**
 * Reads the grid into the used area (trailing empties never stored, the budget checked per cell);
 * `strings` is the shared string table. Unusual markup throws Unrecognised.
 */
export function readSheet(xml: string, strings: readonly (string | undefined)[], styles: SheetStyles, name: string): { cells: string[][]; merges: CellMerge[] } {
  const open = /<(?:\w+:)?sheetData\b[^<>]*>/.exec(xml)
  const closeRe = /<\/(?:\w+:)?sheetData>/g
  closeRe.lastIndex = open ? open.index + open[0].length : 0
  const close = open ? closeRe.exec(xml) : null
  const area = new UsedArea(name)
  if (!open || !close) return { cells: area.cells, merges: area.merges(readMerges(xml)) }
  const end = close.index
  let pos = open.index + open[0].length
  let row = 0 // 1-based number of the current <row>, as SheetJS counts rows without `r`
  let col = -1
  const { xfFormats, codes, date1904 } = styles
  while (pos < end) {
    const lt = xml.indexOf('<', pos)
    if (lt < 0 || lt >= end) break
    const c1 = xml.charCodeAt(lt + 1)
    if (c1 === 0x21) throw new Unrecognised('comment or cdata')
    if (c1 === 0x2f || c1 === 0x3f) { pos = lt + 2; continue }
    const ne = nameEnd(xml, lt + 1)
    const gt = xml.indexOf('>', ne)
    if (gt < 0) throw new Unrecognised('unclosed tag')
    const name = localName(xml, lt + 1, ne)
    const selfClosing = xml.charCodeAt(gt - 1) === 0x2f
    pos = gt + 1
    if (name === 'row') {
      if (selfClosing) continue // SheetJS skips an empty <row/> without counting it
      const r = attr(xml.slice(lt, gt), 'r')
      row = r != null ? parseInt(r, 10) : row + 1
      col = -1
      continue
    }
    if (name !== 'c') continue
    const tag = xml.slice(lt, gt)
    const ref = attr(tag, 'r')
    let r: number
    let c: number
    if (ref != null) [r, c] = refParts(ref)
    else { c = col + 1; r = row - 1 }
    col = c
    if (!(r >= 0) || r >= EXCEL_ROWS || c >= EXCEL_COLUMNS) throw new Unrecognised('cell outside the sheet')
    const t = attr(tag, 't')
    const s = attr(tag, 's')
    // The cell's body: up to its </c> (any prefix), where <v> and <is> are.
    let raw: string | undefined
    let inline: string | undefined
    let hasInline = false
    if (!selfClosing) {
      let q = pos
      for (;;) {
        const l2 = xml.indexOf('<', q)
        if (l2 < 0 || l2 >= end) throw new Unrecognised('unclosed cell')
        const k = xml.charCodeAt(l2 + 1)
        if (k === 0x21) throw new Unrecognised('cdata in cell')
        const closing = k === 0x2f
        const ne2 = nameEnd(xml, l2 + (closing ? 2 : 1))
        const n2 = localName(xml, l2 + (closing ? 2 : 1), ne2)
        const g2 = xml.indexOf('>', ne2)
        if (g2 < 0) throw new Unrecognised('unclosed tag')
        q = g2 + 1
        if (closing) { if (n2 === 'c') break; continue }
        if (xml.charCodeAt(g2 - 1) === 0x2f) continue
        if (n2 === 'v' && raw === undefined) {
          const vEnd = xml.indexOf('<', q)
          if (vEnd < 0 || xml.charCodeAt(vEnd + 1) !== 0x2f) throw new Unrecognised('markup in <v>')
          raw = xml.slice(q, vEnd)
          q = vEnd
        } else if (n2 === 'is' && !hasInline) {
          const isEnd = xml.indexOf(`</${xml.slice(l2 + 1, ne2)}>`, q)
          if (isEnd < 0) throw new Unrecognised('unclosed <is>')
          hasInline = true
          inline = xml.slice(q, isEnd)
          q = isEnd
        } else if (n2 === 'f') {
          // A formula's text never holds `<`; skip to its end so it is not scanned as tags.
          const fEnd = xml.indexOf('<', q)
          if (fEnd < 0) throw new Unrecognised('unclosed <f>')
          q = fEnd
        }
      }
      pos = q
    }
    if (raw === '') raw = undefined
    let type = t ?? 'n'
    let v: CellValue
    if (t == null && raw === undefined) continue
    switch (type) {
      case 'n':
        if (raw === undefined) continue
        v = parseFloat(unescapeXml(raw))
        if (Number.isNaN(v)) throw new Unrecognised('not a number')
        break
      case 's': {
        if (raw === undefined) continue
        const text = strings[parseInt(unescapeXml(raw), 10)]
        if (text === undefined) throw new Unrecognised('shared string index')
        v = text
        break
      }
      case 'str':
        type = 's'
        v = raw != null ? unescapeXml(unescapeXml(raw), true) : ''
        break
      case 'inlineStr':
        type = 's'
        v = hasInline ? itemText(inline!) : ''
        break
      case 'b': {
        const b = raw === undefined ? undefined : unescapeXml(raw)
        v = b === '1' || b === 'true'
        break
      }
      case 'e':
        v = raw === undefined ? undefined : unescapeXml(raw)
        break
      default:
        throw new Unrecognised(`cell type ${type}`)
    }
    let fmtId = 0
    if (xfFormats && s !== undefined) fmtId = xfFormats[parseInt(s, 10)] ?? 0
    const text = showCell(type, v, fmtId, fmtId === 0 ? 'General' : codes.get(fmtId) ?? 'General', date1904)
    area.put(r, c, text)
  }
  return { cells: area.cells, merges: area.merges(readMerges(xml.slice(close.index))) }
}
