// The optional first sheet 汇总: the per-unit counts in the form's look (宋体, merged title, the
// as-of line, a bordered bold header, a bold total), then the overview's charts as pictures,
// which the page draws (the worker has no canvas) and sends along.
import type { Workbook } from 'exceljs'
import { assessDocument, type DocumentAssessment, type SummaryLine, type TaskDocument } from '../../core'
import { overviewOf, summaryTable } from '../../core/overview'
import type { ExportLocale, SummaryChartImage } from './types'

const FONT = '宋体'
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } }
const BORDERS = { top: THIN, left: THIN, bottom: THIN, right: THIN }

const TEXT = {
  zh: {
    sheet: '汇总', title: '重点工作推进情况汇总', titleOf: (t: string) => `${t}（汇总）`, asOf: (d: string) => `截至${d}`,
    unit: '单位', tasks: '任务数', done: '已完成', onTrack: '序时推进', behind: '滞后', dueSoon: '临期', overdue: '逾期', doneRate: '完成率',
    unassigned: '未填责任单位', total: '合计',
  },
  en: {
    sheet: 'Summary', title: 'Key work: progress summary', titleOf: (t: string) => `${t} (summary)`, asOf: (d: string) => `As of ${d}`,
    unit: 'Unit', tasks: 'Tasks', done: 'Done', onTrack: 'On schedule', behind: 'Behind', dueSoon: 'Due soon', overdue: 'Overdue', doneRate: 'Done rate',
    unassigned: 'No unit named', total: 'Total',
  },
} as const

type Field = Exclude<keyof SummaryLine, 'kind'>

/** A chart picture's width on the sheet, in pixels: about the table's width. */
const IMAGE_WIDTH = 720
/** Excel's default row height in pixels (15 pt), to place one picture under another. */
const ROW_PX = 20

function zhDate(iso: string, locale: ExportLocale): string {
  const [y, m, d] = iso.split('-').map(Number)
  return locale === 'zh' ? `${y}年${m}月${d}日` : iso
}

/** A sheet name no table sheet uses (a unit could be called 汇总). */
function freeName(name: string, taken: readonly string[]): string {
  let out = name
  for (let n = 2; taken.includes(out); n++) out = `${name}${n}`
  return out
}

/**
 * Adds the 汇总 sheet to the workbook; call it before the table sheets so it comes first.
 * `tableSheets` are the names the table sheets will take.
 */
export function addSummarySheet(
  workbook: Workbook, doc: TaskDocument, assessment: DocumentAssessment | undefined, locale: ExportLocale,
  images: readonly SummaryChartImage[], tableSheets: readonly string[],
): void {
  const text = TEXT[locale]
  const assessed = assessment ?? assessDocument(doc)
  const { lines, hasBehind } = summaryTable(overviewOf(doc, assessed), { unassigned: text.unassigned, total: text.total })
  const fields: Field[] = ['unit', 'tasks', 'done', 'onTrack', ...(hasBehind ? ['behind' as const] : []), 'dueSoon', 'overdue', 'doneRate']
  const width = fields.length
  const sheet = workbook.addWorksheet(freeName(text.sheet, tableSheets), {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true },
    views: [{ state: 'frozen', ySplit: 3 }],
  })
  sheet.columns = fields.map((f) => ({ width: f === 'unit' ? 30 : 11 }))
  sheet.mergeCells(1, 1, 1, width)
  const title = sheet.getCell(1, 1)
  title.value = doc.title?.trim() ? text.titleOf(doc.title.trim()) : text.title
  title.style = { font: { name: FONT, size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } }
  sheet.getRow(1).height = 36
  sheet.mergeCells(2, 1, 2, width)
  const asOf = sheet.getCell(2, 1)
  asOf.value = text.asOf(zhDate(assessed.asOf, locale))
  asOf.style = { font: { name: FONT, size: 11 }, alignment: { horizontal: 'right', vertical: 'middle' } }
  const header = sheet.getRow(3)
  header.height = 24
  fields.forEach((f, c) => {
    const cell = header.getCell(c + 1)
    cell.value = text[f]
    cell.style = { font: { name: FONT, size: 11, bold: true }, border: BORDERS, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } }
  })
  lines.forEach((line, i) => {
    const row = sheet.getRow(4 + i)
    const bold = line.kind === 'total'
    fields.forEach((f, c) => {
      const cell = row.getCell(c + 1)
      cell.value = line[f]
      cell.style = {
        font: { name: FONT, size: 11, bold },
        border: BORDERS,
        alignment: { horizontal: f === 'unit' ? 'left' : 'center', vertical: 'middle', wrapText: true },
        ...(f === 'doneRate' ? { numFmt: '0.0%' } : {}),
      }
    })
  })
  let top = 3 + lines.length + 1 // 0-based anchor row: one blank row under the table
  for (const image of images) {
    const id = workbook.addImage({ buffer: image.png as unknown as ArrayBuffer, extension: 'png' })
    const height = Math.round((IMAGE_WIDTH * image.height) / image.width)
    sheet.addImage(id, { tl: { col: 0, row: top }, ext: { width: IMAGE_WIDTH, height } })
    top += Math.ceil(height / ROW_PX) + 1
  }
}
