// Importing: read a file in the worker (with progress and cancel), let the clerk confirm sheet, header and roles, then open it as a new draft.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { Role } from '../core'
import {
  MAX_FILE_BYTES, countTasks, headerSignature, prewarmImportWorker, readWorkbookInWorker, summarizeSheet, toDocument,
  type ImportedSheet, type ImportedWorkbook, type KeptRead, type SheetSummary, type WorkbookSummary,
} from '../io'

export type { ImportedSheet, SheetSummary }

export interface ImportProgress { phase: string; fraction: number }
import { useDraftStore } from './drafts'
import { useUiStore } from './ui'
import { useLocaleStore } from './locale'
import { readFailureText } from './readFailure'
import { whenIdle } from './frames'

/** Files above this are refused before reading: the worker would need several times this in memory. */
export const MAX_IMPORT_BYTES = MAX_FILE_BYTES
const PROGRESS_FROM_BYTES = 1024 * 1024

export interface PendingImport {
  fileName: string
  /** What the confirmation shows; it arrives before the whole workbook. */
  summary: WorkbookSummary
  sheetIndex: number
  /** The clerk's roles for the chosen sheet, one per column. */
  roles: (Role | null)[]
  /** The header rows the importer found for the chosen sheet, before any choice of the clerk's. */
  detectedHeaderRows: number[]
  /** The chosen sheet's layout as read (layoutSignature): a header choice is remembered under it. */
  layout: string
}

export const useImportStore = defineStore('import', () => {
  const ui = useUiStore()
  const i18n = useLocaleStore()
  const busy = ref(false)
  const fileName = ref('')
  const progress = ref<ImportProgress | null>(null)
  const showProgress = ref(false)
  const error = ref<{ title: string; message: string } | null>(null)
  const pending = shallowRef<PendingImport | null>(null)
  /** Confirmed, waiting for the whole workbook to arrive from the worker. */
  const opening = ref(false)
  let abort: AbortController | null = null
  /**
   * The whole workbook of the pending import: it lands a moment after the summary the dialog
   * shows (copying it from the worker takes a while for a large list), and header choices
   * replace its sheets. Null once the read failed or was cancelled.
   */
  let workbook: Promise<ImportedWorkbook | null> = Promise.resolve(null)
  /**
   * The worker that read the pending import, keeping its sheets' raw grids so a header chosen by
   * the clerk is read there (one read at a time): released on confirm, cancel or the next file.
   */
  let kept: KeptRead | null = null

  function releaseKept() {
    kept?.release()
    kept = null
  }

  async function importFile(file: File) {
    if (file.size > MAX_IMPORT_BYTES) {
      fail(file.name, i18n.t('import.tooLarge', { size: (file.size / 1048576).toFixed(0), limit: MAX_IMPORT_BYTES / 1048576 }))
      return
    }
    performance.mark('jindu:import-start')
    const bytes = new Uint8Array(await file.arrayBuffer())
    await readBytes(bytes, file.name)
  }

  /** A table pasted on the empty app: HTML from a web page or Excel, or tab-separated text. */
  async function importPasted(html: string, text: string) {
    const name = i18n.t('import.pasted')
    const bytes = new TextEncoder().encode(html || text)
    await readBytes(bytes, html ? `${name}.html` : `${name}.tsv`)
  }

  async function importSample() {
    const response = await fetch('./samples/kaihua-2023-q1.xlsx')
    if (!response.ok) return
    const bytes = new Uint8Array(await response.arrayBuffer())
    const result = await readWorkbookInWorker(bytes, 'kaihua-2023-q1.xlsx')
    if (!result.ok) return
    result.kept.release()
    const sheet = result.workbook.sheets[0]
    if (sheet) await useDraftStore().createFromDocument({ ...toDocument(sheet, '开化县2023年度重点工作清单.xlsx'), sample: true })
    prewarmSoon()
  }

  async function readBytes(bytes: Uint8Array, name: string) {
    abort?.abort()
    releaseKept()
    const controller = abort = new AbortController()
    busy.value = true
    fileName.value = name
    error.value = null
    progress.value = null
    pending.value = null
    showProgress.value = bytes.byteLength > PROGRESS_FROM_BYTES
    const shown: { offer?: Promise<void> } = {}
    const reading = readWorkbookInWorker(bytes, name, {
      onProgress: (phase, fraction) => { progress.value = { phase, fraction } },
      onSummary: (summary) => { shown.offer = offer(name, summary, controller) },
    }, controller.signal)
    // The kept read is taken as the workbook lands, so whoever waits for the workbook finds it.
    workbook = reading.then((result) => {
      if (!result.ok) return null
      if (controller.signal.aborted) { result.kept.release(); return null }
      kept = result.kept
      return result.workbook
    })
    try {
      const result = await reading
      if (!result.ok) {
        if (controller.signal.aborted) return
        pending.value = null
        if (result.code !== 'cancelled') fail(name, readFailureText(result))
        return
      }
      // Had no summary come ahead of the workbook, the dialog opens from the workbook itself.
      await (shown.offer ?? offer(name, { sheets: result.workbook.sheets.map(summarizeSheet) }, controller))
    } finally {
      if (abort === controller) { busy.value = false; abort = null }
      prewarmSoon()
    }
  }

  /** Shows the confirmation for a read that is still the current one. */
  async function offer(name: string, summary: WorkbookSummary, controller: AbortController) {
    const sheets = summary.sheets
    if (sheets.length === 0) { controller.abort(); fail(name, i18n.t('import.noTable')); return }
    const first = Math.max(0, sheets.findIndex((s) => s.hasTaskTable !== false && s.headerRows.length > 0))
    const roles = await rolesFor(sheets[first]!)
    if (controller.signal.aborted) return
    pending.value = { fileName: name, summary, sheetIndex: first, roles, detectedHeaderRows: sheets[first]!.headerRows, layout: sheets[first]!.layout }
    busy.value = false
    ui.panel = 'none'
    performance.mark('jindu:import-confirm-shown')
    await applyRememberedHeader()
  }

  /** Header rows the clerk chose before for a sheet laid out like this one: proposed again. */
  async function applyRememberedHeader() {
    const current = pending.value
    const sheet = current?.summary.sheets[current.sheetIndex]
    if (!current || !sheet || !current.layout) return
    const remembered = await useDraftStore().getSetting<number[]>(`headerRows:${current.layout}`)
    if (!remembered?.length || pending.value !== current) return
    if (remembered.join() === sheet.headerRows.join()) return
    await setHeaderRows(remembered[0]! + 1, remembered.length)
  }

  /** Keeps a reader ready for the next file, without competing with what the page is doing now. */
  function prewarmSoon() {
    whenIdle(prewarmImportWorker, 3000)
  }

  function fail(name: string, message: string) {
    error.value = { title: i18n.t('import.failed', { name }), message }
    // The import panel, when open, stays open and shows the error itself: a notice would say it twice.
    if (ui.panel === 'import') return
    ui.notify('error', i18n.t('import.failedWith', { name, message }))
  }

  /** The detected roles, or the ones the clerk chose last time for the same header. */
  async function rolesFor(sheet: Pick<ImportedSheet, 'columns'>): Promise<(Role | null)[]> {
    const detected = sheet.columns.map((c) => c.role)
    const remembered = await useDraftStore().getSetting<(Role | null)[]>(`roles:${headerSignature(sheet.columns)}`)
    return remembered && remembered.length === detected.length ? remembered : detected
  }

  async function chooseSheet(index: number) {
    const current = pending.value
    const sheet = current?.summary.sheets[index]
    if (!current || !sheet) return
    pending.value = { ...current, sheetIndex: index, roles: await rolesFor(sheet), detectedHeaderRows: sheet.headerRows, layout: sheet.layout }
    await applyRememberedHeader()
  }

  /**
   * The clerk picks the header rows (1-based as in Excel) when none was found or the guess was
   * wrong: the worker that read the file reads the sheet again with them. Should it have stopped,
   * the clerk is told and the dialog keeps what it shows.
   */
  async function setHeaderRows(firstRow: number, count: number) {
    const current = pending.value
    const shown = current?.summary.sheets[current.sheetIndex]
    if (!current || !shown) return
    const rows = Array.from({ length: Math.max(1, Math.min(3, count)) }, (_, k) => firstRow - 1 + k)
      .filter((r) => r >= 0 && r < shown.rawRowCount)
    if (rows.length === 0) return
    // The whole workbook has landed once the worker holds the read's grids.
    await workbook
    const read = kept
    if (!read || pending.value !== current) return
    const answer = await read.reinterpret(current.sheetIndex, rows)
    if (kept !== read) return
    if (!answer.ok) { ui.notify('error', readFailureText(answer)); return }
    const roles = await rolesFor(answer.sheet)
    // New columns, so their roles start again; everything else is the pending import as it is now.
    const now = pending.value
    const whole = await workbook
    if (kept !== read || !now || !whole || now.sheetIndex !== current.sheetIndex) return
    workbook = Promise.resolve({ ...whole, sheets: whole.sheets.map((s, i) => (i === now.sheetIndex ? answer.sheet : s)) })
    pending.value = { ...now, summary: { sheets: now.summary.sheets.map((s, i) => (i === now.sheetIndex ? answer.summary : s)) }, roles }
  }

  function setRole(column: number, role: Role | null) {
    const current = pending.value
    if (!current) return
    const roles = [...current.roles]
    roles[column] = role
    pending.value = { ...current, roles }
  }

  async function confirm() {
    const current = pending.value
    if (!current || opening.value) return
    performance.mark('jindu:import-confirmed')
    // Nearly always landed already: the clerk took longer to read the dialog than the copy took.
    // For a very large list it may take a moment more: the button says so and takes no second click.
    opening.value = true
    let whole: ImportedWorkbook | null
    try { whole = await workbook } finally { opening.value = false }
    // The clerk may have cancelled meanwhile; the roles are the latest choice.
    const chosen = pending.value
    const sheet = chosen && whole?.sheets[chosen.sheetIndex]
    if (!chosen || !sheet) return
    const changed = chosen.roles.some((r, i) => r !== sheet.columns[i]?.role)
    if (changed) void useDraftStore().putSetting(`roles:${headerSignature(sheet.columns)}`, chosen.roles)
    // Header rows chosen by hand are remembered for the layout, with the roles (by header) above.
    if (chosen.layout && sheet.headerRows.join() !== chosen.detectedHeaderRows.join()) void useDraftStore().putSetting(`headerRows:${chosen.layout}`, sheet.headerRows)
    const withRoles: ImportedSheet = { ...sheet, columns: sheet.columns.map((c, i) => ({ ...c, role: chosen.roles[i] ?? null })) }
    pending.value = null
    workbook = Promise.resolve(null)
    releaseKept()
    await useDraftStore().createFromDocument(toDocument(withRoles, chosen.fileName))
  }

  function cancel() {
    abort?.abort()
    releaseKept()
    workbook = Promise.resolve(null)
    pending.value = null
    error.value = null
    busy.value = false
  }

  /** The rows that will be tasks under the roles now chosen: the count the status bar will show. */
  const taskCount = computed(() => {
    const p = pending.value
    const sheet = p?.summary.sheets[p.sheetIndex]
    return p && sheet ? countTasks(sheet, p.roles) : 0
  })

  return { prewarmSoon, busy, fileName, progress, showProgress, error, pending, opening, taskCount, importFile, importPasted, importSample, chooseSheet, setHeaderRows, setRole, confirm, cancel }
})
