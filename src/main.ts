// Boot: mount the app, catch every stray error as a visible notice (never a white screen).
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import 'ag-grid-community/styles/ag-grid.css'
import 'ag-grid-community/styles/ag-theme-quartz-no-font.css'
// The theme's icons (checkboxes, sort arrows, drag grips) are glyphs of this font, inlined as a
// data: URL (the CSP allows data: fonts for it). The no-font theme alone left them blank.
import 'ag-grid-community/styles/agGridQuartzFont.css'
import './styles.css'
import App from './App.vue'
import { useUiStore } from './stores/ui'
import { useLocaleStore } from './stores/locale'
import { registerSW } from 'virtual:pwa-register'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)

function reportUnexpected(error: unknown) {
  const message = error instanceof Error ? error.message : String(error)
  const ui = useUiStore(pinia)
  const i18n = useLocaleStore(pinia)
  ui.notify('error', i18n.t('error.unexpected', { message }))
}

app.config.errorHandler = (error) => {
  console.error('[jindu] unexpected error', error)
  reportUnexpected(error)
}
window.addEventListener('unhandledrejection', (event) => {
  event.preventDefault()
  console.error('[jindu] unhandled rejection', event.reason)
  reportUnexpected(event.reason)
})

const locale = useLocaleStore(pinia)
document.documentElement.lang = locale.locale === 'en' ? 'en' : 'zh-CN'
// A clerk who chose English sees English from the first paint: its words load before mounting.
void locale.ready().catch((error: unknown) => console.error('[jindu] English words did not load', error)).finally(() => app.mount('#app'))

// Offline: the service worker precaches the built app. An update is offered, never forced mid-edit.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  const updateSW = registerSW({
    onNeedRefresh() {
      const i18n = useLocaleStore(pinia)
      useUiStore(pinia).notify('info', i18n.t('update.available'), { label: i18n.t('update.reload'), run: () => void updateSW(true) }, 0)
    },
  })
}
