// Naming exported files after the document's title and as-of date, legal on Windows, macOS and Linux.
import type { TaskDocument } from '../../core'
import type { ExportFormat, ExportSplit } from './types'

/** Longest base name kept: Windows paths stop at 260 characters, and the name is only a label. */
const MAX_BASE_CHARS = 120

/** Characters Windows forbids in file names, control characters, and runs of whitespace. */
export function sanitizeFileName(text: string): string {
  const cleaned = text.replace(/[\\/:*?"<>|\u0000-\u001F\u007F]/g, '').replace(/\s+/g, ' ').trim()
  // A trailing dot or space is silently dropped by Windows; a leading dot hides the file on Unix.
  return cleaned.replace(/^[.\s]+|[.\s]+$/g, '').slice(0, MAX_BASE_CHARS).trim()
}

/**
 * A title's trailing bracketed subtitle (`…清单(一季度政府工作报告重点任务执行落实情况)`) explains
 * the table but makes the file name too long to read in a folder listing; the as-of date
 * appended after it already says which report it is.
 */
function dropTrailingSubtitle(title: string): string {
  const short = title.replace(/\s*[((【[][^((【[))】\]]*[))】\]]\s*$/, '')
  return short.length >= 4 ? short : title
}

/** `开化县2023年度重点工作清单_截至2023-03-31` without an extension. */
export function exportBaseName(doc: Pick<TaskDocument, 'title' | 'name'>, asOf: string): string {
  const title = sanitizeFileName(dropTrailingSubtitle(doc.title ?? '')) || sanitizeFileName(doc.name) || '重点工作清单'
  return `${title}_截至${asOf}`
}

/** e.g. `开化县2023年度重点工作清单_截至2023-03-31.xlsx`. */
export function exportFileName(doc: Pick<TaskDocument, 'title' | 'name'>, asOf: string, ext: string): string {
  return `${exportBaseName(doc, asOf)}.${ext.replace(/^\./, '')}`
}

/**
 * The name of what the browser downloads: the table itself, or for a split the workbook of unit
 * sheets (`…_按责任单位.xlsx`) or the zip of unit files (`…_按责任单位.zip`). The export dialog
 * shows this name, so the clerk looks for the file that arrives.
 */
export function exportDownloadName(doc: Pick<TaskDocument, 'title' | 'name'>, asOf: string, format: ExportFormat, split: ExportSplit): string {
  const base = exportBaseName(doc, asOf)
  if (split === 'none') return `${base}.${format}`
  return `${base}_按责任单位.${split === 'owner-files' ? 'zip' : format}`
}
