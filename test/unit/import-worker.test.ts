// The worker's message protocol and the page's client: progress, done, error and cancellation.
import { readFileSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'
import { readWithWorker, type WorkerPort } from '../../src/io/importClient'
import type { WorkerRequest, WorkerResponse } from '../../src/io/read/protocol'
import { handleWorkerRequest } from '../../src/io/read/workerHandler'

const xlsx = (): Uint8Array => new Uint8Array(readFileSync('test/fixtures/kaihua-2023-q1.xlsx'))

/** A stand-in Worker that runs the real handler in this thread, asynchronously like a worker. */
class FakeWorker implements WorkerPort {
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null = null
  onerror: ((event: ErrorEvent) => void) | null = null
  terminated = false
  transferred: Transferable[] = []
  constructor(private readonly hold = false) {}
  postMessage(message: WorkerRequest, transfer: Transferable[]): void {
    this.transferred = transfer
    if (this.hold) return // never answers: a long read the clerk cancels
    setTimeout(() => {
      void handleWorkerRequest(message, (m) => { if (!this.terminated) this.onmessage?.({ data: m } as MessageEvent<WorkerResponse>) })
    }, 0)
  }
  terminate(): void { this.terminated = true }
}

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
  })

  it('summarises each sheet for the dialog without its rows or raw grid', async () => {
    const posted: WorkerResponse[] = []
    await handleWorkerRequest({ type: 'read', id: 3, bytes: xlsx(), fileName: 'k.xlsx' }, (m) => posted.push(m))
    const summary = posted.find((m) => m.type === 'summary')
    const done = posted.find((m) => m.type === 'done')
    if (summary?.type !== 'summary' || done?.type !== 'done') throw new Error('summary and done expected')
    const whole = done.workbook.sheets[0]!
    const brief = summary.summary.sheets[0]!
    expect(brief).not.toHaveProperty('rows')
    expect(brief).not.toHaveProperty('raw')
    expect(brief.columns).toEqual(whole.columns)
    expect(brief.headerRows).toEqual(whole.headerRows)
    expect(brief.counts).toEqual({
      data: whole.rows.filter((r) => r.kind === 'data').length,
      sections: whole.rows.filter((r) => r.kind === 'section').length,
      footers: whole.rows.filter((r) => r.kind === 'footer').length,
    })
    expect(brief.previewRows).toEqual(whole.rows.filter((r) => r.kind === 'data').slice(0, 3))
    expect(brief.rawTop).toEqual(whole.raw!.cells.slice(0, 12))
    expect(brief.rawRowCount).toBe(whole.raw!.cells.length)
    // One mask of filled columns per data row, so the dialog counts tasks under any roles.
    expect(brief.filled).toHaveLength(brief.counts.data)
  })

  it('posts an error with code and both messages instead of throwing', async () => {
    const posted: WorkerResponse[] = []
    await handleWorkerRequest({ type: 'read', id: 1, bytes: new Uint8Array(0), fileName: 'x.csv' }, (m) => posted.push(m))
    expect(posted[posted.length - 1]).toMatchObject({ type: 'error', id: 1, code: 'empty' })
    const error = posted[posted.length - 1]!
    if (error.type === 'error') { expect(error.message).toMatch(/空/); expect(error.messageEn).toMatch(/empty/) }
  })
})

describe('readWithWorker', () => {
  it('resolves ok with the workbook, reports progress and the summary first, and terminates the worker', async () => {
    const worker = new FakeWorker()
    const onProgress = vi.fn()
    const onSummary = vi.fn()
    const result = await readWithWorker(worker, xlsx(), 'k.xlsx', { onProgress, onSummary })
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.workbook.sheets[0]!.columns).toHaveLength(5)
    expect(onProgress).toHaveBeenCalled()
    expect(onSummary).toHaveBeenCalledTimes(1)
    expect(onSummary.mock.calls[0]![0].sheets[0].columns).toHaveLength(5)
    expect(worker.terminated).toBe(true)
    expect(worker.transferred).toHaveLength(1)
  })

  it('resolves with the error code and messages', async () => {
    const result = await readWithWorker(new FakeWorker(), new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]), 'x.pdf')
    expect(result).toMatchObject({ ok: false, code: 'not-a-spreadsheet' })
  })

  it('cancels: abort terminates the worker and resolves cancelled', async () => {
    const worker = new FakeWorker(true)
    const controller = new AbortController()
    const pending = readWithWorker(worker, xlsx(), 'k.xlsx', undefined, controller.signal)
    controller.abort()
    expect(await pending).toEqual({ ok: false, code: 'cancelled' })
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
