// The fast reader's read budget. The lead will point these at src/io/read/readLimits.ts once it lands.
export { MAX_UNPACKED_BYTES } from '../errors'

/** More cells than this is refused: a browser tab cannot hold the grid (SheetJS would stall first). */
export const MAX_CELLS = 5_000_000
/** Excel's own limits: a reference beyond them is not a sheet Excel wrote, so SheetJS reads it. */
export const MAX_COLUMNS = 16_384
export const MAX_ROWS = 1_048_576
/**
 * Compressed bytes fed to the inflater per step. Deflate expands at most 1032×, so a step is
 * shrunk as the unpacked total nears the cap: the overshoot stays under 1032 × the minimum.
 */
export const INFLATE_CHUNK_MIN = 16 * 1024
export const INFLATE_CHUNK_MAX = 256 * 1024
