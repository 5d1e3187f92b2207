// Find and replace: the query, its matches and the current one; replacing is one undoable command.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { findMatches, replaceCommand, type FindMatch } from '../core/find'
import { useDocumentStore } from './document'
import { useUiStore } from './ui'
import { useLocaleStore } from './locale'
import { useDraftStore } from './drafts'

export const useFindStore = defineStore('find', () => {
  const docs = useDocumentStore()
  const ui = useUiStore()
  const i18n = useLocaleStore()
  const query = ref('')
  const replacement = ref('')
  const matchCase = ref(false)
  const wholeCell = ref(false)
  const regex = ref(false)
  const matches = shallowRef<FindMatch[]>([])
  const current = ref(-1)
  const error = ref('')

  function search() {
    const doc = docs.doc
    error.value = ''
    if (!doc || !query.value) { matches.value = []; current.value = -1; publish(); return }
    const result = findMatches(doc, query.value, { matchCase: matchCase.value, wholeCell: wholeCell.value, regex: regex.value, columnIds: doc.columns.filter((c) => !c.hidden).map((c) => c.id) })
    if (!result.ok) { error.value = i18n.locale === 'en' ? result.error.en : result.error.zh; matches.value = []; current.value = -1; publish(); return }
    matches.value = result.matches
    current.value = result.matches.length ? Math.min(Math.max(current.value, 0), result.matches.length - 1) : -1
    publish()
  }

  function publish() {
    ui.findHits = new Set(matches.value.map((m) => `${m.rowId}\u0000${m.colId}`))
    const m = matches.value[current.value]
    ui.findCurrent = m ? `${m.rowId}\u0000${m.colId}` : null
  }

  function go(delta: number) {
    const n = matches.value.length
    if (n === 0) return
    current.value = (current.value + delta + n) % n
    publish()
    const m = matches.value[current.value]!
    docs.focusCell(m.rowId, m.colId)
  }

  function replaceCurrent() {
    const doc = docs.doc
    const m = matches.value[current.value]
    if (!doc || !m) return
    // Every match in the same cell is replaced at once, so offsets never go stale.
    docs.dispatch(replaceCommand(doc, matches.value.filter((x) => x.rowId === m.rowId && x.colId === m.colId), replacement.value))
    search()
  }

  async function replaceAll() {
    const doc = docs.doc
    if (!doc || matches.value.length === 0) return
    // A bulk replace is undoable, and a version is kept too, as the clerk may notice only later.
    await useDraftStore().takeSnapshot(i18n.t('find.snapshotName', { query: query.value }), 'before-replace')
    if (docs.doc !== doc) return
    docs.dispatch(replaceCommand(doc, matches.value, replacement.value))
    search()
  }

  function close() {
    ui.findOpen = false
    matches.value = []
    current.value = -1
    publish()
  }

  watch([query, matchCase, wholeCell, regex], search)
  watch(() => docs.revision, () => { if (ui.findOpen && query.value) search() })

  const countText = computed(() => (matches.value.length === 0
    ? (query.value ? i18n.t('find.none') : '')
    : i18n.t('find.count', { i: current.value + 1, n: matches.value.length })))

  return { query, replacement, matchCase, wholeCell, regex, matches, current, error, countText, go, replaceCurrent, replaceAll, close }
})
