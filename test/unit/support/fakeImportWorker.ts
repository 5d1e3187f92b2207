// A stand-in import Worker for unit tests: a real handler of its own runs in this thread,
// asynchronously like a worker. Every one made is listed, so a test can see which still run.
import type { WorkerPort } from '../../../src/io/importClient'
import type { WorkerRequest, WorkerResponse } from '../../../src/io/read/protocol'
import { createWorkerHandler } from '../../../src/io/read/workerHandler'

export class FakeImportWorker implements WorkerPort {
  static readonly made: FakeImportWorker[] = []
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null = null
  onerror: ((event: ErrorEvent) => void) | null = null
  terminated = false
  transferred: Transferable[] = []
  requests: WorkerRequest[] = []
  /** Set to stop answering (a long read the clerk cancels, a reinterpret that hangs). */
  silent: boolean
  private readonly handle = createWorkerHandler()

  constructor(silent = false) {
    this.silent = silent
    FakeImportWorker.made.push(this)
  }

  /** The workers made so far that were never terminated. */
  static running(): FakeImportWorker[] { return FakeImportWorker.made.filter((w) => !w.terminated) }

  postMessage(message: WorkerRequest, transfer: Transferable[]): void {
    this.transferred = transfer
    this.requests.push(message)
    if (this.silent || this.terminated) return
    setTimeout(() => {
      void this.handle(message, (m) => { if (!this.terminated) this.onmessage?.({ data: m } as MessageEvent<WorkerResponse>) })
    }, 0)
  }

  terminate(): void { this.terminated = true }

  /** The worker dies (out of memory, a failed module load). */
  die(): void { this.onerror?.({ message: 'out of memory', preventDefault() {} } as ErrorEvent) }
}
