// Row heights as LibreOffice draws them: the export's line estimate is checked line for line
// against LibreOffice's own PDF of the exported .xlsx (LibreOffice does not auto-fit wrapped rows,
// so a wrong estimate shows as empty space or a clipped last line).
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { exportDocument } from '../../src/io/export'
import { estimateLines } from '../../src/io/export/tablePlan'
import { convertWithSoffice, handmadeDocument, SOFFICE } from './export-support'

function has(command: string): boolean {
  try { execFileSync('sh', ['-c', `command -v ${command}`]); return true } catch { return false }
}
/** LibreOffice sizes columns by the workbook font, Calibri, drawn as Carlito where it is installed (as it ships on Windows). */
const hasCarlito = (() => { try { return execFileSync('fc-list', ['Carlito']).toString().trim().length > 0 } catch { return false } })()
const canMeasure = SOFFICE !== null && has('pdftotext') && hasCarlito
if (!canMeasure) console.warn('exportRowHeights: soffice, pdftotext (poppler-utils) or the Carlito font is missing; the PDF checks are skipped.')

const CJK = '推进城市更新老旧小区改造完成设计招标并开工建设确保年底前全面各项目标任务新增床位养老服务'
const WORDS = ['2023', '1.5', '370', '12', '3', '100%', 'PPP', 'GDP', 'Q1', '5G', 'completed', 'by']
const PUNCT = '，。、；：'

/** Deterministic text of every kind a task list has: prose, numbers, Latin words, punctuation, line breaks. */
function generatedTexts(count: number, seed: number): string[] {
  let state = seed
  const next = (n: number) => { state = (state * 1103515245 + 12345) % 2147483648; return state % n }
  const texts: string[] = []
  for (let i = 0; i < count; i++) {
    let text = ''
    const length = 4 + next(70)
    while ([...text].length < length) {
      const pick = next(10)
      if (pick < 6) text += CJK[next(CJK.length)]
      else if (pick < 7) text += WORDS[next(WORDS.length)]
      else if (pick < 9) text += PUNCT[next(PUNCT.length)]
      else text += next(3) === 0 ? '\n' : ' '
    }
    texts.push(text.replace(/^\s+/, ''))
  }
  // A full line then a closing mark: the mark takes a line of its own in both renderers.
  for (let n = 1; n <= 30; n++) texts.push(CJK.slice(0, n) + '。')
  return texts
}

/** A row's number in Chinese digits: the tag is prose too, so prose rows stay pure. */
const DIGITS = '〇一二三四五六七八九'
const tag = (i: number) => [...String(i).padStart(3, '0')].map((d) => DIGITS[Number(d)]).join('')
const untag = (text: string) => Number([...text].map((ch) => DIGITS.indexOf(ch)).join(''))

/**
 * Lines drawn per row, from pdftotext's word boxes: the row's tag stands alone in a narrow first
 * column; the text column's words that follow it down the page (or onto the next page) are the
 * row's, and their distinct baselines are its lines. Page headers and footers are left out.
 */
function linesPerRow(pdf: Uint8Array, header: string): Map<number, number> {
  const html = execFileSync('pdftotext', ['-bbox-layout', '-', '-'], { input: pdf, maxBuffer: 64 << 20 }).toString('utf8')
  const baselines = new Map<number, Set<number>>()
  let row: number | null = null
  for (const page of html.split('<page ').slice(1)) {
    const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g)]
      .map((m) => ({ x: Number(m[1]), y: Number(m[2]), right: Number(m[3]), text: m[4]! }))
      .filter((w) => w.text !== header && w.text !== '行' && !/^第\d+页/.test(w.text) && !/^[第页,，共\d]+$/.test(w.text))
    const tags = words.filter((w) => /^【[〇一二三四五六七八九]{3}】$/.test(w.text))
    const textLeft = Math.max(0, ...tags.map((t) => t.right))
    const items = [...tags, ...words.filter((w) => w.x >= textLeft)].sort((a, b) => a.y - b.y || a.x - b.x)
    for (const item of items) {
      const tagged = /^【([〇一二三四五六七八九]{3})】$/.exec(item.text)
      if (tagged) { row = untag(tagged[1]!); baselines.set(row, new Set()); continue }
      if (row !== null) baselines.get(row)!.add(Math.round(item.y))
    }
  }
  return new Map([...baselines].map(([r, ys]) => [r, ys.size]))
}

describe.skipIf(!canMeasure)('exported row heights fit the text as LibreOffice draws it', () => {
  it.each([12, 20, 36])('every row of a %i-character column has room for exactly its lines', async (widthChars) => {
    const texts = generatedTexts(40, widthChars)
    const doc = handmadeDocument([{ header: '行', role: 'seq', width: 12 * 7 }, { header: '工作事项', role: 'task', width: widthChars * 7 }],
      texts.map((t, i) => ({ cells: [`【${tag(i)}】`, t] })), { title: null })
    const result = await exportDocument(doc, { format: 'xlsx' })
    if (!result.ok) throw new Error(result.code)
    const pdf = await convertWithSoffice(result.files[0]!.bytes, 'in.xlsx', 'pdf')
    const drawn = linesPerRow(pdf, '工作事项')
    // Excel draws a column a little narrower than LibreOffice, so a row gets the lines of the
    // renderer that needs more: in LibreOffice's PDF a row is never short of a line for Chinese
    // prose with numbers (dates, quantities: most of what a task list holds), and its spare room
    // is one line, or in a long cell of a narrow column (where Excel's narrower width tells most)
    // up to 15% of its lines. Text mixing Latin words with Chinese punctuation is broken by
    // LibreOffice's own rules (sometimes a `，` starts a line, sometimes `，370` stays whole):
    // there a row may be one line short, in at most one case in twenty.
    const prose: string[] = []
    const clipped: string[] = []
    const spare: string[] = []
    texts.forEach((text, i) => {
      const estimated = estimateLines(text, widthChars)
      const lines = drawn.get(i) ?? 0
      const line = `${JSON.stringify(text)}: drawn ${lines}, estimated ${estimated}`
      if (lines > estimated) (/[A-Za-z]/.test(text) ? clipped : prose).push(line)
      if (lines > estimated + 1 || estimated - lines > Math.max(1, Math.ceil(lines * 0.15))) spare.push(line)
    })
    expect(prose).toEqual([])
    expect(spare).toEqual([])
    expect(clipped.length).toBeLessThanOrEqual(texts.length / 20)
  }, 180_000)
})
