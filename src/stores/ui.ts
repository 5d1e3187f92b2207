// UI state that is not the document: open panels, filters, the message banner.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { TaskState } from '../core'

export type Panel = 'none' | 'import' | 'export' | 'drafts' | 'help' | 'settings' | 'print' | 'merge' | 'overview'

export interface Notice {
  id: number
  kind: 'info' | 'error' | 'success'
  text: string
  action?: { label: string; run: () => void }
}

export const useUiStore = defineStore('ui', () => {
  const panel = ref<Panel>('none')
  const findOpen = ref(false)
  const replaceOpen = ref(false)
  /** Bumped by Ctrl+F / Ctrl+H: the find bar, open or not, puts focus in its box. */
  const findFocusRequest = ref(0)
  const stateFilter = ref<TaskState | null>(null)
  const ownerFilter = ref<string | null>(null)
  const quickFilter = ref('')
  /**
   * A set of rows picked elsewhere (an overview bar, a merge list): the grid shows only these.
   * `label` names the pick in the status bar so the clerk knows why rows are hidden.
   */
  const rowIdFilter = ref<{ rowIds: ReadonlySet<string>; label: string } | null>(null)
  /** Tasks the filters let through (the grid counts them); null while no filter is on. */
  const shownTasks = ref<number | null>(null)
  const notices = ref<Notice[]>([])
  /** Find hits as `rowId\u0000colId` keys, and the current one, for cell highlighting. */
  const findHits = ref<Set<string>>(new Set())
  const findCurrent = ref<string | null>(null)
  /** The focused state cell's explanation, shown in the status bar (keyboard users read it there). */
  const focusReason = ref('')
  let nextNotice = 1

  function notify(kind: Notice['kind'], text: string, action?: Notice['action'], timeoutMs = kind === 'error' ? 0 : 6000) {
    const id = nextNotice++
    notices.value = [...notices.value, { id, kind, text, action }]
    if (timeoutMs > 0) setTimeout(() => dismiss(id), timeoutMs)
    return id
  }
  function dismiss(id: number) {
    notices.value = notices.value.filter((n) => n.id !== id)
  }
  function openFind(replace: boolean) {
    findOpen.value = true
    replaceOpen.value = replace
    findFocusRequest.value++
  }
  function openPanel(next: Panel) { panel.value = next }
  function closePanel() { panel.value = 'none' }
  function clearFilters() {
    stateFilter.value = null
    ownerFilter.value = null
    quickFilter.value = ''
    rowIdFilter.value = null
  }

  return { panel, shownTasks, findOpen, replaceOpen, findFocusRequest, stateFilter, ownerFilter, quickFilter, rowIdFilter, notices, findHits, findCurrent, focusReason, notify, dismiss, openFind, openPanel, closePanel, clearFilters }
})
