// Runs an export in a module worker; never rejects: the result says what happened.
import { plainDocumentAssessment, type DocumentAssessment, type TaskDocument } from '../core'
import type { ExportRequest, ExportResponse } from './export/protocol'
import type { ExportOptions, ExportResult } from './export/types'

let nextId = 1

export function exportInWorker(doc: TaskDocument, options: ExportOptions, assessment?: DocumentAssessment): Promise<ExportResult> {
  let worker: Worker
  try {
    worker = new Worker(new URL('./exportWorker.ts', import.meta.url), { type: 'module' })
  } catch {
    return Promise.resolve({ ok: false, code: 'no-worker', params: {} })
  }
  const id = nextId++
  return new Promise<ExportResult>((resolve) => {
    const finish = (result: ExportResult) => { worker.terminate(); resolve(result) }
    worker.onmessage = (event: MessageEvent<ExportResponse>) => { if (event.data.id === id) finish(event.data.result) }
    worker.onerror = (event) => {
      event.preventDefault()
      finish({ ok: false, code: 'failed', params: { detail: event.message } })
    }
    // Plain objects: a structured clone keeps no getter, and the reasons are getters (core lazyReasons.ts).
    const request: ExportRequest = { type: 'export', id, doc, options, ...(assessment ? { assessment: plainDocumentAssessment(assessment) } : {}) }
    worker.postMessage(request)
  })
}
