// The overview beside the grid: the same document and as-of date, its figures from core, and a
// click on any bar, count or overdue task filters the grid to exactly those rows. Also the
// comparison with a named version and the bulletin draft (copy, .docx).
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, toRaw, watch } from 'vue'
import { assessDocument, loadOverview, type Overview, type OverviewEngine, type TaskDocument, type TaskState, type VersionComparison } from '../core'
import { useDocumentStore } from './document'
import { useDraftStore } from './drafts'
import { formatMessage, useLocaleStore } from './locale'
import { useUiStore } from './ui'
import type { MessageKey } from '../i18n/messages'
import { overviewEn, overviewZh, type OverviewMessageKey } from '../i18n/overviewMessages'

export type ComparisonKind = keyof VersionComparison

export const useOverviewStore = defineStore('overview', () => {
  const docs = useDocumentStore()
  const drafts = useDraftStore()
  const ui = useUiStore()
  const i18n = useLocaleStore()

  /** The view's own words (loaded with it), else the app's. */
  function t(key: OverviewMessageKey | MessageKey, params?: Record<string, string | number>): string {
    const table: Record<string, string> = i18n.locale === 'en' ? overviewEn : overviewZh
    return key in table ? formatMessage(table[key]!, params) : i18n.t(key as MessageKey, params)
  }

  /** The overview's functions, in their own chunk: the figures wait for them (a moment, once). */
  const engine = shallowRef<OverviewEngine | null>(null)
  const loaded = loadOverview().then((m) => { engine.value = m })
  /** Resolves when the figures can be computed (the 汇总 sheet's pictures wait for it). */
  async function ready(): Promise<void> { await loaded }

  const overview = computed<Overview | null>(() => {
    const e = engine.value
    return e && docs.doc && docs.assessing === null ? e.overviewOf(toRaw(docs.doc), docs.assessment) : null
  })
  /** The bulletin draft: generated from the figures, then the clerk's to edit until they change. */
  const bulletin = ref('')
  function generateBulletin() {
    bulletin.value = overview.value && engine.value ? engine.value.bulletinText(overview.value, { locale: i18n.locale }) : ''
  }
  watch([overview, () => i18n.locale], generateBulletin, { immediate: true })

  /** Shows only these rows in the grid, named in the status bar, and goes back to the grid. */
  function showRows(rowIds: readonly string[], label: string) {
    ui.clearFilters()
    ui.rowIdFilter = { rowIds: new Set(rowIds), label }
    ui.closePanel()
  }

  function showUnitState(unit: string, state: TaskState) {
    const u = overview.value?.units.find((x) => x.unit === unit)
    if (!u) return
    showRows(u.rowIds[state] ?? [], t('overview.filterLabel', { unit, state: i18n.t(`state.${state}` as MessageKey) }))
  }

  function showMonth(month: string) {
    const m = overview.value?.months.find((x) => x.month === month)
    if (m) showRows(m.rowIds, t('overview.monthLabel', { month }))
  }

  // --- Comparison with an earlier version: a named version of this draft, or another draft ---
  /** What can be compared with: `snapshot:<id>` (this draft's named versions), `draft:<id>` (other drafts). */
  const sources = computed(() => [
    ...drafts.snapshots.map((s) => ({ key: `snapshot:${s.id}`, name: s.name, at: s.createdAt, kind: 'snapshot' as const })),
    ...drafts.list.filter((d) => d.id !== drafts.currentId).map((d) => ({ key: `draft:${d.id}`, name: d.name, at: d.updatedAt, kind: 'draft' as const })),
  ])
  const compareWith = ref<string | null>(null)
  const earlier = shallowRef<TaskDocument | null>(null)
  /** Named versions and drafts are listed afresh each time the overview opens. */
  function refreshVersions() {
    void drafts.refreshSnapshots()
    void drafts.refreshList()
  }
  watch(compareWith, async (key) => {
    earlier.value = null
    if (!key) return
    const [kind, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)]
    const doc = kind === 'draft' ? await drafts.readDraft(id) : await drafts.readSnapshot(id)
    if (compareWith.value !== key) return
    if (!doc) ui.notify('error', t('overview.compareFailed'))
    earlier.value = doc
  })
  /**
   * Rows matched by id, else by task text (another draft has other ids). The earlier version is
   * judged on its own as-of date: "overdue then" is what that version's report said.
   */
  const comparison = computed<VersionComparison | null>(() => {
    const before = earlier.value
    const e = engine.value
    if (!before || !e || !docs.doc || docs.assessing !== null) return null
    return e.compareVersions(assessDocument(before), docs.assessment, e.matchEarlierRows(before, toRaw(docs.doc)))
  })
  /** Each compared row's task, for the comparison's lists. */
  const taskText = computed(() => {
    const c = comparison.value
    return c && docs.doc && engine.value ? engine.value.taskLabels(toRaw(docs.doc), [...c.newlyDone, ...c.newlyOverdue, ...c.stillOverdue]) : new Map<string, string>()
  })
  function showComparison(kind: ComparisonKind) {
    const c = comparison.value
    if (!c) return
    const name = sources.value.find((s) => s.key === compareWith.value)?.name ?? ''
    const what = t(`overview.${kind}`, { n: c[kind].length })
    showRows(c[kind], t('overview.compareLabel', { name, what }))
  }

  // --- The bulletin as text or .docx ---
  async function copyBulletin() {
    try {
      await navigator.clipboard.writeText(bulletin.value)
      ui.notify('success', t('overview.copied'))
    } catch {
      ui.notify('error', t('overview.copyFailed'))
    }
  }
  /** The bulletin as a Word file; docx loads only now, so the first paint never pays for it. */
  async function bulletinDocx(): Promise<{ name: string; bytes: Uint8Array } | null> {
    if (!bulletin.value.trim()) return null
    try {
      const { bulletinToDocx } = await import('../io/export/bulletinDocx')
      const zh = i18n.locale === 'zh'
      const bytes = await bulletinToDocx(bulletin.value, zh ? '重点工作推进情况通报' : 'Progress bulletin on key work')
      performance.mark('jindu:bulletin-docx')
      return { name: `${zh ? '督办通报' : 'bulletin'}_${docs.assessment.asOf}.docx`, bytes }
    } catch (error) {
      ui.notify('error', t('overview.docxFailed', { message: error instanceof Error ? error.message : String(error) }))
      return null
    }
  }

  return {
    t, ready, overview, bulletin, generateBulletin, showRows, showUnitState, showMonth,
    sources, compareWith, comparison, taskText, refreshVersions, showComparison,
    copyBulletin, bulletinDocx,
  }
})
