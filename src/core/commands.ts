// Edit commands over a TaskDocument: each one applied immutably returns the command that undoes it.
// The commands themselves live by what they change: rowCommands.ts and columnCommands.ts.
import type { TaskDocument } from './document'
import { emptyChanged, mergeChanged, type ApplyResult, type DocCommand } from './commandTypes'
import {
  applyAddSectionRow, applyDeleteRows, applyDuplicateRows, applyInsertRows, applyMoveRows, applyPutRows,
  applyRenumberSeq, applyReorderRows, applySetCells, applySetOverride,
} from './rowCommands'
import {
  applyAddColumn, applyColumnPatch, applyRemoveColumn, applyRenameHeader, applySetSettings, applySetTitle,
} from './columnCommands'

export * from './commandTypes'

/** Applies one command. Never mutates `doc`; rows it does not touch keep their identity. */
export function applyCommand(doc: TaskDocument, cmd: DocCommand): ApplyResult {
  switch (cmd.kind) {
    case 'setCells':
    case 'replaceAll': return applySetCells(doc, cmd)
    case 'putRows': return applyPutRows(doc, cmd)
    case 'insertRows': return applyInsertRows(doc, cmd)
    case 'deleteRows': return applyDeleteRows(doc, cmd)
    case 'moveRows': return applyMoveRows(doc, cmd)
    case 'reorderRows': return applyReorderRows(doc, cmd)
    case 'duplicateRows': return applyDuplicateRows(doc, cmd)
    case 'addSectionRow': return applyAddSectionRow(doc, cmd)
    case 'setColumnRole': return applyColumnPatch(doc, cmd, cmd.colId, { role: cmd.role })
    case 'setColumnWidth': return applyColumnPatch(doc, cmd, cmd.colId, { width: cmd.width ?? undefined })
    case 'setColumnHidden': return applyColumnPatch(doc, cmd, cmd.colId, { hidden: cmd.hidden || undefined })
    case 'addColumn': return applyAddColumn(doc, cmd)
    case 'removeColumn': return applyRemoveColumn(doc, cmd)
    case 'renameHeader': return applyRenameHeader(doc, cmd)
    case 'setOverride': return applySetOverride(doc, cmd)
    case 'setSettings': return applySetSettings(doc, cmd)
    case 'setTitle': return applySetTitle(doc, cmd)
    case 'renumberSeq': return applyRenumberSeq(doc, cmd)
    case 'group': return applyGroup(doc, cmd)
  }
}

function applyGroup(doc: TaskDocument, cmd: Extract<DocCommand, { kind: 'group' }>): ApplyResult {
  let current = doc
  let changed = emptyChanged()
  const inverses: DocCommand[] = []
  const applied: DocCommand[] = []
  for (const part of cmd.commands) {
    const r = applyCommand(current, part)
    current = r.doc
    changed = mergeChanged(changed, r.changed)
    inverses.unshift(r.inverse)
    applied.push(r.command)
  }
  const label = cmd.label ? { label: cmd.label } : {}
  return { doc: current, inverse: { kind: 'group', commands: inverses, ...label }, changed, command: { kind: 'group', commands: applied, ...label } }
}
