// Text left in an open cell editor becomes an edit at once when the page hides or unloads: AG Grid
// hands its edit to us a task later (its events to framework listeners are asynchronous), which a
// reload or a closed tab never waits for.
import { onBeforeUnmount, onMounted, watch } from 'vue'
import type { CellChange } from '../../core'

/** An open cell editor, as it registers itself: its cell, the text it opened with, and its text now. */
export interface OpenEditor { rowId: string; colId: string; original: string; value(): string }

/**
 * The cell editors open now. They register themselves (LongTextEditor), since AG Grid's own list
 * of editor instances hands back wrappers without the editor's methods.
 */
export function createEditorRegistry() {
  const open = new Set<OpenEditor>()
  return {
    /** Returns the function that unregisters (the editor closed). */
    add(editor: OpenEditor): () => void {
      open.add(editor)
      return () => { open.delete(editor) }
    },
    get size() { return open.size },
    /**
     * The edits the open editors hold (a text that differs from the one they opened with), read
     * from the editors themselves; they are forgotten, so that closing them commits nothing twice.
     */
    take(): CellChange[] {
      const edits: CellChange[] = []
      for (const editor of open) {
        const value = editor.value()
        if (value !== editor.original) edits.push({ rowId: editor.rowId, colId: editor.colId, value })
      }
      open.clear()
      return edits
    },
  }
}

export const openEditors = createEditorRegistry()

type PageTarget = Pick<Window, 'addEventListener' | 'removeEventListener'>
type DocTarget = Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>

/**
 * Calls `commit` when the page is hidden, left or reloaded. In the capture phase, so it runs before
 * the app's and the draft session's own listeners: the session then sees an unsaved edit and asks
 * before leaving, and the text is an edit whatever the answer. Returns a function that unbinds.
 */
export function commitOnPageLeave(win: PageTarget, doc: DocTarget, commit: () => void): () => void {
  const onLeave = (): void => commit()
  const onVisibility = (): void => { if (doc.visibilityState === 'hidden') commit() }
  win.addEventListener('beforeunload', onLeave, { capture: true })
  win.addEventListener('pagehide', onLeave, { capture: true })
  doc.addEventListener('visibilitychange', onVisibility, { capture: true })
  return () => {
    win.removeEventListener('beforeunload', onLeave, { capture: true })
    win.removeEventListener('pagehide', onLeave, { capture: true })
    doc.removeEventListener('visibilitychange', onVisibility, { capture: true })
  }
}

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>
const RESCUE_KEY = 'jindu.editorRescue'

/**
 * The edits taken from open editors as the page leaves, kept synchronously until storage has them:
 * a reload answered at once, or a closed tab, may end the page before IndexedDB finishes the
 * write (a transaction still in flight at unload is aborted). Reopening the same draft applies what
 * is left, as an ordinary edit; a save that completes clears it.
 */
export function createEditRescue(store: KeyValueStore | null) {
  const read = (): { docId: string; edits: CellChange[] } | null => {
    try {
      const parsed: unknown = JSON.parse(store?.getItem(RESCUE_KEY) ?? 'null')
      if (!parsed || typeof parsed !== 'object') return null
      const { docId, edits } = parsed as { docId?: unknown; edits?: unknown }
      if (typeof docId !== 'string' || !Array.isArray(edits)) return null
      const valid = edits.filter((e): e is CellChange => !!e && typeof e.rowId === 'string' && typeof e.colId === 'string' && typeof e.value === 'string')
      return { docId, edits: valid }
    } catch { return null }
  }
  return {
    keep(docId: string, edits: readonly CellChange[]) {
      if (edits.length === 0) return
      try { store?.setItem(RESCUE_KEY, JSON.stringify({ docId, edits })) } catch { /* no room: the IndexedDB write is still on its way */ }
    },
    clear() {
      try { store?.removeItem(RESCUE_KEY) } catch { /* nothing kept */ }
    },
    /** What was kept for `docId`, now forgotten; nothing for another document (its entry stays). */
    takeFor(docId: string): CellChange[] {
      const kept = read()
      if (!kept || kept.docId !== docId) return []
      this.clear()
      return kept.edits
    },
  }
}

/** The page's localStorage, or none where it is unavailable (private modes, blocked storage). */
export function pageStorage(): KeyValueStore | null {
  try { return typeof localStorage === 'undefined' ? null : localStorage } catch { return null }
}

export interface EditorCommitHost {
  closeIme(): void
  /** Closes AG Grid's editor without its own (asynchronous) commit. */
  cancelGridEditing(): void
  docId(): string | null
  cellValue(rowId: string, colId: string): string | undefined
  setCells(edits: CellChange[]): void
  saved(): boolean
}

/** The grid's side: commit on leaving, keep the edit until it is saved, apply what a reload finds. */
export function useEditorCommit(host: EditorCommitHost, rescue = createEditRescue(pageStorage())) {
  /** `leaving`: the page is being hidden or left, and the edit is also kept where a reload finds it. */
  function commitEditors(leaving = false) {
    host.closeIme()
    if (openEditors.size === 0) return
    const edits = openEditors.take()
    const docId = host.docId()
    if (leaving && docId) rescue.keep(docId, edits)
    host.cancelGridEditing()
    host.setCells(edits)
  }
  let unbind: (() => void) | null = null
  onMounted(() => { unbind = commitOnPageLeave(window, document, () => commitEditors(true)) })
  onBeforeUnmount(() => unbind?.())
  watch(host.saved, (saved) => { if (saved) rescue.clear() })
  // Text an editor held when the page went away before storage had it: an ordinary edit now.
  watch(host.docId, (id) => {
    const edits = id ? rescue.takeFor(id).filter((e) => { const now = host.cellValue(e.rowId, e.colId); return now !== undefined && now !== e.value }) : []
    if (edits.length) host.setCells(edits)
  }, { immediate: true })
  return { commitEditors }
}
