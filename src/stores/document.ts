// The open document: every change is a command (with its inverse for undo), assessed incrementally and handed to storage.
import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef, watch } from 'vue'
import {
  todayIso, type DocumentSettings, type Role, type TaskColumn, type TaskDocument, type TaskRow,
  History, applyCommand, isEmptyChanged, warmUpRules, newId, parseHtmlTable, parsePlainText, pasteCommand, toHtmlTable, toTsv,
  type CellChange, type Changed, type DocCommand,
} from '../core'
import { useLocaleStore } from './locale'
import { useUiStore } from './ui'
import { afterNextPaint, whenIdle } from './frames'
import { createIncrementalAssessment } from './incrementalAssessment'

/** What the grid needs to update itself after a change. */
export interface GridChange {
  rows: string[]
  /** Rows were added, removed or reordered, or columns changed: reload the row data. */
  structure: boolean
  /** Settings changed: every state may differ. */
  assessAll: boolean
  /**
   * The cell to focus once the grid holds this change (an inserted row, a moved row): the one
   * place that decides focus after a change. Null: focus stays where the grid has it.
   */
  focus?: FocusTarget | null
}

export interface FocusTarget { rowId: string; colId: string }

/** The rows a row action applies to, as the clerk has them (the grid view store reports them). */
export interface RowTarget {
  selectedRowIds: readonly string[]
  focused: FocusTarget | null
  /** The first document column on screen: where a new row is typed when no cell has focus. */
  firstColumnId: string | null
}

/** Where a paste lands, as the grid shows it: the focused cell, the columns on screen, the rows from it down. */
export interface PasteTarget {
  at: FocusTarget
  /** The document columns on screen, in display order. */
  colIds: readonly string[]
  /** The rows shown from `at`'s row down (as many as the block has lines, or fewer at the end). */
  rowIds: readonly string[]
}

/** What a copy takes, as the grid shows it: a Shift block, else the selected rows, else the focused cell. */
export interface CopySource {
  block: { rowIds: readonly string[]; colIds: readonly string[] } | null
  selectedRowIds: readonly string[]
  colIds: readonly string[]
  focused: FocusTarget | null
}

/** Storage listens here: the draft store writes exactly what changed. */
export type ChangeListener = (doc: TaskDocument, before: TaskDocument, changed: Changed, freshRowIds: ReadonlySet<string>) => void

const NO_COLUMNS: readonly TaskColumn[] = []

export const useDocumentStore = defineStore('document', () => {
  const doc = shallowRef<TaskDocument | null>(null)
  const revision = ref(0)
  const lastChange = shallowRef<GridChange | null>(null)
  const readOnly = ref(false)
  const pinTask = ref(false)
  const today = ref(todayIso())
  const history = markRaw(new History({ limit: 200 }))
  const historyTick = ref(0)
  /**
   * The columns, as a computed of their own: a cell edit replaces the document but keeps the
   * columns array, and a computed whose value is unchanged does not wake its dependents — so
   * the grid's column definitions are not rebuilt on every keystroke.
   */
  const columns = computed(() => doc.value?.columns ?? NO_COLUMNS)
  /**
   * Which document is open, for templates that only show or enable things when there is one: a
   * computed of its own, so a cell edit (a new document object, the same id) re-renders none of them.
   */
  const hasDoc = computed(() => doc.value !== null)
  const docId = computed(() => doc.value?.id ?? null)
  /** The document without subscribing to it, for computeds that have their own trigger. */
  let current: TaskDocument | null = null
  const untrackedDoc = (): TaskDocument | null => current
  const listeners: ChangeListener[] = []
  /** A cell to focus now, not after a change (a find match, a dialog giving focus back): the grid applies it at once. */
  const focusRequest = shallowRef<FocusTarget | null>(null)

  // Assessment, kept incrementally: a cell edit re-assesses one row, not the whole list.
  const assessor = createIncrementalAssessment({
    today: () => today.value,
    currentDoc: () => doc.value,
    slicedPassDone: () => bump({ rows: [], structure: false, assessAll: true }),
  })
  const { assessment, assessing, assessProgress, reassess, reassessRows } = assessor

  function bump(change: GridChange | null) {
    lastChange.value = change
    revision.value++
  }

  /** Opens a document (from storage or an import): clears undo, assesses everything. */
  function open(next: TaskDocument | null, options: { readOnly?: boolean } = {}) {
    doc.value = current = next ? markRaw(next) : null
    ownersTick.value++
    history.clear()
    historyTick.value++
    readOnly.value = options.readOnly ?? false
    reassess(doc.value, true, true)
    bump(null)
    // The clerk's first edit may read text in a way this list's rows never did: run the rules
    // through those paths now, while the page is idle, not in that edit's save time.
    const opened = doc.value
    if (opened) whenIdle(() => { if (doc.value === opened) warmUpRules(opened, assessment.value.asOf) }, 2000)
  }

  /** The draft's name changed (from the draft list): not an edit, so no undo step, no reassessment, no redraw. */
  function setName(name: string) {
    if (doc.value && doc.value.name !== name) doc.value = current = markRaw({ ...doc.value, name })
  }

  const ROW_ONLY: ReadonlySet<DocCommand['kind']> = new Set(['setCells', 'replaceAll', 'setOverride', 'putRows', 'renumberSeq'])

  function commit(before: TaskDocument, after: TaskDocument, changed: Changed, cmdKind: DocCommand['kind'] | 'undo', focus: FocusTarget | null = null) {
    if (isEmptyChanged(changed)) return
    doc.value = current = markRaw(after)
    historyTick.value++
    const fresh = new Set(changed.rows.filter((id) => !assessor.rowIndex().has(id)))
    // Row-only edits keep order and columns: patch those rows. Anything else: recompute all.
    const rowsOnly = !changed.meta && changed.removedRows.length === 0 && cmdKind !== 'undo' && ROW_ONLY.has(cmdKind as DocCommand['kind'])
      && changed.rows.every((id) => assessor.rowIndex().has(id))
    if (rowsOnly) {
      // One pass finds the new versions of the changed rows (one early-exit scan for a cell edit).
      const ids = new Set(changed.rows)
      let ownersMoved = false
      let found = 0
      for (let i = 0; i < after.rows.length && found < ids.size; i++) {
        const row = after.rows[i]!
        if (!ids.has(row.id)) continue
        found++
        if (!ownersMoved) ownersMoved = ownersDiffer(assessor.rowIndex().get(row.id), row)
        assessor.rowIndex().set(row.id, row)
      }
      if (ownersMoved) ownersTick.value++
      reassessRows(after, changed.rows)
      bump({ rows: changed.rows, structure: false, assessAll: false, focus })
    } else {
      const settingsChanged = before.settings !== after.settings || before.columns !== after.columns
      const structure = changed.removedRows.length > 0 || before.rows.length !== after.rows.length || before.columns !== after.columns
        || fresh.size > 0 || (changed.meta && orderChanged(before, after))
      // Any owner cell may have changed (an undo, a paste, a row added or removed): the
      // 责任单位 choices are gathered again, so the filter never offers a name no cell has.
      ownersTick.value++
      reassess(after, settingsChanged)
      bump({ rows: changed.rows, structure, assessAll: settingsChanged, focus })
    }
    for (const listener of listeners) listener(after, before, changed, fresh)
  }

  function orderChanged(a: TaskDocument, b: TaskDocument): boolean {
    if (a.rows.length !== b.rows.length) return true
    for (let i = 0; i < a.rows.length; i++) if (a.rows[i]!.id !== b.rows[i]!.id) return true
    return false
  }

  /**
   * Applies one command as one undo step, then focuses `focus` once the grid shows the change.
   * Refused while another tab owns the draft.
   */
  function dispatch(cmd: DocCommand, focus: FocusTarget | null = null): boolean {
    const before = doc.value
    if (!before || readOnly.value) return false
    const result = history.apply(before, cmd)
    commit(before, result.doc, result.changed, cmd.kind, focus)
    return true
  }

  /** Applies a command that is not an undo step (a view change such as a column width). */
  function applyView(cmd: DocCommand) {
    const before = doc.value
    if (!before || readOnly.value) return
    const result = applyCommand(before, cmd)
    commit(before, result.doc, result.changed, cmd.kind)
  }

  function undo() {
    const before = doc.value
    if (!before || readOnly.value) return
    const move = history.undo(before)
    if (move) commit(before, move.doc, move.changed, 'undo')
  }
  function redo() {
    const before = doc.value
    if (!before || readOnly.value) return
    const move = history.redo(before)
    if (move) commit(before, move.doc, move.changed, 'undo')
  }

  const canUndo = computed(() => (historyTick.value, history.canUndo && !readOnly.value))
  const canRedo = computed(() => (historyTick.value, history.canRedo && !readOnly.value))
  const undoLabel = computed(() => { void historyTick.value; const l = history.undoLabel; return l ? useLocaleStore().pick(l) : '' })
  const redoLabel = computed(() => { void historyTick.value; const l = history.redoLabel; return l ? useLocaleStore().pick(l) : '' })

  function setCells(cells: CellChange[]) {
    if (cells.length === 0) return
    performance.mark('jindu:edit-committed')
    dispatch({ kind: 'setCells', cells })
  }

  /** Cycles a milestone: automatic → the opposite of what the rules say → automatic. */
  function toggleMilestone(rowId: string, index: number) {
    const row = assessor.rowIndex().get(rowId)
    const milestone = assessment.value.byRow.get(rowId)?.milestones.find((m) => m.index === index)
    if (!row || !milestone) return
    const current = row.overrides?.[index]
    dispatch({ kind: 'setOverride', rowId, index, done: current === undefined ? !milestone.done : null })
  }

  function setSettings(settings: Partial<DocumentSettings>) { dispatch({ kind: 'setSettings', settings }) }
  function setTitle(title: string) { dispatch({ kind: 'setTitle', title }) }
  function setColumnRole(colId: string, role: Role | null) { dispatch({ kind: 'setColumnRole', colId, role }) }
  function renameHeader(colId: string, header: string) { dispatch({ kind: 'renameHeader', colId, header }) }
  function setColumnWidth(colId: string, width: number) { applyView({ kind: 'setColumnWidth', colId, width: Math.round(width) }) }
  function setColumnHidden(colId: string, hidden: boolean) { applyView({ kind: 'setColumnHidden', colId, hidden }) }
  function addColumn(header: string) {
    if (!doc.value) return
    dispatch({ kind: 'addColumn', index: doc.value.columns.length, column: { header, role: header === '备注' || header === 'Note' ? 'note' : null } })
  }
  function renumber() { dispatch({ kind: 'renumberSeq' }) }

  function indexOfRow(rowId: string): number {
    return doc.value ? doc.value.rows.findIndex((r) => r.id === rowId) : -1
  }
  /** Inserts an empty row (or a section row); returns its id, or null when nothing was inserted. */
  function insertRow(rowId: string | null, where: 'above' | 'below', kind: 'data' | 'section' = 'data', focusColId: string | null = null): string | null {
    if (!doc.value) return null
    const at = rowId ? indexOfRow(rowId) : doc.value.rows.length - 1
    const index = where === 'above' ? Math.max(0, at) : at + 1
    const id = newId(kind === 'section' ? 's' : 'r')
    const focus = focusColId ? { rowId: id, colId: focusColId } : null
    const done = kind === 'section'
      ? dispatch({ kind: 'addSectionRow', index, label: useLocaleStore().t('grid.section'), id }, focus)
      : dispatch({ kind: 'insertRows', index, rows: [{ id, kind: 'data', cells: {} }] }, focus)
    return done ? id : null
  }
  function deleteRows(rowIds: string[]) { if (rowIds.length) dispatch({ kind: 'deleteRows', rowIds }) }
  function duplicateRows(rowIds: string[]) { if (rowIds.length) dispatch({ kind: 'duplicateRows', rowIds }) }
  /** Moves rows by `delta` places; with `focusColId`, focus follows the first row to its new place. */
  function moveRowsBy(rowIds: string[], delta: number, focusColId: string | null = null) {
    const d = doc.value
    if (!d || rowIds.length === 0) return
    const first = indexOfRow(rowIds[0]!)
    const target = Math.max(0, Math.min(d.rows.length - rowIds.length, first + delta))
    if (target !== first) dispatch({ kind: 'moveRows', rowIds, toIndex: target }, focusColId ? { rowId: rowIds[0]!, colId: focusColId } : null)
  }
  function moveRowsTo(rowIds: string[], overRowId: string) {
    const target = indexOfRow(overRowId)
    if (target >= 0) dispatch({ kind: 'moveRows', rowIds, toIndex: target })
  }

  /** The rows a row action applies to: the selected rows, else the focused one, in document order. */
  function targetRowIds(target: RowTarget): string[] {
    const ids = target.selectedRowIds.length ? [...target.selectedRowIds] : target.focused ? [target.focused.rowId] : []
    const d = doc.value
    if (!d || ids.length < 2) return ids
    const order = new Map(d.rows.map((r, i) => [r.id, i]))
    return [...ids].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
  }

  /** Row actions from the toolbar and their shortcuts; focus follows the row. */
  function rowAction(action: 'insert-above' | 'insert-below' | 'section' | 'duplicate' | 'delete', target: RowTarget) {
    const ids = targetRowIds(target)
    const d = doc.value
    const inserting = action === 'insert-above' || action === 'insert-below' || action === 'section'
    if (inserting && d && !readOnly.value) {
      // An empty row passes no filter: it would vanish as it is made. The filters go first, and say so.
      const ui = useUiStore()
      if (ui.stateFilter || ui.ownerFilter || ui.quickFilter || ui.rowIdFilter) {
        ui.clearFilters()
        ui.notify('info', useLocaleStore().t('grid.filtersClearedForNewRow'))
      }
    }
    // The new row is where the clerk types next, whether the toolbar or a key inserted it.
    const colId = target.focused?.colId ?? target.firstColumnId
    switch (action) {
      case 'insert-above': insertRow(ids[0] ?? null, 'above', 'data', colId); break
      case 'insert-below': insertRow(ids[ids.length - 1] ?? null, 'below', 'data', colId); break
      case 'section': insertRow(ids[0] ?? null, 'above', 'section', colId); break
      case 'duplicate': duplicateRows(ids); break
      case 'delete': deleteRows(ids); break
    }
  }

  // --- Clipboard ---
  /** Pastes a copied block (HTML table or TSV) at `target.at`, down the rows the grid shows; one undo step. */
  function pasteCells(html: string, text: string, target: PasteTarget) {
    const d = doc.value
    if (!d || readOnly.value || !target.colIds.includes(target.at.colId)) return
    const block = html ? parseHtmlTable(html) : []
    const cells = block.length ? block : parsePlainText(text)
    if (cells.length === 0) return
    dispatch(pasteCommand(d, cells, target.at, target.colIds, target.rowIds))
  }

  /** A Shift block, else the selected rows (with their headers), else the focused cell, as TSV and HTML. */
  function copyBlock(source: CopySource): { tsv: string; html: string } | null {
    const d = doc.value
    if (!d) return null
    const cellOf = (rowId: string, colId: string) => assessor.rowIndex().get(rowId)?.cells[colId] ?? ''
    if (source.block) {
      const grid2d = source.block.rowIds.map((id) => source.block!.colIds.map((c) => cellOf(id, c)))
      return { tsv: toTsv(grid2d), html: toHtmlTable(grid2d) }
    }
    if (source.selectedRowIds.length > 0) {
      const rows = source.selectedRowIds.filter((id) => assessor.rowIndex().has(id))
      const block = rows.map((id) => source.colIds.map((c) => cellOf(id, c)))
      const headers = source.colIds.map((c) => d.columns.find((col) => col.id === c)?.header ?? '')
      return { tsv: toTsv(block), html: toHtmlTable(block, headers) }
    }
    const at = source.focused
    if (!at) return null
    const value = cellOf(at.rowId, at.colId)
    return { tsv: toTsv([[value]]), html: toHtmlTable([[value]]) }
  }

  // --- Owners (for the 责任单位 filter) ---
  const ownerColumnIds = computed(() => columns.value.filter((c) => c.role === 'owner').map((c) => c.id))
  function ownersOf(row: TaskRow): string[] {
    const out: string[] = []
    for (const id of ownerColumnIds.value) {
      for (const part of (row.cells[id] ?? '').split(/[、,,;;\n]+/)) { const t = part.trim(); if (t) out.push(t) }
    }
    return out
  }
  /** The unit list changes only with structure or an edit to an owner cell: not recomputed per keystroke. */
  const ownersTick = ref(0)
  function ownersDiffer(before: TaskRow | undefined, now: TaskRow): boolean {
    return ownerColumnIds.value.some((c) => before?.cells[c] !== now.cells[c])
  }
  /**
   * The unit list, gathered just after the frame that shows the change: walking every row
   * costs tens of milliseconds at 10,000 rows, which would otherwise hold back an import's
   * first paint. The filter fills a frame later; nothing else waits for it.
   */
  const owners = shallowRef<string[]>([])
  let ownersQueued = false
  function collectOwners(): string[] {
    const d = untrackedDoc()
    if (!d || ownerColumnIds.value.length === 0) return []
    const set = new Set<string>()
    for (const row of d.rows) if (row.kind === 'data') for (const o of ownersOf(row)) set.add(o)
    return [...set].sort((a, b) => a.localeCompare(b, 'zh'))
  }
  watch([ownersTick, ownerColumnIds], () => {
    if (ownersQueued) return
    ownersQueued = true
    afterNextPaint(() => { ownersQueued = false; owners.value = collectOwners() })
  })

  return {
    doc, hasDoc, docId, columns, revision, lastChange, readOnly, pinTask, assessment, assessing, assessProgress, today,
    rowIndex: computed(() => { void revision.value; return assessor.rowIndex() }),
    canUndo, canRedo, undoLabel, redoLabel,
    open, setName, dispatch, undo, redo, setCells, toggleMilestone, setSettings, setTitle, setColumnRole, renameHeader,
    setColumnWidth, setColumnHidden, addColumn, renumber, insertRow, deleteRows, duplicateRows, moveRowsBy, moveRowsTo,
    pasteCells, copyBlock, ownersOf, owners, rowAction, targetRowIds,
    onChange: (listener: ChangeListener) => { listeners.push(listener) },
    setReadOnly: (value: boolean) => { readOnly.value = value },
    focusRequest,
    focusCell: (rowId: string, colId: string) => { focusRequest.value = { rowId, colId } },
  }
})
