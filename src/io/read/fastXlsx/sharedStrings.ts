// sharedStrings.xml to texts, as SheetJS's parse_si reads them (plain `<t>`, rich runs without phonetic runs).
import { Unrecognised } from './unzip'
import { unescapeXml } from './xmlText'

const PLAIN = /^\s*<(?:\w+:)?t[^>]*>/
const RUN = /<(?:\w+:)?r\b[^<>]*>/
const RUN_TEXT = /<(?:\w+:)?t\b[^<>]*>([^<]*)<\/(?:\w+:)?t>/g
const PHONETIC = /<(?:\w+:)?rPh\b[^<>]*>[\s\S]*?<\/(?:\w+:)?rPh>/g
const TEXT_END = /<\/(?:\w+:)?t>/

/** A string item's text (`<si>` content or an inline `<is>`), or undefined when it has neither form. */
export function itemText(x: string): string | undefined {
  if (!x) return ''
  if (PLAIN.test(x)) {
    const body = x.slice(x.indexOf('>') + 1)
    const end = body.search(TEXT_END)
    return unescapeXml(end < 0 ? body : body.slice(0, end), true)
  }
  if (RUN.test(x)) {
    const runs = x.includes('rPh') ? x.replace(PHONETIC, '') : x
    let text = ''
    for (const m of runs.matchAll(RUN_TEXT)) text += m[1]
    return unescapeXml(text, true)
  }
  return undefined
}

/** Finds `<si>` / `</si>` (any prefix) by indexOf: linear in the file, whatever it holds. */
export function readSharedStrings(xml: string): (string | undefined)[] {
  const out: (string | undefined)[] = []
  const open = xml.match(/<(\w+:)?sst\b/)
  if (!open) return out
  const prefix = open[1] ?? ''
  const start = `<${prefix}si>`
  const end = `</${prefix}si>`
  if (xml.includes(`<${prefix}si `) || xml.includes('sstItem')) throw new Unrecognised('si attributes')
  let pos = 0
  for (;;) {
    const a = xml.indexOf(start, pos)
    if (a < 0) break
    const b = xml.indexOf(end, a)
    if (b < 0) throw new Unrecognised('unclosed si')
    const body = xml.slice(a + start.length, b)
    if (body.includes(start)) throw new Unrecognised('nested si')
    out.push(itemText(body.trim()))
    pos = b + end.length
  }
  return out
}
