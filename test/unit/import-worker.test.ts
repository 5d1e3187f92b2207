// The worker's message protocol and the page's client: progress, done, error and cancellation; the
// raw grids kept in the worker after a read, a sheet read again there with other header rows, and
// released; failures as codes and figures, never words.
import { readFileSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'
import { readWithWorker } from '../../src/io/importClient'
import type { WorkerResponse } from '../../src/io/read/protocol'
import { createWorkerHandler, handleWorkerRequest } from '../../src/io/read/workerHandler'
import { FakeImportWorker as FakeWorker } from './support/fakeImportWorker'

const xlsx = (): Uint8Array => new Uint8Array(readFileSync('test/fixtures/kaihua-2023-q1.xlsx'))
const csv = (text: string): Uint8Array => new TextEncoder().encode(text)
/** A sheet without a recognisable header: a title, a row the clerk knows is the header, one task. */
const noHeader = () => csv('会议纪要\n甲,乙,丙\n1,修建道路,6月底前\n')

describe('handleWorkerRequest', () => {
  it('posts progress, then the summary, then done with the workbook', async () => {
    const posted: WorkerResponse[] = []
    await handleWorkerRequest({ type: 'read', id: 7, bytes: xlsx(), fileName: 'k.xlsx' }, (m) => posted.push(m))
    const last = posted[posted.length - 1]!
    expect(last.type).toBe('done')
    expect(posted[posted.length - 2]!.type).toBe('summary')
    expect(posted.every((m) => m.id === 7)).toBe(true)
    expect(posted.filter((m) => m.type === 'progress').length).toBeGreaterThan(1)
    if (last.type === 'done') expect(last.workbook.sheets[0]!.name).toBe('一季度')
    await handleWorkerRequest({ type: 'release', readId: 7 }, () => {})
  })

  it('summarises each sheet for the dialog, the raw grid\'s top included; the sheets posted carry no grid', async () => {
    const posted: WorkerResponse[] = []
    const handle = createWorkerHandler()
    await handle({ type: 'read', id: 3, bytes: xlsx(), fileName: 'k.xlsx' }, (m) => posted.push(m))
    const summary = posted.find((m) => m.type === 'summary')
    const done = posted.find((m) => m.type === 'done')
    if (summary?.type !== 'summary' || done?.type !== 'done') throw new Error('summary and done expected')
    const whole = done.workbook.sheets[0]!
    const brief = summary.summary.sheets[0]!
    expect(brief).not.toHaveProperty('rows')
    expect(whole).not.toHaveProperty('raw')
    // What crosses to the page is what structuredClone keeps: no raw grid in it.
    expect(Object.keys(structuredClone(whole))).not.toContain('raw')
    expect(brief.columns).toEqual(whole.columns)
    expect(brief.headerRows).toEqual(whole.headerRows)
    expect(brief.counts).toEqual({
      data: whole.rows.filter((r) => r.kind === 'data').length,
      sections: whole.rows.filter((r) => r.kind === 'section').length,
      footers: whole.rows.filter((r) => r.kind === 'footer').length,
    })
    expect(brief.previewRows).toEqual(whole.rows.filter((r) => r.kind === 'data').slice(0, 3))
    expect(brief.rawTop[whole.headerRows[0]!]).toEqual(expect.arrayContaining(['序号', '工作事项']))
    expect(brief.rawRowCount).toBeGreaterThan(whole.rows.length)
    expect(brief.layout).not.toBe('')
    // One mask of filled columns per data row, so the dialog counts tasks under any roles.
    expect(brief.filled).toHaveLength(brief.counts.data)
  })

  it('posts an error as a code with its figures, no words, instead of throwing', async () => {
    const posted: WorkerResponse[] = []
    await handleWorkerRequest({ type: 'read', id: 1, bytes: new Uint8Array(0), fileName: 'x.csv' }, (m) => posted.push(m))
    const error = posted[posted.length - 1]!
    expect(error).toMatchObject({ type: 'error', id: 1, code: 'empty', params: { maxFileMb: 100 } })
    expect(error).not.toHaveProperty('message')
    expect(error).not.toHaveProperty('messageEn')
    const pdf: WorkerResponse[] = []
    await handleWorkerRequest({ type: 'read', id: 2, bytes: csv('%PDF-1.7\n1 0 obj\n'), fileName: 'x.xlsx' }, (m) => pdf.push(m))
    expect(pdf[pdf.length - 1]).toMatchObject({ type: 'error', code: 'not-a-spreadsheet', what: 'pdf' })
  })

  it('reads a kept sheet again with the clerk\'s header rows, and answers with the sheet and its summary', async () => {
    const handle = createWorkerHandler()
    await handle({ type: 'read', id: 10, bytes: noHeader(), fileName: 'notes.csv' }, () => {})
    const posted: WorkerResponse[] = []
    await handle({ type: 'reinterpret', id: 11, readId: 10, sheetIndex: 0, headerRows: [1] }, (m) => posted.push(m))
    expect(posted).toHaveLength(1)
    const answer = posted[0]!
    if (answer.type !== 'sheet') throw new Error(`sheet expected, got ${answer.type}`)
    expect(answer.id).toBe(11)
    expect(answer.sheet.headerRows).toEqual([1])
    expect(answer.sheet.columns.map((c) => c.header)).toEqual(['甲', '乙', '丙'])
    expect(answer.sheet.title).toBe('会议纪要')
    expect(answer.sheet).not.toHaveProperty('raw')
    expect(answer.summary.headerRows).toEqual([1])
    expect(answer.summary.rawRowCount).toBe(3)
    expect(answer.summary.needsHeaderChoice).toBeUndefined()
  })

  it('answers no-header for rows outside the grid, reread-stopped for an unknown sheet or a released read', async () => {
    const handle = createWorkerHandler()
    await handle({ type: 'read', id: 20, bytes: noHeader(), fileName: 'notes.csv' }, () => {})
    const posted: WorkerResponse[] = []
    const post = (m: WorkerResponse) => posted.push(m)
    await handle({ type: 'reinterpret', id: 21, readId: 20, sheetIndex: 0, headerRows: [99] }, post)
    await handle({ type: 'reinterpret', id: 22, readId: 20, sheetIndex: 5, headerRows: [1] }, post)
    await handle({ type: 'release', readId: 20 }, post)
    await handle({ type: 'reinterpret', id: 23, readId: 20, sheetIndex: 0, headerRows: [1] }, post)
    expect(posted.map((m) => [m.id, m.type, m.type === 'error' ? m.code : null])).toEqual([
      [21, 'error', 'no-header'], [22, 'error', 'reread-stopped'], [23, 'error', 'reread-stopped'],
    ])
  })

  it('keeps each read apart: releasing one leaves the other', async () => {
    const handle = createWorkerHandler()
    await handle({ type: 'read', id: 30, bytes: noHeader(), fileName: 'a.csv' }, () => {})
    await handle({ type: 'read', id: 31, bytes: noHeader(), fileName: 'b.csv' }, () => {})
    await handle({ type: 'release', readId: 30 }, () => {})
    const posted: WorkerResponse[] = []
    await handle({ type: 'reinterpret', id: 32, readId: 31, sheetIndex: 0, headerRows: [1] }, (m) => posted.push(m))
    expect(posted[0]!.type).toBe('sheet')
  })
})

describe('readWithWorker', () => {
  it('resolves ok with the workbook, reports progress and the summary first, and keeps the worker for the read', async () => {
    const worker = new FakeWorker()
    const onProgress = vi.fn()
    const onSummary = vi.fn()
    const result = await readWithWorker(worker, xlsx(), 'k.xlsx', { onProgress, onSummary })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.workbook.sheets[0]!.columns).toHaveLength(5)
    expect(onProgress).toHaveBeenCalled()
    expect(onSummary).toHaveBeenCalledTimes(1)
    expect(onSummary.mock.calls[0]![0].sheets[0].columns).toHaveLength(5)
    expect(worker.transferred).toHaveLength(1)
    expect(worker.terminated).toBe(false)
    result.kept.release()
    expect(worker.terminated).toBe(true)
    expect(worker.requests.at(-1)).toMatchObject({ type: 'release' })
  })

  it('resolves with the error code and figures, and stops the worker', async () => {
    const worker = new FakeWorker()
    const result = await readWithWorker(worker, new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]), 'x.pdf')
    expect(result).toMatchObject({ ok: false, code: 'not-a-spreadsheet', what: 'pdf' })
    expect(worker.terminated).toBe(true)
  })

  it('cancels: abort terminates the worker and resolves cancelled', async () => {
    const worker = new FakeWorker(true)
    const controller = new AbortController()
    const pending = readWithWorker(worker, xlsx(), 'k.xlsx', undefined, controller.signal)
    controller.abort()
    expect(await pending).toEqual({ ok: false, code: 'cancelled' })
    expect(worker.terminated).toBe(true)
  })

  it('says worker-died when the worker dies while reading', async () => {
    const worker = new FakeWorker(true)
    const pending = readWithWorker(worker, xlsx(), 'k.xlsx')
    worker.die()
    expect(await pending).toMatchObject({ ok: false, code: 'worker-died' })
    expect(worker.terminated).toBe(true)
  })

  it('copies a view on part of a larger buffer so only its bytes travel', async () => {
    const big = new Uint8Array(100)
    const worker = new FakeWorker(true)
    const controller = new AbortController()
    const pending = readWithWorker(worker, big.subarray(10, 20), 'x.csv', undefined, controller.signal)
    expect((worker.transferred[0] as ArrayBuffer).byteLength).toBe(10)
    controller.abort()
    await pending
  })
})

describe('a kept read', () => {
  async function keptRead(limits = {}) {
    const worker = new FakeWorker()
    const controller = new AbortController()
    const result = await readWithWorker(worker, noHeader(), 'notes.csv', {}, controller.signal, limits)
    if (!result.ok) throw new Error(result.code)
    return { worker, controller, workbook: result.workbook, kept: result.kept }
  }

  it('reads a sheet again with other header rows in the worker; only the sheet comes back', async () => {
    const { worker, workbook, kept } = await keptRead()
    expect(workbook.sheets[0]!.needsHeaderChoice).toBe(true)
    const answer = await kept.reinterpret(0, [1])
    expect(answer.ok).toBe(true)
    if (answer.ok) {
      expect(answer.sheet.columns.map((c) => c.header)).toEqual(['甲', '乙', '丙'])
      expect(answer.summary.headerRows).toEqual([1])
    }
    expect(worker.requests.at(-1)).toMatchObject({ type: 'reinterpret', sheetIndex: 0, headerRows: [1] })
    // Asked twice, it answers twice (the grid is still there).
    expect((await kept.reinterpret(0, [2])).ok).toBe(true)
    kept.release()
  })

  it('after release it answers reread-stopped without asking the worker', async () => {
    const { worker, kept } = await keptRead()
    kept.release()
    const asked = worker.requests.length
    expect(await kept.reinterpret(0, [1])).toMatchObject({ ok: false, code: 'reread-stopped' })
    expect(worker.requests).toHaveLength(asked)
  })

  it('an abort after the read (a new file, the dialog cancelled) releases it', async () => {
    const { worker, controller, kept } = await keptRead()
    controller.abort()
    expect(worker.terminated).toBe(true)
    expect(await kept.reinterpret(0, [1])).toMatchObject({ ok: false, code: 'reread-stopped' })
  })

  it('answers within its time limit: a silent worker is stopped and the question answered reread-stopped', async () => {
    const { worker, kept } = await keptRead({ reinterpretMs: 30 })
    worker.silent = true
    expect(await kept.reinterpret(0, [1])).toMatchObject({ ok: false, code: 'reread-stopped' })
    expect(worker.terminated).toBe(true)
  })

  it('a worker that dies with a question open answers it reread-stopped, and every later one', async () => {
    const { worker, kept } = await keptRead()
    worker.silent = true
    const asked = kept.reinterpret(0, [1])
    worker.die()
    expect(await asked).toMatchObject({ ok: false, code: 'reread-stopped' })
    expect(worker.terminated).toBe(true)
    expect(await kept.reinterpret(0, [1])).toMatchObject({ ok: false, code: 'reread-stopped' })
  })
})
