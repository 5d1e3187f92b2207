// What the page says for a storage refusal (kinds from storage, words from src/i18n), in both languages, without a Pinia store.
import { formatMessage } from '../../../src/i18n/format'
import { zh } from '../../../src/i18n/messages'
import { en } from '../../../src/i18n/messagesEn'
import { storageFailureText, type StorageRefusal } from '../../../src/stores/storageWords'

export function storageWords(failure: StorageRefusal): { zh: string; en: string } {
  return {
    zh: storageFailureText(failure, (key, params) => formatMessage(zh[key], params)),
    en: storageFailureText(failure, (key, params) => formatMessage(en[key], params)),
  }
}
