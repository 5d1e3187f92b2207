// The clerk's words for a read that failed: io reports why as a code, figures and (for a file
// that is no spreadsheet) what it is; this composes the sentence from one language's words. It
// imports no words itself, so the page composes with the locale it has loaded (the English words
// come in their own chunk) and the reader's ImportError with both (importErrorTexts.ts).
import type { importZh } from './importMessages'

export type ImportMessageKey = keyof typeof importZh

/** Why a read failed, as data (see ReadFailure in src/io/read/protocol.ts). */
export interface ImportFailureData {
  code: string
  params?: Readonly<Record<string, string | number>>
  what?: string
}

/** Looks up one of the import area's texts in one language and fills in its figures. */
export type SayImport = (key: ImportMessageKey, params?: Record<string, string | number>) => string

/** The sentence a clerk reads for `failure`, in the language of `say`. */
export function importErrorText(failure: ImportFailureData, say: SayImport): string {
  const params = { ...failure.params }
  const key = `importError.${failure.code}` as ImportMessageKey
  if (failure.code === 'not-a-spreadsheet' && failure.what) {
    // "This file is a PDF file, not a spreadsheet." and then the general text's advice (its first sentence dropped).
    const what = say(`importError.what.${failure.what}` as ImportMessageKey)
    return say('importError.namedFile', { ...params, what }) + say(key, params).replace(/^[^。.]*[。.]/, '')
  }
  return say(key, params)
}
