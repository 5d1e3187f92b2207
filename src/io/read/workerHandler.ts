// What the import worker does with one request: read the file, report progress, answer done or error (never throw).
import { ImportError } from './errors'
import type { WorkerRequest, WorkerResponse } from './protocol'
import { readWorkbook } from './readWorkbook'
import { summarizeWorkbook } from '../summary'

export async function handleWorkerRequest(request: WorkerRequest, post: (message: WorkerResponse) => void): Promise<void> {
  const { id } = request
  try {
    const workbook = await readWorkbook(request.bytes, request.fileName, {
      onProgress: (phase, fraction) => post({ type: 'progress', id, phase, fraction }),
    })
    // Copying a whole workbook across threads takes tens of milliseconds on each side for a
    // large list: the summary goes first, and the copy happens while the clerk reads it.
    post({ type: 'summary', id, summary: summarizeWorkbook(workbook) })
    post({ type: 'done', id, workbook })
  } catch (e) {
    // Anything SheetJS or we did not foresee is reported as a damaged file, with the detail in the console.
    const error = e instanceof ImportError ? e : new ImportError('corrupt', String(e))
    if (error.detail) console.warn('[import]', error.code, error.detail)
    post({ type: 'error', id, code: error.code, message: error.message, messageEn: error.messageEn })
  }
}
