// The UI language: zh-CN by default, English on request; remembered in this browser.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { formatMessage } from '../i18n/format'
import { zh, type MessageKey } from '../i18n/messages'
import { loadLanguage, saveLanguage, type UiLanguage } from '../storage'

export type Locale = UiLanguage
export { formatMessage }

/** A text the engine gives in both languages (its reasons, undo labels); every other layer returns codes, worded from src/i18n. */
export type Bilingual = { zh: string; en: string }

export const useLocaleStore = defineStore('locale', () => {
  const locale = ref<Locale>(loadLanguage())
  /** The English words, once loaded (see messagesEn.ts); until then every text reads in Chinese. */
  const en = shallowRef<Readonly<Record<MessageKey, string>> | null>(null)
  const messages = computed(() => (locale.value === 'en' && en.value ? en.value : zh))

  /** Loads the words of the current language (English comes in its own chunk). */
  async function ready(): Promise<void> {
    if (locale.value === 'en' && !en.value) en.value = (await import('../i18n/messagesEn')).en
  }

  function t(key: MessageKey, params?: Record<string, string | number>): string {
    return formatMessage(messages.value[key], params)
  }

  /** The clerk's language of a text the engine gives in both (reasons, undo labels): the one way such a pair is shown. */
  function pick(pair: Bilingual): string {
    return locale.value === 'en' ? pair.en : pair.zh
  }

  async function setLocale(next: Locale) {
    if (next === 'en' && !en.value) en.value = (await import('../i18n/messagesEn')).en
    locale.value = next
    if (typeof document !== 'undefined') document.documentElement.lang = next === 'en' ? 'en' : 'zh-CN'
    saveLanguage(next)
  }

  return { locale, t, pick, ready, setLocale, toggle: () => setLocale(locale.value === 'zh' ? 'en' : 'zh') }
})
