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

/** How long a notice stays: one with an action waits for the answer; an error stays long enough to read. */
export function noticeTimeout(kind: Notice['kind'], needsAnswer: boolean): number {
  if (needsAnswer) return 0
  return kind === 'error' ? 20_000 : 6000
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

  /** Notices posted in the current task: a loop posting several (export warnings) keeps them all. */
  const postedThisTask = new Set<number>()
  /**
   * Shows a notice. One of the same kind replaces the one shown (three failed imports leave one
   * error box, the latest), unless that one waits for an answer (it has an action) or was posted
   * in this same task. Notices time out unless they need an answer: see noticeTimeout.
   */
  function notify(kind: Notice['kind'], text: string, action?: Notice['action'], timeoutMs = noticeTimeout(kind, !!action)) {
    const id = nextNotice++
    if (postedThisTask.size === 0) queueMicrotask(() => postedThisTask.clear())
    postedThisTask.add(id)
    const kept = notices.value.filter((n) => n.kind !== kind || !!n.action || postedThisTask.has(n.id))
    notices.value = [...kept, { id, kind, text, action }]
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
