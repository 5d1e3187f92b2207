// The text of open cell editors as the page leaves, kept synchronously (localStorage) until the draft's write is stored.
import type { CellChange } from '../core'
import { EDITOR_RESCUE_KEY as RESCUE_KEY } from './settingKeys'

/** The part of Web Storage the rescue uses: a test hands in a Map-backed one. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

export interface EditRescue {
  /** Keeps `edits` for `docId` (replacing what was kept); nothing for no edits. */
  keep(docId: string, edits: readonly CellChange[]): void
  /** A save completed: what was kept is stored now. */
  clear(): void
  /** What was kept for `docId`, now forgotten; nothing for another document (its entry stays). */
  takeFor(docId: string): CellChange[]
}

/**
 * A reload answered at once, or a closed tab, may end the page before IndexedDB finishes the write
 * (a transaction still in flight at unload is aborted). Reopening the same draft applies what is
 * left, as an ordinary edit; a save that completes clears it.
 */
export function createEditRescue(store: KeyValueStore | null): EditRescue {
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
  const clear = (): void => {
    try { store?.removeItem(RESCUE_KEY) } catch { /* nothing kept */ }
  }
  return {
    keep(docId, edits) {
      if (edits.length === 0) return
      try { store?.setItem(RESCUE_KEY, JSON.stringify({ docId, edits })) } catch { /* no room: the IndexedDB write is still on its way */ }
    },
    clear,
    takeFor(docId) {
      const kept = read()
      if (!kept || kept.docId !== docId) return []
      clear()
      return kept.edits
    },
  }
}
