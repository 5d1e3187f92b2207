// The overview beside the grid: the same document and as-of date, its figures from core, and a
// click on any bar, count or overdue task filters the grid to exactly those rows.
import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { bulletinText, overviewOf, type Overview, type TaskState } from '../core'
import { useDocumentStore } from './document'
import { useLocaleStore } from './locale'
import { useUiStore } from './ui'
import type { MessageKey } from '../i18n/messages'

export const useOverviewStore = defineStore('overview', () => {
  const docs = useDocumentStore()
  const ui = useUiStore()
  const i18n = useLocaleStore()

  const overview = computed<Overview | null>(() => (docs.doc && docs.assessing === null ? overviewOf(docs.doc, docs.assessment) : null))
  /** The bulletin draft: generated from the figures, then the clerk's to edit until they change. */
  const bulletin = ref('')
  watch([overview, () => i18n.locale], () => {
    bulletin.value = overview.value ? bulletinText(overview.value, { locale: i18n.locale }) : ''
  }, { immediate: true })

  /** Shows only these rows in the grid, named in the status bar, and goes back to the grid. */
  function showRows(rowIds: readonly string[], label: string) {
    ui.clearFilters()
    ui.rowIdFilter = { rowIds: new Set(rowIds), label }
    ui.closePanel()
  }

  function showUnitState(unit: string, state: TaskState) {
    const u = overview.value?.units.find((x) => x.unit === unit)
    if (!u) return
    showRows(u.rowIds[state] ?? [], i18n.t('overview.filterLabel', { unit, state: i18n.t(`state.${state}` as MessageKey) }))
  }

  return { overview, bulletin, showRows, showUnitState }
})
