// What the grid shows, as its events report it (focus, selection, columns, editing), and the
// requests the grid carries out (clear the sort). The grid pushes; stores and components read.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { useDocumentStore, type FocusTarget, type RowTarget } from './document'
import { useLocaleStore } from './locale'
import { passesQuickFilter, passesRowFilters, quickFilterParts } from './rowFilter'
import { useUiStore } from './ui'

const NONE: readonly string[] = []

export const useGridViewStore = defineStore('gridView', () => {
  /** The focused cell by row id (cellFocused, and after each model update: a row may have moved). */
  const focused = shallowRef<FocusTarget | null>(null)
  const selectedRowIds = shallowRef<readonly string[]>(NONE)
  /** The document columns on screen, in display order (the clerk may drag them). */
  const columnIds = shallowRef<readonly string[]>(NONE)
  /** The first row the grid shows (after its sort and filters): O(1) to read at each model update. */
  const firstRowId = ref<string | null>(null)
  /** A cell editor or the IME box is open: the app's shortcuts, paste and copy leave it alone. */
  const editing = ref(false)
  /** Bumped to ask the grid to drop its sort and show the document's own order. */
  const clearSortRequest = ref(0)

  function rowTarget(): RowTarget {
    return { selectedRowIds: selectedRowIds.value, focused: focused.value, firstColumnId: columnIds.value[0] ?? null }
  }

  /**
   * The rows the filters let through, derived from the document and the filters with the grid's
   * own tests (rowFilter.ts): read when an action needs it (an export of the filtered rows), never per edit.
   */
  function shownRowIds(): Set<string> {
    const docs = useDocumentStore()
    const ui = useUiStore()
    const i18n = useLocaleStore()
    const ids = new Set<string>()
    const d = docs.doc
    if (!d) return ids
    const filters = { state: ui.stateFilter, owner: ui.ownerFilter, rowIds: ui.rowIdFilter?.rowIds ?? null }
    const parts = quickFilterParts(ui.quickFilter)
    const byRow = docs.assessment.byRow
    const stateOf = (id: string) => byRow.get(id)?.state
    for (const row of d.rows) {
      if (!passesRowFilters(row, filters, stateOf, (r) => docs.ownersOf(r))) continue
      const state = stateOf(row.id)
      if (parts && !passesQuickFilter(row, parts, d.columns, state ? i18n.t(`state.${state}`) : '')) continue
      ids.add(row.id)
    }
    return ids
  }

  /** The grid went away (a language switch re-creates it): nothing is focused, selected or edited. */
  function reset() {
    focused.value = null
    selectedRowIds.value = NONE
    editing.value = false
  }

  return {
    focused, selectedRowIds, columnIds, firstRowId, editing, clearSortRequest, rowTarget, shownRowIds, reset,
    clearSort: () => { clearSortRequest.value++ },
  }
})
