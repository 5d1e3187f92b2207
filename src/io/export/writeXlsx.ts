// Writing table plans as a styled .xlsx that prints like the government form (ExcelJS, loaded only when used).
import type { Alignment, Borders, Fill, Font, Style, Workbook, Worksheet } from 'exceljs'
import type { BookProperties } from './types'
import { asSeqNumber } from './cellText'
import { stateFill } from './stateStyle'
import type { PlanRow, TablePlan } from './tablePlan'

/**
 * ExcelJS is ~1 MB: imported on first export only, so the app shell stays inside the
 * service worker's 2 MiB precache limit. Node hands back the CommonJS module as `default`.
 */
async function loadExcelJs(): Promise<typeof import('exceljs')> {
  const mod = await import('exceljs')
  return (mod as unknown as { default?: typeof import('exceljs') }).default ?? mod
}

/** A font every Chinese office machine has; LibreOffice substitutes a CJK serif where it lacks it. */
const FONT_NAME = '宋体'
const BODY_FONT: Partial<Font> = { name: FONT_NAME, size: 11 }
const BOLD_FONT: Partial<Font> = { name: FONT_NAME, size: 11, bold: true }
const TITLE_FONT: Partial<Font> = { name: FONT_NAME, size: 16, bold: true }

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } }
const BORDERS: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN }

/** Excel's own A4 code in pageSetup.paperSize. */
const PAPER_A4 = 9

function solidFill(rgb: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${rgb}` } }
}

/**
 * One style object per kind of cell, shared by every cell of that kind: ExcelJS then
 * writes a handful of cellXfs instead of one per cell, and 10k-row exports stay fast.
 */
function styleCache(): (key: string, make: () => Partial<Style>) => Partial<Style> {
  const cache = new Map<string, Partial<Style>>()
  return (key, make) => {
    let style = cache.get(key)
    if (!style) { style = make(); cache.set(key, style) }
    return style
  }
}

function cellStyle(
  style: ReturnType<typeof styleCache>, row: PlanRow, centred: boolean, highlight: boolean,
): Partial<Style> {
  switch (row.kind) {
    case 'title':
      return style('title', () => ({ font: TITLE_FONT, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } }))
    case 'preamble':
      return style('preamble', () => ({ font: BODY_FONT, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } }))
    case 'header':
      return style('header', () => ({
        font: BOLD_FONT, border: BORDERS, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
      }))
    case 'section':
      return style('section', () => ({
        font: BOLD_FONT, border: BORDERS, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true },
      }))
    case 'footer':
      return style('footer', () => ({
        font: BODY_FONT, border: BORDERS, alignment: { horizontal: 'left', vertical: 'top', wrapText: true },
      }))
    case 'data': {
      const fill = highlight ? stateFill(row.state) : null
      const alignment: Partial<Alignment> = { horizontal: centred ? 'center' : 'left', vertical: 'top', wrapText: true }
      return style(`data:${centred}:${fill ?? ''}`, () => ({
        font: BODY_FONT, border: BORDERS, alignment, ...(fill ? { fill: solidFill(fill) } : {}),
      }))
    }
  }
}

function addSheet(workbook: Workbook, plan: TablePlan, highlight: boolean): Worksheet {
  const sheet = workbook.addWorksheet(plan.sheetName, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: plan.bodyStart, topLeftCell: `A${plan.bodyStart + 1}`, activeCell: `A${plan.bodyStart + 1}` }],
    pageSetup: {
      paperSize: PAPER_A4,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages tall as needed
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      // The header block repeats on every printed page.
      printTitlesRow: `${plan.headerStart + 1}:${plan.bodyStart}`,
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  })
  sheet.columns = plan.columns.map((column) => ({ width: column.widthChars, ...(column.hidden ? { hidden: true } : {}) }))
  const style = styleCache()
  // Narrow code-like columns read better centred; long text stays left-aligned.
  const centred = plan.columns.map((c) => c.role === 'seq' || c.role === 'status' || c.source === 'state')
  const seq = plan.columns.map((c) => c.role === 'seq')

  plan.rows.forEach((planRow, r) => {
    const row = sheet.getRow(r + 1)
    row.height = planRow.heightPt
    const wide = planRow.kind === 'title' || planRow.kind === 'preamble'
    planRow.cells.forEach((text, c) => {
      // Title and preamble sit above the table: only their first cell is written and styled.
      if (wide && c > 0) return
      const cell = row.getCell(c + 1)
      const number = planRow.kind === 'data' && seq[c] ? asSeqNumber(text) : null
      // A plain string value is always a string cell in ExcelJS: `=1+1` stays text, never a formula.
      if (number !== null) cell.value = number
      else if (text !== '') cell.value = text
      cell.style = cellStyle(style, planRow, centred[c] ?? false, highlight)
    })
  })
  for (const m of plan.merges) sheet.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1)
  return sheet
}

/** One workbook, one sheet per plan; `first` adds sheets ahead of them (the 汇总 sheet). */
export async function writeXlsx(plans: TablePlan[], highlight: boolean, first?: (workbook: Workbook) => void, properties?: BookProperties): Promise<Uint8Array> {
  const { Workbook } = await loadExcelJs()
  const workbook = new Workbook()
  workbook.creator = 'Jindu 进度'
  workbook.created = new Date()
  if (properties?.title) workbook.title = properties.title
  if (properties?.keywords) workbook.keywords = properties.keywords
  first?.(workbook)
  for (const plan of plans) addSheet(workbook, plan, highlight)
  const buffer = await workbook.xlsx.writeBuffer()
  return new Uint8Array(buffer as ArrayBuffer)
}
