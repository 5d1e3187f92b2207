// Find and replace: the query, its matches and the current one; replacing is one undoable command.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { findMatches, replaceCommand, type FindMatch } from '../core'
import type { MessageKey } from '../i18n/messages'
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
  /** Whether the clerk has been taken to the current match yet: the first Enter goes to match 1. */
  let shown = false
  /** Kept as a key, so the message follows the language. */
  const errorKey = ref<MessageKey | null>(null)
  const error = computed(() => (errorKey.value ? i18n.t(errorKey.value) : ''))

  /** A new query starts at match 1; the same query after an edit stays on the match it was on. */
  function search(from: 'start' | 'same' = 'start') {
    const doc = docs.doc
    const was = from === 'same' ? matches.value[current.value] : undefined
    errorKey.value = null
    if (!doc || !query.value) { clear(); return }
    const result = findMatches(doc, query.value, { matchCase: matchCase.value, wholeCell: wholeCell.value, regex: regex.value, columnIds: doc.columns.filter((c) => !c.hidden).map((c) => c.id) })
    if (!result.ok) { errorKey.value = regexProblem(query.value); clear(); return }
    const found = result.matches
    const same = was ? found.findIndex((m) => m.rowId === was.rowId && m.colId === was.colId && m.start === was.start) : -1
    shown = shown && same >= 0
    matches.value = found
    if (found.length === 0) current.value = -1
    else if (same >= 0) current.value = same
    else current.value = from === 'same' ? Math.min(Math.max(current.value, 0), found.length - 1) : 0
    publish()
  }

  function clear() {
    matches.value = []
    current.value = -1
    shown = false
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
    current.value = shown || delta < 0 ? (current.value + delta + n) % n : Math.max(current.value, 0)
    shown = true
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
    search('same')
  }

  async function replaceAll() {
    const doc = docs.doc
    if (!doc || matches.value.length === 0) return
    // A bulk replace is undoable, and a version is kept too, as the clerk may notice only later.
    await useDraftStore().takeSnapshot(i18n.t('find.snapshotName', { query: query.value }), 'before-replace')
    if (docs.doc !== doc) return
    docs.dispatch(replaceCommand(doc, matches.value, replacement.value))
    search('same')
  }

  function close() {
    ui.findOpen = false
  }

  watch([query, matchCase, wholeCell, regex], () => search())
  watch(() => docs.revision, () => { if (ui.findOpen && query.value) search('same') })
  // Closed however it was (Esc, its close button, the toolbar), the highlights go; reopened, they come back.
  watch(() => ui.findOpen, (open) => { if (open) search(); else clear() })

  const countText = computed(() => (matches.value.length === 0
    ? (query.value ? i18n.t('find.none') : '')
    : i18n.t('find.count', { i: current.value + 1, n: matches.value.length })))

  return { query, replacement, matchCase, wholeCell, regex, matches, current, error, countText, go, replaceCurrent, replaceAll, close }
})

/**
 * What is wrong with a regular expression, in the clerk's words: the engine's own message is
 * English and names its internals (“Unterminated character class”).
 */
export function regexProblem(source: string): MessageKey {
  let depth = 0
  let inClass = false
  for (let i = 0; i < source.length; i++) {
    const c = source[i]
    if (c === '\\') {
      if (i === source.length - 1) return 'find.regexTrailingBackslash'
      i++
    } else if (inClass) {
      if (c === ']') inClass = false
    } else if (c === '[') inClass = true
    else if (c === '(') depth++
    else if (c === ')') {
      if (depth === 0) return 'find.regexUnopened'
      depth--
    }
  }
  if (inClass || depth > 0) return 'find.regexUnclosed'
  if (/^[*+?]|\|[*+?]|\([*+]/.test(source)) return 'find.regexNothingToRepeat'
  return 'find.regexInvalid'
}
