// Exporting: the writers are loaded only when the clerk exports, so the first paint never pays for them.
import { defineStore } from 'pinia'
import { computed, ref, toRaw } from 'vue'
import { unitColumns, unitsOfRow, type UnitScope } from '../core'
import { exportInWorker, type ExportFormat, type ExportSplit, type SummaryChartImage } from '../io'
import { useDocumentStore } from './document'
import { useGridViewStore } from './gridView'
import { useUiStore } from './ui'
import { useLocaleStore } from './locale'

export interface ExportChoice {
  format: ExportFormat
  highlightStates: boolean
  addStateColumn: boolean
  addReasonColumn: boolean
  onlyFiltered: boolean
  split: ExportSplit
  splitUnits: UnitScope
  /** .xlsx: a first sheet 汇总 with the per-unit counts and the overview's charts. */
  summarySheet: boolean
}

/** Saves bytes as a download; nothing leaves the browser. */
function download(name: string, bytes: Uint8Array | string, mime: string) {
  const blob = new Blob([bytes as BlobPart], { type: mime })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export const useExportStore = defineStore('export', () => {
  const docs = useDocumentStore()
  const ui = useUiStore()
  const i18n = useLocaleStore()
  const working = ref(false)
  const choice = ref<ExportChoice>({ format: 'xlsx', highlightStates: true, addStateColumn: true, addReasonColumn: true, onlyFiltered: false, split: 'none', splitUnits: 'lead', summarySheet: false })

  /** What the browser will download for the current choice (a zip when split into files). */
  async function downloadName(): Promise<string> {
    const doc = docs.doc
    if (!doc) return ''
    const { exportDownloadName } = await import('../io/export/fileName')
    return exportDownloadName(doc, docs.assessment.asOf, choice.value.format, choice.value.split)
  }

  /** Whether the list names supporting units (配合单位) apart from the lead units. */
  const hasSupportingUnits = computed(() => (docs.doc ? unitColumns(docs.doc).supporting.length > 0 : false))

  /** The units a split would write for, under the chosen scope, in order of first appearance. */
  const splitUnitNames = computed(() => {
    const doc = docs.doc
    if (!doc) return []
    const columns = unitColumns(doc)
    const names = new Set<string>()
    for (const row of doc.rows) {
      if (row.kind === 'data') for (const { unit } of unitsOfRow(row, columns, choice.value.splitUnits)) names.add(unit)
    }
    return [...names]
  })

  /** Whether the chosen format and split can carry the 汇总 sheet (one .xlsx workbook). */
  const summaryPossible = computed(() => choice.value.format === 'xlsx' && choice.value.split !== 'owner-files')

  /** `summaryImages`: the 汇总 sheet's chart pictures, drawn by the page (the worker has no canvas). */
  async function run(summaryImages: SummaryChartImage[] = []): Promise<boolean> {
    const doc = docs.doc
    if (!doc || working.value) return false
    working.value = true
    performance.mark('jindu:export-start')
    try {
      const c = choice.value
      const filtered = c.onlyFiltered ? useGridViewStore().shownRowIds() : undefined
      const result = await exportInWorker(toRaw(doc), {
        format: c.format, highlightStates: c.highlightStates, addStateColumn: c.addStateColumn, addReasonColumn: c.addReasonColumn,
        split: c.split, splitUnits: c.splitUnits, addRowIds: true, locale: i18n.locale, asOf: docs.assessment.asOf, ...(filtered ? { onlyRowIds: filtered } : {}),
        ...(c.summarySheet && summaryPossible.value ? { summarySheet: { images: summaryImages } } : {}),
      }, toRaw(docs.assessment))
      if (!result.ok) {
        ui.notify('error', i18n.t('export.failed', { message: i18n.t(`exportError.${result.code}`, result.params) }))
        return false
      }
      for (const file of result.files) download(file.name, file.bytes, file.mime)
      for (const warning of result.warnings ?? []) ui.notify('info', i18n.t(`exportWarning.${warning.code}`, warning.params), undefined, 12000)
      performance.mark('jindu:export-done')
      ui.notify('success', i18n.t('export.done', { name: result.files.map((f) => f.name).join(', ') }))
      return true
    } catch (error) {
      ui.notify('error', i18n.t('export.failed', { message: error instanceof Error ? error.message : String(error) }))
      return false
    } finally {
      working.value = false
    }
  }

  /** The print view: the same table as the xlsx, opened in the page and handed to the browser's print. */
  async function printHtml(): Promise<string> {
    const doc = docs.doc
    if (!doc) return ''
    const { renderPrintHtml } = await import('../io/export/printHtml')
    const c = choice.value
    return renderPrintHtml(doc, { highlightStates: c.highlightStates, addStateColumn: c.addStateColumn, addReasonColumn: c.addReasonColumn, locale: i18n.locale }, docs.assessment)
  }

  return { working, choice, summaryPossible, run, downloadName, hasSupportingUnits, splitUnitNames, printHtml, download }
})
