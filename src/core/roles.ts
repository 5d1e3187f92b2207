// STUB — replaced by the importer work.
import type { Role } from './types'
export function detectRole(_header: string): Role | null { return null }
