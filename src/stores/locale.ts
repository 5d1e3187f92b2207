// The UI language: zh-CN by default, English on request; remembered in this browser.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { en, zh, type MessageKey } from '../i18n/messages'
import { loadLanguage, saveLanguage, type UiLanguage } from '../storage'

export type Locale = UiLanguage

export function formatMessage(template: string, params?: Record<string, string | number>): string {
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

export const useLocaleStore = defineStore('locale', () => {
  const locale = ref<Locale>(loadLanguage())
  const messages = computed(() => (locale.value === 'en' ? en : zh))

  function t(key: MessageKey, params?: Record<string, string | number>): string {
    return formatMessage(messages.value[key], params)
  }

  /**
   * The clerk's language of a text that arrives in both (the engine's reasons, a read error, an
   * undo label): the one way every such pair is shown.
   */
  function pick(pair: { zh: string; en: string }): string {
    return locale.value === 'en' ? pair.en : pair.zh
  }

  function setLocale(next: Locale) {
    locale.value = next
    document.documentElement.lang = next === 'en' ? 'en' : 'zh-CN'
    saveLanguage(next)
  }

  return { locale, t, pick, setLocale, toggle: () => setLocale(locale.value === 'zh' ? 'en' : 'zh') }
})
