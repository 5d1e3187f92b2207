// The page's side of the import worker: one worker per file, cancellable, answering with a result union.
import type { ImportResult, WorkerRequest, WorkerResponse } from './read/protocol'
import type { ImportPhase } from './read/readWorkbook'
import { READ_TIME_LIMIT_MS } from './read/readLimits'
import type { WorkbookSummary } from './summary'

export type { ImportResult } from './read/protocol'

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

/**
 * Runs one read on a worker. The bytes are transferred, not copied (the caller's array is
 * emptied). Abort terminates the worker at once: SheetJS cannot be interrupted otherwise.
 */
export function readWithWorker(
  worker: WorkerPort,
  bytes: Uint8Array,
  fileName: string,
  callbacks: ReadCallbacks = {},
  signal?: AbortSignal,
  timeLimitMs = READ_TIME_LIMIT_MS,
): Promise<ImportResult> {
  const id = nextId++
  return new Promise<ImportResult>((resolve) => {
    let settled = false
    const finish = (result: ImportResult): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
      worker.terminate()
      resolve(result)
    }
    const onAbort = (): void => finish({ ok: false, code: 'cancelled' })
    // SheetJS cannot be interrupted: past the time limit the worker is terminated and the clerk told why.
    // The refusal's words load only then: the page's first bundle carries none of the reader's texts.
    const timer = setTimeout(() => {
      worker.terminate()
      void import('./read/errors').then(({ importErrorText }) => {
        const text = importErrorText('timeout')
        finish({ ok: false, code: 'timeout', message: text.zh, messageEn: text.en })
      })
    }, timeLimitMs)
    if (signal?.aborted) { onAbort(); return }
    signal?.addEventListener('abort', onAbort)
    worker.onmessage = (event) => {
      const message = event.data
      if (message.id !== id) return
      if (message.type === 'progress') callbacks.onProgress?.(message.phase, message.fraction)
      else if (message.type === 'summary') callbacks.onSummary?.(message.summary)
      else if (message.type === 'done') finish({ ok: true, workbook: message.workbook })
      else finish({ ok: false, code: message.code, message: message.message, messageEn: message.messageEn })
    }
    worker.onerror = (event) => {
      event.preventDefault?.()
      // The worker itself died (out of memory on a huge sheet, a failed module load).
      finish({
        ok: false, code: 'corrupt',
        message: '读取文件时出错，文件可能已损坏或太大。请在 Excel/WPS 中打开后另存为 .xlsx 再导入。',
        messageEn: 'Reading the file failed; it may be damaged or too large. Open it in Excel/WPS, save it as .xlsx and import again.',
      })
    }
    // A view on part of a larger buffer is copied so that only its own bytes travel.
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice()
    worker.postMessage({ type: 'read', id, bytes: own, fileName }, [own.buffer as ArrayBuffer])
  })
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

/** Reads a file in a module worker, off the page's thread. Never rejects: the result says what happened. */
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
    return Promise.resolve({
      ok: false, code: 'unsupported',
      message: '浏览器无法启动后台读取（Web Worker）。请使用新版 Chrome、Edge 或 Firefox。',
      messageEn: 'The browser could not start a background reader (Web Worker). Use a recent Chrome, Edge or Firefox.',
    })
  }
  return readWithWorker(worker as unknown as WorkerPort, bytes, fileName, callbacks, signal)
}
