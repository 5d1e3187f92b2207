// The import store with the worker stood in: the dialog opens on the summary, and confirming
// waits for the whole workbook without taking a second click.
import { readFileSync } from 'node:fs'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ReadCallbacks } from '../../src/io/importClient'
import type { ImportResult } from '../../src/io/read/protocol'
import { readWorkbook } from '../../src/io/read/readWorkbook'
import { summarizeWorkbook } from '../../src/io/summary'

/** The read in flight: its callbacks, and how to finish it. */
const reads: { callbacks: ReadCallbacks; finish: (result: ImportResult) => void }[] = []
vi.mock('../../src/io/importClient', () => ({
  prewarmImportWorker: () => {},
  readWorkbookInWorker: (_bytes: Uint8Array, _name: string, callbacks: ReadCallbacks = {}) =>
    new Promise<ImportResult>((finish) => { reads.push({ callbacks, finish }) }),
}))

const { useImportStore } = await import('../../src/stores/import')
const { useDocumentStore } = await import('../../src/stores/document')

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

    reads[0]!.finish({ ok: true, workbook })
    await confirmed
    await tick()
    expect(importer.opening).toBe(false)
    expect(importer.pending).toBeNull()
    expect(useDocumentStore().doc!.rows).toHaveLength(workbook.sheets[0]!.rows.length)
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
    reads[0]!.finish({ ok: false, code: 'corrupt', message: '读取文件时出错', messageEn: 'Reading failed' })
    await vi.waitFor(() => expect(importer.pending).toBeNull())
    expect(importer.error?.message).toBe('读取文件时出错')
    await importer.confirm()
    expect(useDocumentStore().doc).toBeNull()
  })
})
