// HTML tables (saved web pages, "xls" files that are really HTML, pasted clipboard HTML) to raw grids,
// through the one table reader in core (shared with paste), within the import's limits.
import { readHtmlTables as readTables, TableTooLarge, type TableLimits } from '../../core/htmlTable'
import { ImportError } from './errors'
import { MAX_CELLS, MAX_COLUMNS, MAX_HTML_COLSPAN, MAX_HTML_ROWSPAN, MAX_ROWS } from './readLimits'
import { trimCellText, type RawSheet } from './rawSheet'

const LIMITS: TableLimits = { maxRows: MAX_ROWS, maxColumns: MAX_COLUMNS, maxCells: MAX_CELLS, maxRowspan: MAX_HTML_ROWSPAN, maxColspan: MAX_HTML_COLSPAN }

/** Every table with at least two rows, as raw grids, each headed by its title (the text just above it) and caption. */
export function readHtmlTables(html: string, name = '表格'): RawSheet[] {
  let tables
  try {
    tables = readTables(html, LIMITS).filter((t) => t.cells.length >= 2)
  } catch (e) {
    if (!(e instanceof TableTooLarge)) throw e
    const params = { sheet: name, found: e.found.toLocaleString('en-US'), rows: e.rows, columns: e.columns, where: `${e.rows} × ${e.columns}` }
    throw new ImportError(e.what === 'columns' ? 'too-many-columns' : e.what === 'rows' ? 'too-many-rows' : 'too-many-cells', e.message, params)
  }
  return tables.map((t, i) => {
    const prefix = [t.before, t.caption].filter((line) => line.trim()).map(trimCellText)
    const cells = [...prefix.map((line) => [line]), ...t.cells.map((row) => row.map(trimCellText))]
    const merges = t.merges.map((m) => ({ r0: m.r0 + prefix.length, c0: m.c0, r1: m.r1 + prefix.length, c1: m.c1 }))
    return { name: tables.length > 1 ? `${name} ${i + 1}` : name, cells, merges, source: { format: 'html' } }
  })
}
