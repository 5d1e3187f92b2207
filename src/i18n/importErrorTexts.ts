// Both languages of a read's refusal at once, for the reader's ImportError (its message is Chinese,
// messageEn English: readWorkbook's callers outside the page, tests and checks, read them there).
// The page never loads this file: it composes in the clerk's language (importErrorText.ts).
import { formatMessage } from './format'
import { importErrorText, type ImportFailureData } from './importErrorText'
import { importZh } from './importMessages'
import { importEn } from './importMessagesEn'

export function importErrorTexts(failure: ImportFailureData): { zh: string; en: string } {
  return {
    zh: importErrorText(failure, (key, params) => formatMessage(importZh[key], params)),
    en: importErrorText(failure, (key, params) => formatMessage(importEn[key], params)),
  }
}
