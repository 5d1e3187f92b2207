// The package around the sheets: which part is the workbook, its sheets through its relationships, styles, date1904.
import { formatCode } from './cellText'
import type { SheetStyles } from './sheet'
import { Unrecognised, type ZipReader } from './unzip'
import { attr, refuseMarkup, unescapeXml } from './xmlText'

const REL_DOC = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument'
const REL_SHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet'

/** An XML part as text, or null when the zip lacks it. */
export async function readXml(zip: ZipReader, path: string): Promise<string | null> {
  const text = await zip.readText(path)
  if (text === null) return null
  refuseMarkup(text)
  return text
}

/** Start tags `<name …>` (any prefix) of a small part, in order. */
function tags(xml: string, name: string): string[] {
  return xml.match(new RegExp(`<(?:\\w+:)?${name}\\b[^<>]*>`, 'g')) ?? []
}

function relationships(xml: string): Map<string, { type: string; target: string }> {
  const rels = new Map<string, { type: string; target: string }>()
  for (const tag of tags(xml, 'Relationship')) {
    const id = attr(tag, 'Id')
    const type = attr(tag, 'Type')
    const target = attr(tag, 'Target')
    if (!id || !type || !target || attr(tag, 'TargetMode') === 'External') throw new Unrecognised('relationship')
    rels.set(id, { type, target: unescapeXml(target) })
  }
  return rels
}

export interface SheetPart { name: string; path: string }
export interface WorkbookParts { sheets: SheetPart[]; styles: SheetStyles; sharedStrings: string | null }

/** Only the plain layout Excel, WPS and SheetJS write: `xl/workbook.xml` and parts beside it. */
export async function readWorkbookParts(zip: ZipReader): Promise<WorkbookParts> {
  const root = await readXml(zip, '_rels/.rels')
  if (!root) throw new Unrecognised('no _rels/.rels')
  const doc = [...relationships(root).values()].filter((r) => r.type === REL_DOC)
  if (doc.length !== 1 || doc[0]!.target.replace(/^\//, '') !== 'xl/workbook.xml') throw new Unrecognised('workbook part')
  const wb = await readXml(zip, 'xl/workbook.xml')
  const wbRelsXml = await readXml(zip, 'xl/_rels/workbook.xml.rels')
  if (!wb || !wbRelsXml) throw new Unrecognised('workbook or its relationships missing')
  const rels = relationships(wbRelsXml)
  const sheets: SheetPart[] = []
  for (const tag of tags(wb, 'sheet')) {
    const name = attr(tag, 'name')
    const id = attr(tag, 'r:id')
    const rel = id ? rels.get(id) : undefined
    if (name == null || !rel || rel.type !== REL_SHEET) throw new Unrecognised('sheet relationship')
    const path = rel.target.startsWith('/') ? rel.target.slice(1) : `xl/${rel.target}`
    if (!/^xl\/[\w./-]+\.xml$/.test(path) || path.includes('..') || !zip.has(path)) throw new Unrecognised(`sheet part ${path}`)
    sheets.push({ name: unescapeXml(name), path })
  }
  if (!sheets.length) throw new Unrecognised('no sheets')
  const pr = tags(wb, 'workbookPr')[0]
  const flag = pr ? attr(pr, 'date1904') : undefined
  const date1904 = flag === '1' || flag === 'true'
  let sharedStrings: string | null = null
  const sst = [...rels.values()].filter((r) => r.type.endsWith('/sharedStrings'))
  if (sst.length > 1) throw new Unrecognised('several string tables')
  if (sst.length) {
    if (sst[0]!.target.replace(/^\/?(xl\/)?/, '') !== 'sharedStrings.xml') throw new Unrecognised('string table part')
    sharedStrings = await readXml(zip, 'xl/sharedStrings.xml')
  }
  return { sheets, styles: readStyles(await readXml(zip, 'xl/styles.xml'), date1904), sharedStrings }
}

/** numFmts and cellXfs of styles.xml, as SheetJS's parse_sty keeps them. */
function readStyles(xml: string | null, date1904: boolean): SheetStyles {
  const codes = new Map<number, string>()
  if (!xml) return { xfFormats: undefined, codes, date1904 }
  const custom = new Map<number, string>()
  for (const tag of tags(xml, 'numFmt')) {
    const id = parseInt(attr(tag, 'numFmtId') ?? '', 10)
    const code = attr(tag, 'formatCode')
    if (!(id >= 0) || id > 0x188 || code == null) throw new Unrecognised('numFmt')
    custom.set(id, unescapeXml(code))
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^<>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)
  if (!xfs) return { xfFormats: undefined, codes, date1904 }
  const xfFormats: number[] = []
  for (const tag of tags(xfs[1]!, 'xf')) {
    const id = parseInt(attr(tag, 'numFmtId') ?? '0', 10) || 0
    xfFormats.push(id)
    if (id !== 0 && !codes.has(id)) codes.set(id, formatCode(id, custom))
  }
  return { xfFormats, codes, date1904 }
}
