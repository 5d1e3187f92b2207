// XML text as SheetJS decodes it: the five entities, numeric references, `_xHHHH_` escapes, CRLF → LF.
import { Unrecognised } from './unzip'

const ENTITIES: Record<string, string> = { '&quot;': '"', '&apos;': "'", '&gt;': '>', '&lt;': '<', '&amp;': '&' }
const ENTITY = /&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/gi
const CODE = /_x([\da-fA-F]{4})_/gi
const ESCAPED = /[&_\r]/

/** SheetJS's unescapexml; `xlsx` also turns CRLF into LF as it does for cell text. */
export function unescapeXml(text: string, xlsx = false): string {
  // Nearly every cell holds none of the three: one scan instead of four.
  if (!ESCAPED.test(text)) return text
  let out = text
  if (out.includes('&')) {
    out = out.replace(ENTITY, (all: string, code?: string) =>
      ENTITIES[all] ?? (String.fromCharCode(parseInt(code!, all.includes('x') ? 16 : 10)) || all))
  }
  if (out.includes('_x') || out.includes('_X')) out = out.replace(CODE, (_m, c: string) => String.fromCharCode(parseInt(c, 16)))
  return xlsx && out.includes('\r\n') ? out.replace(/\r\n/g, '\n') : out
}

/** One attribute of an element's start tag (the text from `<` to `>`), undecoded; undefined when absent. */
export function attr(tag: string, name: string): string | undefined {
  let from = 0
  for (;;) {
    const i = tag.indexOf(name + '=', from)
    if (i < 0) return undefined
    const before = tag.charCodeAt(i - 1)
    // A whole attribute name (`r=`, not `ref=`); a prefixed one (`x:r=`) is not ours.
    if (before === 0x20 || before === 0x09 || before === 0x0a || before === 0x0d) {
      const q = tag[i + name.length + 1]
      if (q !== '"' && q !== "'") throw new Unrecognised('attribute quoting')
      const end = tag.indexOf(q, i + name.length + 2)
      if (end < 0) throw new Unrecognised('attribute')
      return tag.slice(i + name.length + 2, end)
    }
    from = i + 1
  }
}

/** Where the tag name starting at `at` (just after `<` or `</`) ends. */
export function nameEnd(xml: string, at: number): number {
  let j = at
  for (;;) {
    const c = xml.charCodeAt(j)
    if (c === 0x20 || c === 0x3e || c === 0x2f || c === 0x09 || c === 0x0a || c === 0x0d || Number.isNaN(c)) return j
    j++
  }
}

/** The local name (no namespace prefix) of the tag name xml[from, to). */
export function localName(xml: string, from: number, to: number): string {
  const name = xml.slice(from, to)
  const colon = name.indexOf(':')
  return colon < 0 ? name : name.slice(colon + 1)
}

/** Text SheetJS would not read the way we do (CDATA, DOCTYPE entities): leave it to SheetJS. */
export function refuseMarkup(xml: string): void {
  // One scan for `<!` (a sheet of several megabytes usually has none), then a look at each.
  for (let at = xml.indexOf('<!'); at >= 0; at = xml.indexOf('<!', at + 2)) {
    if (xml.startsWith('[CDATA[', at + 2) || xml.startsWith('DOCTYPE', at + 2) || xml.startsWith('ENTITY', at + 2)) throw new Unrecognised('cdata/doctype')
  }
  if (xml.includes('http://purl.oclc.org/ooxml/')) throw new Unrecognised('strict OOXML')
}
