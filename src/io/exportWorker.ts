// The export worker: builds the files off the page's thread (ExcelJS on 10k rows takes about a second).
import { exportDocument } from './export/exportDocument'
import type { ExportRequest, ExportResponse } from './export/protocol'

const scope = self as unknown as { onmessage: ((e: MessageEvent<ExportRequest>) => void) | null; postMessage(m: ExportResponse, transfer: Transferable[]): void }

scope.onmessage = async (event) => {
  const { id, doc, options, assessment } = event.data
  let result
  try {
    result = await exportDocument(doc, options, assessment)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    result = { ok: false as const, code: 'failed' as const, params: { detail } }
  }
  const transfer = result.ok ? result.files.map((f) => f.bytes.buffer as ArrayBuffer) : []
  scope.postMessage({ type: 'done', id, result }, transfer)
}
