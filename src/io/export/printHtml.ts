// The print view as an HTML string: the same table as the .xlsx (title, merged header, borders, colours), escaped, no script.
import type { DocumentAssessment, TaskDocument, TaskRow } from '../../core'
import { stateFill } from './stateStyle'
import { buildTablePlan, type PlanMerge, type TablePlan } from './tablePlan'
import type { ExportOptions } from './types'

export type PrintOptions = Pick<ExportOptions, 'highlightStates' | 'addStateColumn' | 'addReasonColumn' | 'onlyRowIds' | 'locale'>

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

/**
 * Styles are scoped under `.jindu-print` so the fragment can sit inside the app without
 * touching its look; `thead` repeats on every printed page like Excel's print titles.
 */
function styleSheet(highlight: boolean): string {
  const fills = highlight
    ? (['overdue', 'behind', 'due-soon', 'done'] as const)
      .map((state) => `.jindu-print tr.state-${state} td{background:#${stateFill(state)}}`).join('\n')
    : ''
  return `<style>
@page{size:A4 landscape;margin:12mm}
.jindu-print{font-family:"SimSun","宋体","Songti SC","Noto Serif CJK SC",serif;font-size:10.5pt;color:#000;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.jindu-print h1{font-size:16pt;font-weight:bold;text-align:center;margin:0 0 6px}
.jindu-print p.preamble{margin:0 0 4px}
.jindu-print table{border-collapse:collapse;width:100%;table-layout:fixed}
.jindu-print th,.jindu-print td{border:1px solid #000;padding:2px 4px;vertical-align:top;white-space:pre-wrap;overflow-wrap:anywhere;text-align:left}
.jindu-print th{font-weight:bold;text-align:center;vertical-align:middle}
.jindu-print td.centred{text-align:center}
.jindu-print tr.section td{font-weight:bold;vertical-align:middle}
.jindu-print thead{display:table-header-group}
.jindu-print tr{break-inside:avoid}
.jindu-print tr.section{break-after:avoid}
.jindu-print tbody.keep{break-inside:avoid}
${fills}
</style>`
}

/** Master cells get rowspan/colspan; cells a merge covers are not written at all. */
function spanMap(merges: PlanMerge[]): { master: Map<string, PlanMerge>; covered: Set<string> } {
  const master = new Map<string, PlanMerge>()
  const covered = new Set<string>()
  for (const m of merges) {
    master.set(`${m.r0}:${m.c0}`, m)
    for (let r = m.r0; r <= m.r1; r++) for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) covered.add(`${r}:${c}`)
  }
  return { master, covered }
}

/**
 * What one landscape A4 line holds, in Excel character units (half a CJK character) at the
 * print view's 10.5pt: 273 mm of text width at 1.85 mm a unit. Cell padding takes one more unit.
 */
const PAGE_UNITS = 147
const PRINT_PADDING_UNITS = 1

/**
 * Column widths for a page `page` units wide: the plan's widths scaled to fit, except that no
 * column goes below the width of its longest word; what those columns keep is taken from the
 * wider columns, in proportion to what each has above its own minimum.
 */
export function fitColumnWidths(widths: readonly number[], mins: readonly number[], page = PAGE_UNITS): number[] {
  const total = widths.reduce((a, b) => a + b, 0)
  if (total <= page) return widths.slice()
  const scaled = widths.map((w, i) => Math.max(mins[i] ?? 0, (w * page) / total))
  let excess = scaled.reduce((a, b) => a + b, 0) - page
  const room = scaled.map((w, i) => Math.max(0, w - (mins[i] ?? 0)))
  const roomTotal = room.reduce((a, b) => a + b, 0)
  if (excess <= 0 || roomTotal <= 0) return scaled
  excess = Math.min(excess, roomTotal)
  return scaled.map((w, i) => w - (excess * room[i]!) / roomTotal)
}

/**
 * Body rows in groups: a section row (or a run of them) with the row after it, kept on one page.
 * A vertical merge never crosses a group's end (a rowspan cannot leave its <tbody>): a group
 * runs on to the last row of any merge that starts inside it.
 */
function bodyGroups(plan: TablePlan): { keep: boolean; rows: number[] }[] {
  const reach = new Map<number, number>()
  for (const m of plan.merges) if (m.r1 > m.r0) reach.set(m.r0, Math.max(reach.get(m.r0) ?? 0, m.r1))
  const groups: { keep: boolean; rows: number[] }[] = []
  let current: { keep: boolean; rows: number[] } | null = null
  let until = -1 // the last row the current group must hold (an open section, or a merge's end)
  for (let r = plan.bodyStart; r < plan.rows.length; r++) {
    const section = plan.rows[r]!.kind === 'section'
    if (!current || r > until && (section || current.keep)) {
      current = { keep: section, rows: [] }
      groups.push(current)
    }
    current.rows.push(r)
    until = Math.max(until, section ? r + 1 : r, reach.get(r) ?? r)
  }
  return groups
}

function tableHtml(plan: TablePlan): string {
  const { master, covered } = spanMap(plan.merges)
  const widths = fitColumnWidths(plan.columns.map((c) => c.widthChars), plan.columns.map((c) => c.minChars + PRINT_PADDING_UNITS))
  const totalChars = widths.reduce((a, b) => a + b, 0) || 1
  const cols = widths
    .map((w) => `<col style="width:${((w / totalChars) * 100).toFixed(2)}%">`).join('')
  const centred = plan.columns.map((c) => c.role === 'seq' || c.role === 'status' || c.source === 'state')
  const rowHtml = (r: number): string => {
    const row = plan.rows[r]!
    const tag = row.kind === 'header' ? 'th' : 'td'
    const classes = [row.kind !== 'header' && row.kind !== 'data' ? row.kind : '', row.state ? `state-${row.state}` : '']
      .filter(Boolean).join(' ')
    const cells = row.cells.map((text, c) => {
      const key = `${r}:${c}`
      if (covered.has(key)) return ''
      const m = master.get(key)
      const span = (m && m.r1 > m.r0 ? ` rowspan="${m.r1 - m.r0 + 1}"` : '') + (m && m.c1 > m.c0 ? ` colspan="${m.c1 - m.c0 + 1}"` : '')
      const cls = row.kind === 'data' && centred[c] ? ' class="centred"' : ''
      return `<${tag}${span}${cls}>${escapeHtml(text)}</${tag}>`
    }).join('')
    return `<tr${classes ? ` class="${classes}"` : ''}>${cells}</tr>`
  }
  const head: string[] = []
  for (let r = plan.headerStart; r < plan.bodyStart; r++) head.push(rowHtml(r))
  const body = bodyGroups(plan).map((g) => `<tbody${g.keep ? ' class="keep"' : ''}>${g.rows.map(rowHtml).join('')}</tbody>`)
  return `<table><colgroup>${cols}</colgroup><thead>${head.join('')}</thead>${body.join('') || '<tbody></tbody>'}</table>`
}

/**
 * A self-contained HTML fragment (a `<div class="jindu-print">` with its own `<style>`),
 * for the print view to show and `window.print()`. All document text is escaped; there is
 * no script and no external resource.
 */
export function renderPrintHtml(doc: TaskDocument, options: PrintOptions, assessment?: DocumentAssessment): string {
  const only = options.onlyRowIds
  const keep = only ? (row: TaskRow) => only.has(row.id) : null
  const plan = buildTablePlan({ doc, options: { ...options, format: 'xlsx', addRowIds: false }, assessment, keep, sheetName: 'print' })
  const above = plan.rows.slice(0, plan.headerStart).map((row) => row.kind === 'title'
    ? `<h1>${escapeHtml(row.cells[0] ?? '')}</h1>`
    : `<p class="preamble">${escapeHtml(row.cells[0] ?? '')}</p>`).join('')
  return `<div class="jindu-print">${styleSheet(options.highlightStates ?? false)}${above}${tableHtml(plan)}</div>`
}

/** The same fragment as a whole page, for a print window or a saved .html file. */
export function renderPrintDocument(doc: TaskDocument, options: PrintOptions, assessment?: DocumentAssessment): string {
  const title = escapeHtml(doc.title ?? doc.name)
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body>${renderPrintHtml(doc, options, assessment)}</body></html>`
}
