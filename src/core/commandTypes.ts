// The vocabulary of edits: commands as plain data, what they changed, and their undo labels.
import type { DocumentHeader, DocumentSettings, TaskColumn, TaskDocument, TaskRow } from './document'
import type { Role } from './types'

/** One cell to write. */
export interface CellChange { rowId: string; colId: string; value: string }

/** A UI label in both languages: the core never knows which one the clerk reads. */
export interface Label { zh: string; en: string }

/**
 * Every edit the grid can ask for, as plain data (serialisable, so a history can be kept or logged).
 * Ids a command creates (new rows, new columns) may be left out; applyCommand fills them in and
 * returns the command as applied, so a redo recreates the very same ids.
 */
export type DocCommand =
  | { kind: 'setCells'; cells: CellChange[] }
  /** setCells built by find/replace: the same effect, its own undo label. */
  | { kind: 'replaceAll'; cells: CellChange[] }
  | { kind: 'insertRows'; index: number; rows: TaskRow[] }
  | { kind: 'deleteRows'; rowIds: string[] }
  /** The moved rows keep their document order and land at `toIndex` of the rows that remain. */
  | { kind: 'moveRows'; rowIds: string[]; toIndex: number }
  /** Sets the whole row order (a sort, or the undo of a move); ids left out keep their order at the end. */
  | { kind: 'reorderRows'; order: string[] }
  /** Each copy lands right after its original. */
  | { kind: 'duplicateRows'; rowIds: string[]; newIds?: string[] }
  | { kind: 'addSectionRow'; index: number; label: string; id?: string }
  /** Replaces whole rows by id: the exact undo of any change inside rows. */
  | { kind: 'putRows'; rows: TaskRow[] }
  | { kind: 'setColumnRole'; colId: string; role: Role | null }
  /** `headerBlock`, when given, replaces the header block as a whole (undo restores it exactly). */
  | { kind: 'addColumn'; index: number; column: NewColumn; headerBlock?: DocumentHeader }
  | { kind: 'removeColumn'; colId: string; headerBlock?: DocumentHeader }
  | { kind: 'renameHeader'; colId: string; header: string; headerBlock?: DocumentHeader }
  | { kind: 'setColumnWidth'; colId: string; width: number | null }
  | { kind: 'setColumnHidden'; colId: string; hidden: boolean }
  /** A clerk's override of rule 5 for one milestone; `done: null` clears it. */
  | { kind: 'setOverride'; rowId: string; index: number; done: boolean | null }
  | { kind: 'setSettings'; settings: Partial<DocumentSettings> }
  /** The table's title (the export's merged first row, and where the document's year is read). */
  | { kind: 'setTitle'; title: string | null }
  /** Numbers the data rows 1..n in the first seq column; sections and footers are skipped, never restart. */
  | { kind: 'renumberSeq' }
  /** Several commands as one undo step (a paste that adds rows and fills them). */
  | { kind: 'group'; commands: DocCommand[]; label?: Label }

export type NewColumn = Omit<TaskColumn, 'id'> & { id?: string }

export type CommandKind = DocCommand['kind']

/** What a command touched, so storage writes exactly that and the grid refreshes only that. */
export interface Changed {
  /** Ids of rows created or changed: write these rows. */
  rows: string[]
  /** Ids of rows gone: delete these rows. */
  removedRows: string[]
  /** Columns, header, settings or the row order changed: write the document record. */
  meta: boolean
}

export interface ApplyResult {
  doc: TaskDocument
  /** Applying it to `doc` gives back the document before, deep-equal. */
  inverse: DocCommand
  changed: Changed
  /** The command as applied, with created ids filled in: redo applies this one. */
  command: DocCommand
}

/**
 * Width and visibility are the clerk's view of the list, not its content: they are applied and
 * saved, but History does not record them, so an undo walks back the last edit of the report
 * rather than a stray column drag (AG Grid also emits resizes for auto-size, which no clerk meant).
 */
export function isViewCommand(cmd: DocCommand): boolean {
  return cmd.kind === 'setColumnWidth' || cmd.kind === 'setColumnHidden'
}

const LABELS: Record<CommandKind, Label> = {
  setCells: { zh: '编辑单元格', en: 'Edit cell' },
  replaceAll: { zh: '全部替换', en: 'Replace all' },
  insertRows: { zh: '插入行', en: 'Insert rows' },
  deleteRows: { zh: '删除行', en: 'Delete rows' },
  moveRows: { zh: '移动行', en: 'Move rows' },
  reorderRows: { zh: '调整行顺序', en: 'Reorder rows' },
  duplicateRows: { zh: '复制行', en: 'Duplicate rows' },
  addSectionRow: { zh: '添加分组行', en: 'Add section row' },
  putRows: { zh: '恢复行', en: 'Restore rows' },
  setColumnRole: { zh: '设置列类型', en: 'Set column role' },
  addColumn: { zh: '添加列', en: 'Add column' },
  removeColumn: { zh: '删除列', en: 'Remove column' },
  renameHeader: { zh: '重命名列', en: 'Rename column' },
  setColumnWidth: { zh: '调整列宽', en: 'Resize column' },
  setColumnHidden: { zh: '隐藏/显示列', en: 'Hide or show column' },
  setOverride: { zh: '标记完成情况', en: 'Mark milestone' },
  setSettings: { zh: '修改设置', en: 'Change settings' },
  setTitle: { zh: '修改标题', en: 'Edit title' },
  renumberSeq: { zh: '重排序号', en: 'Renumber' },
  group: { zh: '多项编辑', en: 'Several edits' },
}

/** The undo/redo menu's words for a command. */
export function commandLabel(cmd: DocCommand): Label {
  if (cmd.kind === 'group') return cmd.label ?? (cmd.commands.length === 1 && cmd.commands[0] ? commandLabel(cmd.commands[0]) : LABELS.group)
  return LABELS[cmd.kind]
}

export function emptyChanged(): Changed {
  return { rows: [], removedRows: [], meta: false }
}

export function isEmptyChanged(c: Changed): boolean {
  return !c.meta && c.rows.length === 0 && c.removedRows.length === 0
}

/** `b` happened after `a`: a row written then removed is only removed, and the reverse. */
export function mergeChanged(a: Changed, b: Changed): Changed {
  const rows = new Set(a.rows)
  const removed = new Set(a.removedRows)
  for (const id of b.removedRows) { rows.delete(id); removed.add(id) }
  for (const id of b.rows) { removed.delete(id); rows.add(id) }
  return { rows: [...rows], removedRows: [...removed], meta: a.meta || b.meta }
}

const NO_OP: DocCommand = { kind: 'group', commands: [] }

/** A command that changed nothing: its inverse does nothing either. */
export function unchanged(doc: TaskDocument, cmd: DocCommand): ApplyResult {
  return { doc, inverse: NO_OP, changed: emptyChanged(), command: cmd }
}
