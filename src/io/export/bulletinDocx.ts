// The bulletin draft as a Word file, printed as such notices are: a centred title in 小标宋, part
// headings (一、) in 黑体, unit headings (（一）) in 楷体, the body in 仿宋 三号 with a two-character
// indent and fixed 28 pt lines. The docx library is loaded only for this download.

const TITLE_FONT = '方正小标宋简体'
const HEADING_FONT = '黑体'
const SUBHEADING_FONT = '楷体_GB2312'
const BODY_FONT = '仿宋_GB2312'
/** Half-points: 二号 22 pt for the title, 三号 16 pt for the body. */
const TITLE_SIZE = 44
const BODY_SIZE = 32
/** Two 16 pt characters, in twentieths of a point. */
const INDENT = 640
/** 28 pt lines, in twentieths of a point. */
const LINE = 560

type LineKind = 'heading' | 'subheading' | 'body' | 'blank'

/** `一、…` or `1. Overdue work` is a part heading; `（一）单位` or `县交通局 (3)` a unit heading. */
function kindOf(line: string): LineKind {
  if (!line.trim()) return 'blank'
  if (/^[一二三四五六七八九十]+、/.test(line) || /^\d+\. [^:]*$/.test(line)) return 'heading'
  if (/^（[一二三四五六七八九十]+）/.test(line) || /^\S[^:]* \(\d+\)$/.test(line)) return 'subheading'
  return 'body'
}

/** The .docx bytes of `text` (one paragraph per line) under `title`. */
export async function bulletinToDocx(text: string, title: string): Promise<Uint8Array> {
  const { AlignmentType, Document, Packer, Paragraph, TextRun } = await import('docx')
  const font = { TITLE: TITLE_FONT, heading: HEADING_FONT, subheading: SUBHEADING_FONT, body: BODY_FONT, blank: BODY_FONT }
  const paragraphs = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 320 }, children: [new TextRun({ text: title, font: font.TITLE, size: TITLE_SIZE })] }),
    ...text.replace(/\r\n?/g, '\n').split('\n').map((line) => {
      const kind = kindOf(line)
      return new Paragraph({
        indent: kind === 'blank' ? undefined : { firstLine: INDENT },
        spacing: { line: LINE, lineRule: 'exact' },
        children: [new TextRun({ text: line.trim(), font: { eastAsia: font[kind], ascii: font[kind], hAnsi: font[kind] }, size: BODY_SIZE })],
      })
    }),
  ]
  const doc = new Document({ creator: 'Jindu 进度', title, sections: [{ properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } }, children: paragraphs }] })
  return new Uint8Array(await Packer.toArrayBuffer(doc))
}
