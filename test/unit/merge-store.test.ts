// The merge store with the worker stood in and IndexedDB faked: copies and the clerk's choices
// survive a new page (a new store), a new layout waits for its columns to be confirmed, a row that
// could be one of two waits for the clerk's answer, and the apply is one undo step.
import 'fake-indexeddb/auto'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { TaskDocument } from '../../src/core'
import { FakeImportWorker } from './support/fakeImportWorker'
import { exportDocument } from '../../src/io/export'
import { documentFromFixture } from './export-support'

// The real client, over a stand-in worker that runs the real handler in this thread.
vi.mock('../../src/io/importClient', async () => {
  const actual = await vi.importActual<typeof import('../../src/io/importClient')>('../../src/io/importClient')
  const { FakeImportWorker } = await import('./support/fakeImportWorker')
  return {
    ...actual,
    prewarmImportWorker: () => {},
    readWorkbookInWorker: (bytes: Uint8Array, name: string) => actual.readWithWorker(new FakeImportWorker(), bytes, name),
  }
})

const { useMergeStore, changeKey } = await import('../../src/stores/merge')
const { useDocumentStore } = await import('../../src/stores/document')

const master: TaskDocument = { ...documentFromFixture('kaihua-2023-q1.xlsx'), id: 'master-draft' }
const data = (doc: TaskDocument) => doc.rows.filter((r) => r.kind === 'data')
const progress = master.columns.find((c) => c.role === 'progress')!
const task = master.columns.find((c) => c.role === 'task')!

/** A new page: a fresh set of stores with the master open. */
function page() {
  setActivePinia(createPinia())
  const docs = useDocumentStore()
  docs.open(structuredClone(master))
  return { docs, merge: useMergeStore() }
}

/** The master exported (with row ids), two tasks given new progress by the unit, as a File. */
async function filledCopy(name: string, firstProgress = '已全部完成。'): Promise<File> {
  const copy = structuredClone(master)
  data(copy)[0]!.cells[progress.id] = firstProgress
  data(copy)[1]!.cells[progress.id] = '已完成招标。'
  const result = await exportDocument(copy, { format: 'xlsx', addRowIds: true })
  if (!result.ok) throw new Error(result.code)
  return new File([result.files[0]!.bytes as BlobPart], name)
}

beforeEach(() => { vi.stubGlobal('window', {}) })

describe('merge store', () => {
  it('keeps the copies and a rejected change over a new page; applies the rest as one undo step', async () => {
    const first = page()
    await first.merge.addFiles([await filledCopy('经信局.xlsx')])
    expect(first.merge.plan!.changes).toHaveLength(2)
    const [a, b] = first.merge.plan!.changes
    expect(first.merge.accepted.has(changeKey(a!))).toBe(true)
    first.merge.setAccepted([changeKey(a!)], false)
    await vi.waitFor(async () => {
      const again = page()
      await again.merge.load()
      expect(again.merge.records).toHaveLength(1)
      expect(again.merge.accepted.has(changeKey(a!))).toBe(false)
      expect(again.merge.accepted.has(changeKey(b!))).toBe(true)
    })

    const second = page()
    await second.merge.load()
    expect(await second.merge.apply()).toBe(true)
    const cellOf = (rowIndex: number) => data(second.docs.doc!)[rowIndex]!.cells[progress.id]
    expect(cellOf(0)).toBe(data(master)[0]!.cells[progress.id])
    expect(cellOf(1)).toBe('已完成招标。')
    expect(second.merge.report).not.toBeNull()
    second.docs.undo()
    expect(cellOf(1)).toBe(data(master)[1]!.cells[progress.id])
    await second.merge.clear()
    const third = page()
    await third.merge.load()
    expect(third.merge.records).toEqual([])
  })

  it('a copy in a layout never seen waits for its columns to be confirmed; a row like two tasks waits for the clerk', async () => {
    const { merge } = page()
    await merge.clear()
    // The unit retyped one task into its own three-column sheet, with no row ids.
    const rows = [['编号', '事项', '备注说明'], ['1', data(master)[2]!.cells[task.id]!, '已开工。']]
    const csv = rows.map((r) => r.map((v) => `"${v.replace(/"/g, '""')}"`).join(',')).join('\n')
    await merge.addFiles([new File([csv], '自制表.csv')])
    expect(merge.pending).toHaveLength(1)
    expect(merge.plan).toBeNull()
    const copy = merge.pending[0]!
    await merge.confirmLayout(copy.id, ['seq', 'task', 'progress'])
    expect(merge.pending).toHaveLength(0)
    expect(merge.plan!.changes.map((c) => [c.masterRowId, c.after])).toEqual([[data(master)[2]!.id, '已开工。']])
  })

  it('a copy whose header was not found: the clerk names the header row, then its columns', async () => {
    const { merge } = page()
    await merge.clear()
    const rows = [['', '', ''], ['内容', '说明', '其他'], ['1', data(master)[3]!.cells[task.id]!, '已完成。']]
    const csv = rows.map((r) => r.map((v) => `"${v.replace(/"/g, '""')}"`).join(',')).join('\n')
    await merge.addFiles([new File([csv], '无表头.csv')])
    const copy = merge.pending[0]!
    expect(merge.rereadable).toEqual([copy.id])
    await merge.setHeaderRows(copy.id, 2)
    expect(merge.pending[0]!.doc.columns.map((c) => c.header)).toEqual(['内容', '说明', '其他'])
    // The file was read again in a worker, which let the grids go: no worker runs per waiting copy.
    expect(FakeImportWorker.running()).toEqual([])
    await merge.confirmLayout(copy.id, ['seq', 'task', 'progress'])
    expect(merge.rereadable).toEqual([])
    expect(merge.plan!.changes.map((c) => [c.masterRowId, c.after])).toEqual([[data(master)[3]!.id, '已完成。']])
  })

  it('a copy whose file cannot be read again says why in the clerk\'s words and stays as it was', async () => {
    const { merge } = page()
    await merge.clear()
    const file = new File(['"","",""\n"内容","说明","其他"\n"1","x","已完成。"'], '无表头.csv')
    await merge.addFiles([file])
    const copy = merge.pending[0]!
    vi.spyOn(file, 'arrayBuffer').mockRejectedValue(new DOMException('changed', 'NotReadableError'))
    await merge.setHeaderRows(copy.id, 2)
    expect(merge.failures).toEqual([{ name: '无表头.csv', message: expect.stringContaining('无法再次读取') }])
    expect(merge.pending[0]!.doc).toEqual(copy.doc)
    expect(merge.reading).toEqual([])
  })

  it('a header row past the end of the copy is refused in words; the copy stays', async () => {
    const { merge } = page()
    await merge.clear()
    await merge.addFiles([new File(['"","",""\n"内容","说明","其他"\n"1","x","已完成。"'], '无表头.csv')])
    const copy = merge.pending[0]!
    await merge.setHeaderRows(copy.id, 40)
    expect(merge.failures).toEqual([{ name: '无表头.csv', message: expect.stringContaining('表头') }])
    expect(merge.pending[0]!.doc).toEqual(copy.doc)
    expect(FakeImportWorker.running()).toEqual([])
  })

  it('honours the clerk\'s answer for a row that could be one of two tasks, and keeps it', async () => {
    const twin = structuredClone(master)
    data(twin)[1]!.cells[task.id] = data(twin)[0]!.cells[task.id]!
    setActivePinia(createPinia())
    const docs = useDocumentStore()
    docs.open(twin)
    const merge = useMergeStore()
    await merge.clear()
    const csv = `序号,工作任务,进展情况\n,"${data(twin)[0]!.cells[task.id]!.replace(/"/g, '""')}",已完成。`
    await merge.addFiles([new File([csv], '某局.csv')])
    expect(merge.pending).toHaveLength(1)
    await merge.confirmLayout(merge.pending[0]!.id, ['seq', 'task', 'progress'])
    expect(merge.plan!.files[0]!.ambiguous).toHaveLength(1)
    expect(merge.plan!.changes).toEqual([])
    const returnedRowId = merge.plan!.files[0]!.ambiguous[0]!.returnedRowId
    merge.pairRow(0, returnedRowId, data(twin)[1]!.id)
    expect(merge.plan!.files[0]!.ambiguous).toEqual([])
    expect(merge.plan!.changes.map((c) => [c.masterRowId, c.after])).toEqual([[data(twin)[1]!.id, '已完成。']])
    await vi.waitFor(async () => {
      setActivePinia(createPinia())
      useDocumentStore().open(structuredClone(twin))
      const again = useMergeStore()
      await again.load()
      expect(again.plan!.changes.map((c) => c.masterRowId)).toEqual([data(twin)[1]!.id])
    })
  })
})

describe('merge store: cost of a click', () => {
  it('a verdict does not plan the merge again', async () => {
    const { merge } = page()
    await merge.clear()
    await merge.addFiles([await filledCopy('经信局.xlsx')])
    const before = merge.plan
    merge.setAccepted([changeKey(before!.changes[0]!)], false)
    expect(merge.plan).toBe(before)
    expect(merge.accepted.has(changeKey(before!.changes[0]!))).toBe(false)
  })
})

describe('merge store: conflicts', () => {
  it('two copies writing one cell differently: neither goes in until chosen, and only one can', async () => {
    const { merge } = page()
    await merge.clear()
    await merge.addFiles([await filledCopy('牵头单位.xlsx'), await filledCopy('配合单位.xlsx', '正在推进。')])
    expect(merge.plan!.conflicts).toHaveLength(1)
    const c = merge.plan!.conflicts[0]!
    const [a, b] = c.options.map((o) => changeKey({ file: o.file, masterRowId: c.masterRowId, columnId: c.columnId }))
    expect([merge.accepted.has(a!), merge.accepted.has(b!)]).toEqual([false, false])
    merge.setAccepted([a!], true)
    expect([merge.accepted.has(a!), merge.accepted.has(b!)]).toEqual([true, false])
    merge.chooseConflict(c.masterRowId, c.columnId, c.options[1]!.file)
    expect([merge.accepted.has(a!), merge.accepted.has(b!)]).toEqual([false, true])
    expect(await merge.apply()).toBe(true)
    expect(merge.report!.rowIds).toContain(c.masterRowId)
    merge.showMerged()
    const ui = (await import('../../src/stores/ui')).useUiStore()
    expect(ui.rowIdFilter!.rowIds.has(c.masterRowId)).toBe(true)
  })
})
