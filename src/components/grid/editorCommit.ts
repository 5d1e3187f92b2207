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
  let changed: () => void = () => {}
  return {
    /** Returns the function that unregisters (the editor closed). */
    add(editor: OpenEditor): () => void {
      open.add(editor)
      changed()
      return () => { if (open.delete(editor)) changed() }
    },
    get size() { return open.size },
    /** Told when an editor opens or closes, at once (AG Grid's own editing events come a task later). */
    onChange(listener: () => void) { changed = listener },
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
      changed()
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

export interface EditorCommitHost {
  closeIme(): void
  /** Closes AG Grid's editor without its own (asynchronous) commit. */
  cancelGridEditing(): void
  /** The page is leaving with these edits in open editors (the draft store keeps and commits them). */
  leaving(edits: CellChange[]): void
  docId(): string | null
  /** Another document is open: apply what the draft session rescued for it. */
  applyRescued(): void
}

/** The grid's side: hand over open editors' text as the page leaves; apply what a reload finds. */
export function useEditorCommit(host: EditorCommitHost) {
  function commitAsPageLeaves() {
    host.closeIme()
    if (openEditors.size === 0) return
    const edits = openEditors.take()
    host.cancelGridEditing()
    host.leaving(edits)
  }
  let unbind: (() => void) | null = null
  onMounted(() => { unbind = commitOnPageLeave(window, document, commitAsPageLeaves) })
  onBeforeUnmount(() => unbind?.())
  // Text an editor held when the page went away before storage had it: an ordinary edit now.
  watch(host.docId, (id) => { if (id) host.applyRescued() }, { immediate: true })
}
