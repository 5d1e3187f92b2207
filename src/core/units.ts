// Which units a task belongs to: the one reading of 责任单位/牵头单位/配合单位 cells that the grid's
// unit filter, the split export and the overview all use, so a unit the filter offers is a unit
// the export writes a file for.
import type { TaskColumn, TaskDocument, TaskRow } from './document'

/** lead: the units that answer for the task; all: those and the units named as supporting it. */
export type UnitScope = 'lead' | 'all'

/** Headers of an owner column that names supporting units (配合单位, 协办单位, 協同部門 …). */
const SUPPORTING_HEADER = /配合|协办|協辦|协同|協同|参与|參與|协助|協助/

/**
 * Separators between units in one cell. A line break is not one: `组织部\n(人才办)` is one unit
 * laid out on two lines; joint work is written `发改局、经信局` or `发改局,经信局`.
 */
const UNIT_SEPARATORS = /[、,，;；/]+/

export interface UnitColumns {
  lead: TaskColumn[]
  supporting: TaskColumn[]
}

/**
 * The owner columns split into lead and supporting ones by their headers. A list whose only
 * owner columns all say 配合 still has a lead: the first of them (a clerk's label, not a rule).
 */
export function unitColumns(doc: Pick<TaskDocument, 'columns'>): UnitColumns {
  const owners = doc.columns.filter((c) => c.role === 'owner')
  const supporting = owners.filter((c) => SUPPORTING_HEADER.test(c.header))
  const lead = owners.filter((c) => !supporting.includes(c))
  if (!lead.length && supporting.length) return { lead: [supporting[0]!], supporting: supporting.slice(1) }
  return { lead, supporting }
}

/** One unit's name as a key: spaces and line breaks inside a name are layout. */
export function unitKey(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** The units named in one cell, in order, each once. */
export function unitsInCell(text: string): string[] {
  const out: string[] = []
  for (const part of text.split(UNIT_SEPARATORS)) {
    const unit = unitKey(part)
    if (unit && !out.includes(unit)) out.push(unit)
  }
  return out
}

/** The units a task row belongs to under `scope`: lead units first, then supporting ones. */
export function unitsOfRow(row: Pick<TaskRow, 'cells'>, columns: UnitColumns, scope: UnitScope): { unit: string; lead: boolean }[] {
  const out: { unit: string; lead: boolean }[] = []
  const seen = new Set<string>()
  const add = (cols: TaskColumn[], lead: boolean) => {
    for (const col of cols) {
      for (const unit of unitsInCell(row.cells[col.id] ?? '')) {
        if (!seen.has(unit)) { seen.add(unit); out.push({ unit, lead }) }
      }
    }
  }
  add(columns.lead, true)
  if (scope === 'all') add(columns.supporting, false)
  return out
}
