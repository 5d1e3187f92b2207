// The fast reader's limits: the read budget is the import's own (readLimits.ts, checked in the used area);
// Excel's sheet size only tells what this reader recognises.
export { MAX_ENTRY_RATIO, MAX_UNPACKED_BYTES } from '../readLimits'

/** Excel's own sheet size: a reference beyond it is not a sheet Excel wrote, so SheetJS reads it. */
export const EXCEL_COLUMNS = 16_384
export const EXCEL_ROWS = 1_048_576
/**
 * Compressed bytes fed to the inflater per step. Deflate expands at most 1032×, so a step is
 * shrunk as the unpacked total nears the cap: the overshoot stays under 1032 × the minimum.
 */
export const INFLATE_CHUNK_MIN = 16 * 1024
export const INFLATE_CHUNK_MAX = 256 * 1024
