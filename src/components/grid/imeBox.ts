// The IME box: an edit started by an input method, in a textarea over the cell (ag-grid#12805), and its keys.
import type { ShallowRef } from 'vue'
import { isLineBreakKey, withoutTrailingBreaks, type CellChange } from '../../core'

type KeyLike = Pick<KeyboardEvent, 'key' | 'keyCode' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'isComposing'>

/**
 * A key on a cell that starts an input-method edit: 'Process' (keyCode 229) with no Ctrl, Cmd or
 * Alt. Some input methods report Ctrl+Z as 'Process' too; it is a shortcut, not typing, and a box
 * opened for it would receive the browser's own undo (of another text box on the page).
 */
export function startsImeEdit(e: KeyLike): boolean {
  return (e.key === 'Process' || e.keyCode === 229) && !e.ctrlKey && !e.metaKey && !e.altKey
}

export type ImeKeyAction = 'ime' | 'cancel' | 'newline' | 'commit' | 'commit-tab' | 'table-undo' | 'table-redo' | 'none'

/**
 * What a key in the IME box does. Ctrl+Z (Ctrl+Y, Ctrl+Shift+Z) in a box with nothing in it is the
 * table's undo (redo): the browser's own would undo the last typing anywhere on the page, such as
 * the document title. With text in the box, Ctrl+Z undoes that typing, as in any text box.
 */
export function imeKeyAction(e: KeyLike, boxValue: string): ImeKeyAction {
  if (e.isComposing || e.keyCode === 229) return 'ime' // keys that drive the IME's own candidate list
  const mod = e.ctrlKey || e.metaKey
  const key = e.key.toLowerCase()
  if (mod && !e.altKey && boxValue === '' && (key === 'z' || key === 'y')) return key === 'z' && !e.shiftKey ? 'table-undo' : 'table-redo'
  if (e.key === 'Escape') return 'cancel'
  if (isLineBreakKey(e as KeyboardEvent)) return 'newline'
  if (e.key === 'Enter' && mod) return 'commit'
  if (e.key === 'Tab') return 'commit-tab'
  return 'none'
}

export interface ImeBoxHost {
  box: ShallowRef<HTMLTextAreaElement | null>
  wrap: ShallowRef<HTMLElement | null>
  readOnly(): boolean
  /** A document column (not the state or selection column). */
  isDataColumn(colId: string): boolean
  setCells(cells: CellChange[]): void
  undo(): void
  redo(): void
  /** Focus back on the cell once the box closes. */
  focusCell(rowId: string, colId: string): void
  tab(back: boolean): void
  /** The box opened or closed (the app's shortcuts leave an open box alone). */
  openChanged(): void
}

export function useImeBox(host: ImeBoxHost) {
  let target: { rowId: string; colId: string } | null = null

  function open(rowId: string, colId: string, cell: HTMLElement) {
    const box = host.box.value
    const wrap = host.wrap.value
    if (!box || !wrap) return
    const at = cell.getBoundingClientRect()
    const origin = wrap.getBoundingClientRect()
    target = { rowId, colId }
    // Direct DOM writes, not reactive state: the box must be shown and focused before this keydown ends.
    box.value = ''
    box.style.left = `${at.left - origin.left}px`
    box.style.top = `${at.top - origin.top}px`
    box.style.width = `${Math.max(at.width, 240)}px`
    box.style.minHeight = `${Math.max(at.height, 34)}px`
    box.style.display = 'block'
    box.focus()
    host.openChanged()
  }

  function close(commit: boolean) {
    const box = host.box.value
    const was = target
    if (!box || !was) return
    target = null
    box.style.display = 'none'
    host.openChanged()
    if (commit && box.value !== '') host.setCells([{ rowId: was.rowId, colId: was.colId, value: withoutTrailingBreaks(box.value) }])
    host.focusCell(was.rowId, was.colId)
  }

  /**
   * A pinyin IME sends keydown 'Process' (keyCode 229) and composes right after, into whatever is
   * focused then. AG Grid's key events reach us a task later and its editor mounts later still,
   * too late for the first syllable (lost or doubled: ag-grid#12805). So the DOM keydown is caught
   * in the capture phase, and the edit starts in a box focused before this keydown ends.
   */
  function onCellKeydown(event: KeyboardEvent) {
    if (!startsImeEdit(event)) return
    const cell = (event.target as HTMLElement | null)?.closest<HTMLElement>('.ag-cell')
    if (!cell || event.target !== cell || host.readOnly()) return
    const colId = cell.getAttribute('col-id')
    const rowId = cell.closest('.ag-row')?.getAttribute('row-id')
    if (!colId || !rowId || !host.isDataColumn(colId)) return
    event.stopPropagation()
    open(rowId, colId, cell)
  }

  function onBoxKeydown(event: KeyboardEvent) {
    const box = event.target as HTMLTextAreaElement
    const action = imeKeyAction(event, box.value)
    if (action === 'ime' || action === 'none') return
    event.preventDefault()
    // The box's keys are its own: the app's shortcuts (Ctrl+Z among them) must not act twice.
    event.stopPropagation()
    switch (action) {
      case 'cancel': close(false); break
      case 'newline': box.setRangeText('\n', box.selectionStart, box.selectionEnd, 'end'); break
      case 'commit': close(true); break
      case 'commit-tab': close(true); host.tab(event.shiftKey); break
      case 'table-undo': close(false); host.undo(); break
      case 'table-redo': close(false); host.redo(); break
    }
  }

  return { open, close, onCellKeydown, onBoxKeydown, isOpen: () => target !== null }
}
