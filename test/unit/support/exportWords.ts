// What the page says for an export's refusal or warning (codes from io, words from src/i18n), in both languages.
import { exportZh } from '../../../src/i18n/exportMessages'
import { exportEn } from '../../../src/i18n/exportMessagesEn'
import { formatMessage } from '../../../src/i18n/format'
import type { ExportFailure, ExportWarning } from '../../../src/io/export/types'

export function exportWords(said: ExportFailure | ExportWarning): { zh: string; en: string } {
  const key = `${'ok' in said ? 'exportError' : 'exportWarning'}.${said.code}` as keyof typeof exportZh
  return { zh: formatMessage(exportZh[key], said.params), en: formatMessage(exportEn[key], said.params) }
}
