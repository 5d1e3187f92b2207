// The grid each sheet was read from, for as long as the sheet lives, in the thread that read it:
// the worker keeps a read's grids (to read a sheet again with other header rows, and for the
// summary's top rows) and posts the sheets without them. A copy of a sheet (on the page) has none.
import type { ImportedSheet } from '../imported'
import type { RawSheet } from './rawSheet'

const gridOfSheet = new WeakMap<ImportedSheet, RawSheet>()

export function rememberGrid(sheet: ImportedSheet, raw: RawSheet): void {
  gridOfSheet.set(sheet, raw)
}

/** The raw grid `sheet` was read from, if it was read in this thread. */
export function rawGridOf(sheet: ImportedSheet): RawSheet | undefined {
  return gridOfSheet.get(sheet)
}
