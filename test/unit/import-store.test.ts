// The import store with the worker stood in: the dialog opens on the summary, and confirming
// waits for the whole workbook without taking a second click.
import { readFileSync } from 'node:fs'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ImportedWorkbook } from '../../src/io'
import type { ReadCallbacks } from '../../src/io/importClient'
import { importFailure } from '../../src/io/read/failure'
import type { OtherFileKind } from '../../src/io/read/failure'
import type { ImportResult, KeptRead, ReadFailureCode, ReinterpretResult } from '../../src/io/read/protocol'
import type { importZh } from '../../src/i18n/importMessages'
import { readWorkbook } from '../../src/io/read/readWorkbook'
import { rawGridOf } from '../../src/io/read/sheetGrids'
import { reinterpretSheet } from '../../src/io/read/structure'
import { summarizeSheet, summarizeWorkbook } from '../../src/io/summary'

/** The read in flight: its callbacks, and how to finish it. */
const reads: { callbacks: ReadCallbacks; finish: (result: ImportResult) => void }[] = []
vi.mock('../../src/io/importClient', () => ({
  prewarmImportWorker: () => {},
  readWorkbookInWorker: (_bytes: Uint8Array, _name: string, callbacks: ReadCallbacks = {}) =>
    new Promise<ImportResult>((finish) => { reads.push({ callbacks, finish }) }),
}))

const { useImportStore } = await import('../../src/stores/import')
const { useDocumentStore } = await import('../../src/stores/document')
const { useUiStore } = await import('../../src/stores/ui')
const { useLocaleStore } = await import('../../src/stores/locale')

/**
 * The worker's kept read, stood in: it reads a sheet again from the grid this thread read (as the
 * worker does from its own), counts the questions and releases, and can be stopped.
 */
function keptOf(workbook: ImportedWorkbook, fileName: string) {
  const kept = {
    released: 0,
    asked: [] as number[][],
    stopped: false,
    async reinterpret(sheetIndex: number, headerRows: readonly number[]): Promise<ReinterpretResult> {
      kept.asked.push([...headerRows])
      if (kept.stopped || kept.released) return { ok: false, ...importFailure('reread-stopped') }
      const sheet = reinterpretSheet(rawGridOf(workbook.sheets[sheetIndex]!)!, headerRows, fileName)
      return { ok: true, sheet, summary: summarizeSheet(sheet) }
    },
    release() { kept.released++ },
  }
  return kept satisfies KeptRead
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

beforeEach(() => {
  reads.length = 0
  vi.stubGlobal('window', {})
  setActivePinia(createPinia())
})

/** The kaihua fixture picked, read by the stood-in worker as far as its summary: the confirmation is open. */
async function confirmationShown() {
  const bytes = new Uint8Array(readFileSync('test/fixtures/kaihua-2023-q1.xlsx'))
  const workbook = await readWorkbook(bytes, 'kaihua.xlsx')
  const importer = useImportStore()
  void importer.importFile(new File([bytes], 'kaihua.xlsx'))
  await vi.waitFor(() => expect(reads).toHaveLength(1))
  reads[0]!.callbacks.onSummary!(summarizeWorkbook(workbook))
  await vi.waitFor(() => expect(importer.pending).not.toBeNull())
  return { importer, workbook }
}

describe('import store', () => {
  it('opens the confirmation on the summary; confirm waits for the workbook, says so and ignores a second click', async () => {
    const bytes = new Uint8Array(readFileSync('test/fixtures/kaihua-2023-q1.xlsx'))
    const workbook = await readWorkbook(bytes, 'kaihua.xlsx')
    const importer = useImportStore()
    void importer.importFile(new File([bytes], 'kaihua.xlsx'))
    await vi.waitFor(() => expect(reads).toHaveLength(1))
    expect(importer.busy).toBe(true)

    reads[0]!.callbacks.onSummary!(summarizeWorkbook(workbook))
    await vi.waitFor(() => expect(importer.pending).not.toBeNull())
    expect(importer.busy).toBe(false)
    expect(importer.pending!.summary.sheets[0]!.counts.data).toBe(workbook.sheets[0]!.rows.filter((r) => r.kind === 'data').length)

    const confirmed = importer.confirm()
    expect(importer.opening).toBe(true)
    await importer.confirm() // a second click while the workbook is still on its way does nothing
    expect(importer.pending).not.toBeNull()

    const kept = keptOf(workbook, 'kaihua.xlsx')
    reads[0]!.finish({ ok: true, workbook, kept })
    await confirmed
    await tick()
    expect(importer.opening).toBe(false)
    expect(importer.pending).toBeNull()
    expect(useDocumentStore().doc!.rows).toHaveLength(workbook.sheets[0]!.rows.length)
    // Confirmed, the worker that kept the read's grids is let go.
    expect(kept.released).toBe(1)
  })

  it('counts the tasks the list will have under the roles the clerk picks', async () => {
    const { importer } = await confirmationShown()
    expect(importer.taskCount).toBe(9)
    // Without a task, schedule or progress column no row is a task, however many rows there are.
    const roles = importer.pending!.roles
    for (let c = 0; c < roles.length; c++) if (roles[c] === 'task' || roles[c] === 'schedule' || roles[c] === 'progress') importer.setRole(c, null)
    expect(importer.taskCount).toBe(0)
    importer.setRole(roles.indexOf('status'), 'progress')
    expect(importer.taskCount).toBe(9)
  })

  it('a read that fails after its summary closes the confirmation with the message', async () => {
    const { importer } = await confirmationShown()
    reads[0]!.finish({ ok: false, ...importFailure('worker-died') })
    await vi.waitFor(() => expect(importer.pending).toBeNull())
    expect(importer.error?.message).toBe('读取文件时出错，文件可能已损坏或太大。请在 Excel/WPS 中打开后另存为 .xlsx 再导入。')
    await importer.confirm()
    expect(useDocumentStore().doc).toBeNull()
  })

  it('reads the clerk\'s header rows in the kept read: the dialog and the list take the new columns', async () => {
    const bytes = new TextEncoder().encode('会议纪要\n甲,乙,丙\n1,修建道路,6月底前\n')
    const workbook = await readWorkbook(bytes, 'notes.csv')
    const importer = useImportStore()
    void importer.importFile(new File([bytes], 'notes.csv'))
    await vi.waitFor(() => expect(reads).toHaveLength(1))
    reads[0]!.callbacks.onSummary!(summarizeWorkbook(workbook))
    const kept = keptOf(workbook, 'notes.csv')
    reads[0]!.finish({ ok: true, workbook, kept })
    await vi.waitFor(() => expect(importer.pending).not.toBeNull())
    expect(importer.pending!.summary.sheets[0]!.needsHeaderChoice).toBe(true)

    await importer.setHeaderRows(2, 1)
    expect(kept.asked).toEqual([[1]])
    const sheet = importer.pending!.summary.sheets[0]!
    expect(sheet.columns.map((c) => c.header)).toEqual(['甲', '乙', '丙'])
    expect(sheet.needsHeaderChoice).toBeUndefined()
    // A row past the grid is not asked for.
    await importer.setHeaderRows(40, 1)
    expect(kept.asked).toHaveLength(1)

    importer.setRole(1, 'task')
    await importer.confirm()
    expect(useDocumentStore().doc!.columns.map((c) => c.header)).toEqual(['甲', '乙', '丙'])
    expect(kept.released).toBe(1)
  })

  it('a kept read that stopped: the clerk is told in words, and the dialog keeps what it shows', async () => {
    const { importer, workbook } = await confirmationShown()
    const kept = keptOf(workbook, 'kaihua.xlsx')
    reads[0]!.finish({ ok: true, workbook, kept })
    await tick()
    kept.stopped = true
    const before = importer.pending
    await importer.setHeaderRows(2, 2)
    expect(importer.pending).toBe(before)
    expect(useUiStore().notices.map((n) => n.text)).toEqual([expect.stringContaining('表头和列保持原样')])
    await importer.confirm()
    expect(useDocumentStore().doc!.rows).toHaveLength(workbook.sheets[0]!.rows.length)
  })

  it('lets the kept read go when the clerk cancels, or picks another file', async () => {
    const { importer, workbook } = await confirmationShown()
    const first = keptOf(workbook, 'kaihua.xlsx')
    reads[0]!.finish({ ok: true, workbook, kept: first })
    await tick()
    void importer.importFile(new File([new Uint8Array([1, 2, 3])], 'next.csv'))
    await vi.waitFor(() => expect(reads).toHaveLength(2))
    expect(first.released).toBe(1)
    const second = keptOf(workbook, 'kaihua.xlsx')
    reads[1]!.finish({ ok: true, workbook, kept: second })
    await vi.waitFor(() => expect(importer.pending).not.toBeNull())
    importer.cancel()
    expect(second.released).toBe(1)
  })

  it('has words for every code a read can fail with, and every kind of other file (checked by the type checker)', () => {
    type Missing = Exclude<`importError.${ReadFailureCode}` | `importError.what.${OtherFileKind}`, keyof typeof importZh>
    const none: [Missing] extends [never] ? true : false = true
    expect(none).toBe(true)
  })

  it('says a refusal in the clerk\'s language, from its code and figures', async () => {
    const importer = useImportStore()
    const refuse = async (result: ImportResult) => {
      void importer.importFile(new File([new Uint8Array([1])], 'x.xlsx'))
      await vi.waitFor(() => expect(reads.length).toBeGreaterThan(0))
      reads.pop()!.finish(result)
      await vi.waitFor(() => expect(importer.error).not.toBeNull())
      return importer.error!.message
    }
    expect(await refuse({ ok: false, ...importFailure('zip-bomb') })).toBe('文件解压后会超过 200 MB 或压缩比异常（超过 200：1），可能是恶意文件，已拒绝读取。')
    expect(await refuse({ ok: false, ...importFailure('not-a-spreadsheet', {}, 'pdf') })).toMatch(/^这个文件是PDF 文件，不是表格。请选择 Excel/)
    expect(await refuse({ ok: false, ...importFailure('too-many-rows', { sheet: '表1', found: '300,000' }) })).toContain('工作表“表1”有 300,000 行，超过可导入的 200,000 行')
    await useLocaleStore().setLocale('en')
    expect(await refuse({ ok: false, ...importFailure('not-a-spreadsheet', {}, 'word') })).toBe('This file is a Word document, not a spreadsheet. Choose an Excel (.xlsx/.xls), WPS (.et), ODS, CSV or text table file.')
    expect(await refuse({ ok: false, ...importFailure('no-worker') })).toMatch(/^The browser could not start a background reader/)
    await useLocaleStore().setLocale('zh')
  })
})
