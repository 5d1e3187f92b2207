// STUB — replaced by the importer work.
import type { ImportedWorkbook } from '../imported'
export class ImportError extends Error {}
export async function readWorkbook(_bytes: Uint8Array, _fileName: string): Promise<ImportedWorkbook> { throw new ImportError('not yet') }
