// Keyboard focus around dialogs: focus goes in when one opens, Tab stays inside while it is open,
// and focus goes back to where it was (usually a grid cell) when the last one closes.
import { onBeforeUnmount, onMounted, onUpdated, type Ref } from 'vue'
import { useDocumentStore } from '../stores/document'
import { useGridViewStore } from '../stores/gridView'

const TABBABLE = 'a[href], button, input, select, textarea, [tabindex]'

/** The elements Tab stops at inside `root`, in document order: enabled, shown, one per radio group. */
export function tabbables(root: Element): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => {
    if (el.tabIndex < 0 || el.matches(':disabled') || el.getClientRects().length === 0) return false
    if (el instanceof HTMLInputElement && el.type === 'radio' && !el.checked && el.name) {
      return !root.querySelector(`input[type="radio"][name="${CSS.escape(el.name)}"]:checked`)
    }
    return true
  })
}

interface OpenDialog {
  box: Ref<HTMLElement | null>
  initial: () => HTMLElement | null
  onEscape: () => void
  alsoReachable: string | null
}

/** Where focus was before the first dialog opened: the element, and the grid cell it was, if any. */
interface Place {
  element: HTMLElement | null
  cell: { rowId: string; colId: string } | null
  opener: string | null
}

const open: OpenDialog[] = []
let saved: Place | null = null
/** A dialog closed in this tick: one opening in the same tick replaces it, and focus stays in. */
let settling = false

export function anyDialogOpen(): boolean {
  return open.length > 0
}

/** Keys, copy and paste at a text box (or any editable element) are its own, not the app's or the grid's. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  if (!el) return false
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable
}

function placeOfFocus(opener: string | null): Place {
  const active = document.activeElement
  const element = active instanceof HTMLElement && active !== document.body ? active : null
  const cell = element?.closest('.ag-cell')
  const rowId = cell?.closest('.ag-row')?.getAttribute('row-id')
  const colId = cell?.getAttribute('col-id')
  return { element, cell: rowId && colId ? { rowId, colId } : null, opener }
}

function tryFocus(el: HTMLElement | null | undefined): boolean {
  if (!el?.isConnected) return false
  el.focus()
  return document.activeElement === el
}

function focusedGridCell(): HTMLElement | null {
  return document.querySelector<HTMLElement>('.ag-cell.ag-cell-focus')
}

/** Focus goes to the grid's focused cell (kept by the grid while focus is elsewhere), else `otherwise`. */
export function focusGrid(otherwise: HTMLElement | null = null): void {
  if (!tryFocus(focusedGridCell())) tryFocus(otherwise)
}

function returnFocus(place: Place): void {
  if (tryFocus(place.element)) return
  if (place.cell) {
    // The cell was drawn again (a refresh, a redraw): the same cell, through the grid so its
    // idea of the focused cell stays right.
    useDocumentStore().focusCell(place.cell.rowId, place.cell.colId)
    if (document.activeElement?.closest('.ag-cell')) return
  }
  if (tryFocus(focusedGridCell())) return
  if (place.opener) tryFocus(document.querySelector<HTMLElement>(`[data-testid="${place.opener}"]`))
}

function inside(dialog: OpenDialog, el: Element | null): boolean {
  if (!el) return false
  if (dialog.box.value?.contains(el)) return true
  return !!dialog.alsoReachable && !!el.closest(dialog.alsoReachable)
}

/** What Tab cycles through: the dialog, then what stays reachable beside it (the notices). */
function cycle(dialog: OpenDialog): HTMLElement[] {
  const box = dialog.box.value
  if (!box) return []
  const extra = dialog.alsoReachable ? [...document.querySelectorAll(dialog.alsoReachable)].flatMap(tabbables) : []
  return [...tabbables(box), ...extra]
}

function focusInitial(dialog: OpenDialog): void {
  (dialog.initial() ?? dialog.box.value)?.focus()
}

/** Tab and Shift+Tab wrap around inside the dialog; from anywhere else they go to its edge. */
function moveTab(dialog: OpenDialog, back: boolean): void {
  const items = cycle(dialog)
  if (items.length === 0) return
  const active = document.activeElement
  const at = items.indexOf(active as HTMLElement)
  if (at >= 0) {
    items[(at + (back ? -1 : 1) + items.length) % items.length]!.focus()
    return
  }
  // Focus is on the dialog itself or on text in it: the next stop after it in document order.
  const following = active && inside(dialog, active)
    ? items.filter((el) => (active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0)
    : items
  const preceding = active && inside(dialog, active)
    ? items.filter((el) => (active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING) !== 0)
    : items
  const next = back ? preceding.at(-1) ?? items.at(-1) : following[0] ?? items[0]
  next?.focus()
}

function onKeydown(event: KeyboardEvent): void {
  const top = open.at(-1)
  // Esc during pinyin input cancels the composition, not the dialog.
  if (!top || event.defaultPrevented || event.isComposing) return
  if (event.key === 'Escape') {
    // Esc belongs to the top dialog alone: the shell must not act on it as well.
    event.preventDefault()
    event.stopPropagation()
    top.onEscape()
  } else if (event.key === 'Tab' && !event.ctrlKey && !event.altKey && !event.metaKey) {
    event.preventDefault()
    moveTab(top, event.shiftKey)
  }
}

/** Anything that takes focus outside the dialog (a late grid refresh, a stray script) gives it back. */
function onFocusIn(event: FocusEvent): void {
  const top = open.at(-1)
  if (top && !inside(top, event.target as Element | null)) focusInitial(top)
}

/**
 * Makes `box` a modal dialog for the keyboard. `initial` picks what takes focus on open (and
 * whenever the content changes under the focused control); `opener` is the data-testid of the
 * toolbar button that opens it, where focus goes back if what had focus is gone.
 */
export function useModalFocus(box: Ref<HTMLElement | null>, options: {
  initial: () => HTMLElement | null
  onEscape: () => void
  opener?: string
  alsoReachable?: string
}): void {
  const dialog: OpenDialog = { box, initial: options.initial, onEscape: options.onEscape, alsoReachable: options.alsoReachable ?? null }
  if (open.length === 0 && !settling) saved = placeOfFocus(options.opener ?? null)
  if (open.length === 0) {
    document.addEventListener('keydown', onKeydown)
    document.addEventListener('focusin', onFocusIn)
  }
  open.push(dialog)

  onMounted(() => { if (open.at(-1) === dialog) focusInitial(dialog) })
  // A step of the dialog replaced the focused control (the import's progress → its confirmation).
  onUpdated(() => { if (open.at(-1) === dialog && !inside(dialog, document.activeElement)) focusInitial(dialog) })
  onBeforeUnmount(() => {
    open.splice(open.indexOf(dialog), 1)
    settling = true
    // After this render: another dialog may have opened in its place, or one may remain below.
    queueMicrotask(() => {
      settling = false
      const top = open.at(-1)
      if (top) {
        if (!inside(top, document.activeElement)) focusInitial(top)
        return
      }
      document.removeEventListener('keydown', onKeydown)
      document.removeEventListener('focusin', onFocusIn)
      const place = saved
      saved = null
      if (place) returnFocus(place)
    })
  })
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))

/**
 * Focuses the first cell of the list that `opening` opens, once the grid shows it. A new list
 * shows before it is stored (seconds, for a large one) and is drawn a frame or two after it
 * opens; if `opening` ends with the same list open, nothing opened and focus stays.
 */
export async function focusFirstCellOnceOpen(opening: Promise<unknown>): Promise<void> {
  const docs = useDocumentStore()
  const before = docs.doc
  let settled = false
  void opening.finally(() => { settled = true })
  for (let frame = 0; frame < 600; frame++) {
    if (docs.doc && docs.doc !== before && !anyDialogOpen()) {
      const rowId = useGridViewStore().firstRowId
      const colId = docs.columns.find((c) => !c.hidden)?.id
      if (rowId && colId && docs.rowIndex.has(rowId)) {
        docs.focusCell(rowId, colId)
        if (document.activeElement?.closest('.ag-cell')) return
      }
    } else if (settled && docs.doc === before) return
    await nextFrame()
  }
}
