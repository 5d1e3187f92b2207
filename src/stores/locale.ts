// The UI language: zh-CN by default, English on request; remembered in this browser.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { en, zh, type MessageKey } from '../i18n/messages'

export type Locale = 'zh' | 'en'
const KEY = 'jindu.locale'

function initialLocale(): Locale {
  try { return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh' } catch { return 'zh' }
}

export function formatMessage(template: string, params?: Record<string, string | number>): string {
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

export const useLocaleStore = defineStore('locale', () => {
  const locale = ref<Locale>(initialLocale())
  const messages = computed(() => (locale.value === 'en' ? en : zh))

  function t(key: MessageKey, params?: Record<string, string | number>): string {
    return formatMessage(messages.value[key], params)
  }

  function setLocale(next: Locale) {
    locale.value = next
    document.documentElement.lang = next === 'en' ? 'en' : 'zh-CN'
    try { localStorage.setItem(KEY, next) } catch { /* private mode: the choice lasts this visit */ }
  }

  return { locale, t, setLocale, toggle: () => setLocale(locale.value === 'zh' ? 'en' : 'zh') }
})
