// An imported sheet becomes the editable TaskDocument: ids for columns and rows, spans keyed by column id.
import { DOCUMENT_SCHEMA_VERSION, ROW_ID_HEADER, defaultSettings, newId, type TaskColumn, type TaskDocument, type TaskRow } from '../core'
import type { ImportedSheet } from './imported'

export function toDocument(sheet: ImportedSheet, fileName: string): TaskDocument {
  // The export's row id column (行标识) comes back hidden, as it was written: it is no content.
  const columns: TaskColumn[] = sheet.columns.map((c) => ({
    id: newId('c'), header: c.header, role: c.role, ...(c.header.trim() === ROW_ID_HEADER ? { hidden: true } : {}),
  }))
  const rows: TaskRow[] = sheet.rows.map((row) => {
    const cells: Record<string, string> = {}
    columns.forEach((col, i) => { cells[col.id] = row.cells[i] ?? '' })
    const out: TaskRow = { id: newId('r'), kind: row.kind, cells, sheetRow: row.sheetRow }
    if (row.spans) {
      const spans: Record<string, number> = {}
      for (const [index, count] of Object.entries(row.spans)) {
        const col = columns[Number(index)]
        if (col && count >= 2) spans[col.id] = count
      }
      if (Object.keys(spans).length) out.spans = spans
    }
    return out
  })
  const now = Date.now()
  const file = fileName.split(/[\\/]/).pop() ?? fileName
  return {
    schemaVersion: DOCUMENT_SCHEMA_VERSION,
    id: newId('d'),
    name: sheet.title ?? (file.replace(/\.[^.]+$/, '') || sheet.name),
    sourceFile: fileName || null,
    sheetName: sheet.name,
    title: sheet.title,
    preamble: [...(sheet.preamble ?? [])],
    // Without a recorded header grid (a hand-built sheet), the column names are the header.
    header: sheet.header && sheet.header.rows.length
      ? { rows: sheet.header.rows.map((r) => [...r]), merges: sheet.header.merges.map((m) => ({ ...m })) }
      : { rows: [columns.map((c) => c.header)], merges: [] },
    columns,
    rows,
    settings: { ...defaultSettings(), year: sheet.year, asOf: sheet.suggestedAsOf ?? null },
    suggestedAsOf: sheet.suggestedAsOf,
    ...(sheet.suggestedAsOfFrom ? { suggestedAsOfFrom: sheet.suggestedAsOfFrom } : {}),
    createdAt: now,
    updatedAt: now,
  }
}
