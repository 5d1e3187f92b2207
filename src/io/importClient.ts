// The page's side of the import worker: one worker per file, cancellable, answering with a result
// union. After a read the worker stays, holding the sheets' raw grids, until the page releases the
// read: a sheet is read again with other header rows there (KeptRead), and only the result crosses.
// Every failure is a code with figures; the page's store says it in the clerk's words.
import { importFailure } from './read/failure'
import type { ImportResult, KeptRead, ReinterpretResult, WorkerRequest, WorkerResponse } from './read/protocol'
import type { ImportPhase } from './read/readWorkbook'
import { READ_TIME_LIMIT_MS } from './read/readLimits'
import type { WorkbookSummary } from './summary'

export type { ImportResult, KeptRead, ReadFailure, ReadFailureCode, ReinterpretResult } from './read/protocol'

/** A reinterpret answers within this, or its worker is stopped: reading one kept grid again takes a second at most. */
export const REINTERPRET_TIME_LIMIT_MS = 20_000

/** The part of a Worker this client uses, so tests can stand in a fake one. */
export interface WorkerPort {
  postMessage(message: WorkerRequest, transfer: Transferable[]): void
  terminate(): void
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
}

let nextId = 1

export interface ReadCallbacks {
  onProgress?: (phase: ImportPhase, fraction: number) => void
  /** The workbook's summary, a moment before the whole workbook resolves. */
  onSummary?: (summary: WorkbookSummary) => void
}

export interface ReadLimits { readMs?: number; reinterpretMs?: number }

/**
 * Runs one read on a worker. The bytes are transferred, not copied (the caller's array is
 * emptied). Abort terminates the worker at once: SheetJS cannot be interrupted otherwise. A read
 * that succeeds leaves its worker running with the grids until `kept.release()` (or abort).
 */
export function readWithWorker(
  worker: WorkerPort,
  bytes: Uint8Array,
  fileName: string,
  callbacks: ReadCallbacks = {},
  signal?: AbortSignal,
  limits: ReadLimits = {},
): Promise<ImportResult> {
  const id = nextId++
  return new Promise<ImportResult>((resolve) => {
    let settled = false
    const finish = (result: ImportResult): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
      if (result.ok) {
        // Aborted later (a new file, the dialog cancelled), the read lets its grids go too.
        signal?.addEventListener('abort', () => result.kept.release(), { once: true })
      } else worker.terminate()
      resolve(result)
    }
    const onAbort = (): void => finish({ ok: false, code: 'cancelled' })
    // SheetJS cannot be interrupted: past the time limit the worker is terminated and the clerk told why.
    const timer = setTimeout(() => finish({ ok: false, ...importFailure('timeout') }), limits.readMs ?? READ_TIME_LIMIT_MS)
    if (signal?.aborted) { onAbort(); return }
    signal?.addEventListener('abort', onAbort)
    worker.onmessage = (event) => {
      const message = event.data
      if (message.id !== id) return
      if (message.type === 'progress') callbacks.onProgress?.(message.phase, message.fraction)
      else if (message.type === 'summary') callbacks.onSummary?.(message.summary)
      else if (message.type === 'done') finish({ ok: true, workbook: message.workbook, kept: keepRead(worker, id, limits.reinterpretMs ?? REINTERPRET_TIME_LIMIT_MS) })
      else if (message.type === 'error') {
        const { type: _type, id: _id, ...failure } = message
        finish({ ok: false, ...failure })
      }
    }
    worker.onerror = (event) => {
      event.preventDefault?.()
      // The worker itself died (out of memory on a huge sheet, a failed module load).
      finish({ ok: false, ...importFailure('worker-died') })
    }
    // A view on part of a larger buffer is copied so that only its own bytes travel.
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice()
    worker.postMessage({ type: 'read', id, bytes: own, fileName }, [own.buffer as ArrayBuffer])
  })
}

/**
 * The finished read `readId` on `worker`, which holds its grids. Each reinterpret answers within
 * `timeLimitMs`; a worker that dies, does not answer in time or is released is stopped, and every
 * question then or later answers `reread-stopped` (the clerk keeps what the dialog shows).
 */
function keepRead(worker: WorkerPort, readId: number, timeLimitMs: number): KeptRead {
  const waiting = new Map<number, (result: ReinterpretResult) => void>()
  let stopped = false
  const stop = (): void => {
    if (stopped) return
    stopped = true
    worker.terminate()
    const answers = [...waiting.values()]
    waiting.clear()
    for (const answer of answers) answer({ ok: false, ...importFailure('reread-stopped') })
  }
  worker.onmessage = (event) => {
    const message = event.data
    const answer = waiting.get(message.id)
    if (!answer) return
    waiting.delete(message.id)
    if (message.type === 'sheet') answer({ ok: true, sheet: message.sheet, summary: message.summary })
    else if (message.type === 'error') {
      const { type: _type, id: _id, ...failure } = message
      answer({ ok: false, ...failure })
    }
  }
  worker.onerror = (event) => {
    event.preventDefault?.()
    console.warn('[import] the worker keeping a read stopped', event.message)
    stop()
  }
  return {
    reinterpret(sheetIndex, headerRows) {
      if (stopped) return Promise.resolve({ ok: false, ...importFailure('reread-stopped') })
      const id = nextId++
      return new Promise<ReinterpretResult>((resolve) => {
        const timer = setTimeout(stop, timeLimitMs)
        waiting.set(id, (result) => { clearTimeout(timer); resolve(result) })
        worker.postMessage({ type: 'reinterpret', id, readId, sheetIndex, headerRows: [...headerRows] }, [])
      })
    },
    release() {
      if (stopped) return
      worker.postMessage({ type: 'release', readId }, [])
      stop()
    },
  }
}

function createImportWorker(): Worker {
  return new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' })
}

/** A worker started ahead of need: loading and compiling SheetJS (~130 KB gzip) is then off the import's clock. */
let spare: Worker | null = null

/** Starts the next import's worker now (call when the page is idle). Safe to call repeatedly. */
export function prewarmImportWorker(): void {
  if (spare) return
  try { spare = createImportWorker() } catch { spare = null }
}

/**
 * Reads a file in a module worker, off the page's thread. Never rejects: the result says what
 * happened. A successful read's worker keeps the grids: call `result.kept.release()` when done.
 */
export function readWorkbookInWorker(
  bytes: Uint8Array,
  fileName: string,
  callbacks: ReadCallbacks = {},
  signal?: AbortSignal,
): Promise<ImportResult> {
  let worker: Worker
  try {
    worker = spare ?? createImportWorker()
    spare = null
  } catch (e) {
    console.warn('[import] worker unavailable', e)
    return Promise.resolve({ ok: false, ...importFailure('no-worker') })
  }
  return readWithWorker(worker as unknown as WorkerPort, bytes, fileName, callbacks, signal)
}
