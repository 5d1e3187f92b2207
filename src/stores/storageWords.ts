// What the clerk reads for a storage failure: storage returns a kind (and the browser's detail); the words are src/i18n's.
import type { BackupRefusal, LoadFailure, StorageFailure } from '../storage'
import type { MessageKey } from '../i18n/messages'
import { useLocaleStore } from './locale'

/** Every refusal storage returns: a write or read that failed, a draft or snapshot that did not open, a backup refused. */
export type StorageRefusal = StorageFailure | LoadFailure | BackupRefusal

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string

/** The words for `failure` in the clerk's language (`t` defaults to the locale store's). */
export function storageFailureText(failure: StorageRefusal, t: Translate = useLocaleStore().t): string {
  const key = failure.kind === 'invalid'
    ? `storageError.invalid.${failure.reason}`
    : 'subject' in failure && failure.subject ? `storageError.${failure.kind}.${failure.subject}` : `storageError.${failure.kind}`
  const message = t(key as MessageKey)
  const detail = 'detail' in failure ? failure.detail : undefined
  return detail ? t('storageError.detail', { message, detail }) : message
}
