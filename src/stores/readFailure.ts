// A read that failed, in the clerk's language: io says why as a code with figures (and what the file
// is); the words are src/i18n's, in the locale the page has loaded.
import { importErrorText } from '../i18n/importErrorText'
import type { ReadFailure } from '../io'
import { useLocaleStore } from './locale'

export function readFailureText(failure: ReadFailure): string {
  const i18n = useLocaleStore()
  return importErrorText(failure, (key, params) => i18n.t(key, params))
}
