// What the import worker does with each request: read a file (progress, summary, done or error;
// never throw) and keep its sheets' raw grids until the page releases the read, so a sheet can be
// read again with the clerk's header rows here, in the worker, and only the result crosses.
import type { ImportedSheet } from '../imported'
import { summarizeSheet } from '../summary'
import { ImportError, importFailure } from './errors'
import type { ReadRequest, ReinterpretRequest, WorkerRequest, WorkerResponse } from './protocol'
import type { RawSheet } from './rawSheet'
import { readWorkbook } from './readWorkbook'
import { rawGridOf } from './sheetGrids'
import { interpretSheet } from './structure'

type Post = (message: WorkerResponse) => void

/** The grids of one finished read, by sheet index as posted, and the file name its years are read from. */
interface KeptGrids { fileName: string; grids: (RawSheet | undefined)[] }

/** One worker's requests: the reads it keeps are its own (tests make as many as they like). */
export function createWorkerHandler(): (request: WorkerRequest, post: Post) => Promise<void> {
  const kept = new Map<number, KeptGrids>()
  return async (request, post) => {
    if (request.type === 'read') await read(request, post, kept)
    else if (request.type === 'reinterpret') reinterpret(request, post, kept)
    else kept.delete(request.readId)
  }
}

async function read(request: ReadRequest, post: Post, kept: Map<number, KeptGrids>): Promise<void> {
  const { id } = request
  try {
    const workbook = await readWorkbook(request.bytes, request.fileName, {
      onProgress: (phase, fraction) => post({ type: 'progress', id, phase, fraction }),
    })
    kept.set(id, { fileName: request.fileName, grids: workbook.sheets.map(rawGridOf) })
    // Copying a whole workbook across threads takes tens of milliseconds on each side for a
    // large list: the summary goes first, and the copy happens while the clerk reads it.
    post({ type: 'summary', id, summary: { sheets: workbook.sheets.map(summarizeSheet) } })
    post({ type: 'done', id, workbook })
  } catch (e) {
    // Anything SheetJS or we did not foresee is reported as a damaged file, with the detail in the console.
    const error = e instanceof ImportError ? e : new ImportError('corrupt', String(e))
    if (error.detail) console.warn('[import]', error.code, error.detail)
    post({ type: 'error', id, ...error.failure })
  }
}

/** Sheet `sheetIndex` of a kept read, with the header rows the clerk chose (those inside the grid). */
function reinterpret(request: ReinterpretRequest, post: Post, kept: Map<number, KeptGrids>): void {
  const { id } = request
  const read = kept.get(request.readId)
  const raw = read?.grids[request.sheetIndex]
  if (!read || !raw) { post({ type: 'error', id, ...importFailure('reread-stopped') }); return }
  const rows = request.headerRows.filter((r) => Number.isInteger(r) && r >= 0 && r < raw.cells.length)
  if (!rows.length) { post({ type: 'error', id, ...importFailure('no-header') }); return }
  try {
    const sheet: ImportedSheet = interpretSheet(raw, read.fileName, rows)
    post({ type: 'sheet', id, sheet, summary: summarizeSheet(sheet) })
  } catch (e) {
    console.warn('[import] reinterpret', String(e))
    post({ type: 'error', id, ...importFailure('reread-stopped') })
  }
}

/** The handler of this worker (the worker entry and the tests' stand-in worker use it). */
export const handleWorkerRequest = createWorkerHandler()
