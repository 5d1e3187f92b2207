// Merging the copies units send back: read each returned file in the worker, keep it with the
// draft (IndexedDB) until the clerk clears it, plan the merge against the open list (core
// planMerge), keep the clerk's choices with each copy, and apply the accepted part as one
// undoable edit after a named version of the list as it was.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import {
  assessRow, comparableCell, effectiveAsOf, effectiveYear, mergeCommand, newId, planMerge, reportByUnit, rowIdColumn,
  type AddedRow, type MergeChange, type MergePlan, type ReturnedCopy, type Role, type TaskDocument, type TaskState, type UnitReport,
} from '../core'
import { headerSignature, readWorkbookInWorker, toDocument, type ImportedSheet, type ReadFailure } from '../io'
import { ReturnedCopyStore, type ReturnedCopyRecord } from '../storage'
import { useDocumentStore } from './document'
import { useDraftStore } from './drafts'
import { useLocaleStore } from './locale'
import { readFailureText } from './readFailure'
import { useUiStore } from './ui'
import { storageFailureText } from './storageWords'

export type { ReturnedCopyRecord }

/** A change or added row as the view keys it: by the file's place in the plan. */
export const changeKey = (c: Pick<MergeChange, 'file' | 'masterRowId' | 'columnId'>) => `${c.file}\u0000${c.masterRowId}\u0000${c.columnId}`
export const addedKey = (a: Pick<AddedRow, 'file' | 'returnedRowId'>) => `${a.file}\u0000+\u0000${a.returnedRowId}`

/** The same, as kept with the copy (without the file's place, which changes when a copy is cleared). */
const verdictKey = (viewKey: string) => viewKey.slice(viewKey.indexOf('\u0000') + 1)
const fileOf = (viewKey: string) => Number(viewKey.slice(0, viewKey.indexOf('\u0000')))

/** What the last merge left to chase: units that sent nothing, and per unit its tasks without new progress. */
export interface MergeReport { notReported: string[]; units: UnitReport[]; rowIds: string[] }

/** The roles remembered for a header, the same setting the import's confirmation keeps. */
const rolesKey = (doc: TaskDocument) => `roles:${headerSignature(doc.columns)}`

export const useMergeStore = defineStore('merge', () => {
  const docs = useDocumentStore()
  const drafts = useDraftStore()
  const ui = useUiStore()
  const i18n = useLocaleStore()
  const storage = new ReturnedCopyStore()
  /** The open draft's copies, oldest first; a copy whose layout is new waits for the clerk's confirmation. */
  const records = shallowRef<ReturnedCopyRecord[]>([])
  const reading = ref<string[]>([])
  const failures = ref<{ name: string; message: string }[]>([])
  const report = shallowRef<MergeReport | null>(null)
  let loadedFor: string | null = null
  /**
   * Where the copies waiting for their layout came from (this page only): other header rows are
   * read from the file again. Up to 20 copies wait at once, so no worker is kept per copy; the
   * File is a handle on the disk, not its bytes, and reading it again takes a moment.
   */
  const sources = new Map<string, { file: File; sheetName: string }>()
  const rereadable = ref<string[]>([])
  let warnedNotKept = false

  /** The copies in the plan: those whose structure is confirmed; file n of the plan is planned[n]. */
  const planned = computed(() => records.value.filter((r) => r.layoutConfirmed !== false))
  const pending = computed(() => records.value.filter((r) => r.layoutConfirmed === false))
  /**
   * The copies as planMerge takes them. A verdict changes its record but not what is planned:
   * the same array then comes back, so the plan (20 copies: a few hundred ms) is not made again.
   */
  let lastCopies: ReturnedCopy[] = []
  const copies = computed<ReturnedCopy[]>(() => {
    const next = planned.value.map((r) => ({ name: r.name, doc: r.doc, ...(r.unit ? { unit: r.unit } : {}), ...(r.pairs ? { pairs: r.pairs } : {}) }))
    const same = next.length === lastCopies.length && next.every((c, i) => {
      const was = lastCopies[i]!
      return c.name === was.name && c.doc === was.doc && c.unit === was.unit && c.pairs === was.pairs
    })
    if (!same) lastCopies = next
    return lastCopies
  })
  const plan = computed<MergePlan | null>(() => (docs.doc && copies.value.length ? planMerge(docs.doc, copies.value) : null))

  /** Keys of changes that two copies made differently: never accepted without the clerk's choice. */
  const conflicted = computed(() => {
    const keys = new Set<string>()
    for (const c of plan.value?.conflicts ?? []) for (const o of c.options) keys.add(changeKey({ file: o.file, masterRowId: c.masterRowId, columnId: c.columnId }))
    return keys
  })

  /** Reports (progress, status) that say something start accepted; plan edits, emptied cells, conflicts and new rows wait for the clerk. */
  function acceptedByDefault(c: MergeChange): boolean {
    return (c.kind === 'progress' || c.kind === 'status') && comparableCell(c.after) !== '' && !conflicted.value.has(changeKey(c))
  }

  /** The keys of the changes and added rows that go in: the clerk's verdict, else the default. */
  const accepted = computed(() => {
    const keys = new Set<string>()
    const current = plan.value
    if (!current) return keys
    const verdict = (key: string) => planned.value[fileOf(key)]?.verdicts?.[verdictKey(key)]
    for (const c of current.changes) {
      const key = changeKey(c)
      if (verdict(key) ?? acceptedByDefault(c)) keys.add(key)
    }
    for (const a of current.added) if (verdict(addedKey(a)) === true) keys.add(addedKey(a))
    return keys
  })

  async function load() {
    const draftId = docs.doc?.id ?? null
    if (draftId === loadedFor) return
    loadedFor = draftId
    records.value = []
    report.value = null
    if (!draftId) return
    const listed = await storage.list(draftId)
    if (loadedFor !== draftId) return
    if (listed.ok) records.value = [...listed.value, ...records.value.filter((r) => !listed.value.some((l) => l.id === r.id))]
    else ui.notify('error', storageFailureText(listed))
  }
  // Another draft opened: its own copies.
  watch(() => docs.doc?.id, () => { void load() })

  async function keep(record: ReturnedCopyRecord) {
    records.value = records.value.some((r) => r.id === record.id) ? records.value.map((r) => (r.id === record.id ? record : r)) : [...records.value, record]
    const saved = await storage.put(record)
    if (!saved.ok && !warnedNotKept) {
      warnedNotKept = true
      ui.notify('error', i18n.t('merge.notKeptBecause', { message: storageFailureText(saved) }))
    }
  }

  /** Reads each picked or dropped file; a file that is no table says so and the others go on. */
  async function addFiles(files: readonly File[]) {
    await load()
    const draftId = docs.doc?.id
    if (!draftId) return
    report.value = null
    for (const file of files) {
      reading.value = [...reading.value, file.name]
      try {
        const bytes = new Uint8Array(await file.arrayBuffer())
        const result = await readWorkbookInWorker(bytes, file.name)
        if (!result.ok) {
          if (result.code !== 'cancelled') failed(file.name, result)
          continue
        }
        result.kept.release()
        const sheet = result.workbook.sheets.find((s) => s.hasTaskTable !== false && s.headerRows.length > 0) ?? result.workbook.sheets[0]
        if (!sheet) { failures.value = [...failures.value, { name: file.name, message: i18n.t('merge.noTable') }]; continue }
        const { doc, known } = await documentOf(sheet, file.name)
        const id = newId('copy')
        if (!known) { sources.set(id, { file, sheetName: sheet.name }); rereadable.value = [...rereadable.value, id] }
        await keep({ id, draftId, name: file.name, addedAt: Date.now(), doc, layoutConfirmed: known })
      } finally {
        reading.value = reading.value.filter((n) => n !== file.name)
      }
    }
  }

  /** A returned sheet as a document, with the roles remembered for its header; known: Jindu's own export (row ids) or a confirmed header. */
  async function documentOf(sheet: ImportedSheet, name: string): Promise<{ doc: TaskDocument; known: boolean }> {
    const doc = toDocument(sheet, name)
    const remembered = await drafts.getSetting<(Role | null)[]>(rolesKey(doc))
    const fits = remembered?.length === doc.columns.length
    if (fits) doc.columns = doc.columns.map((c, i) => ({ ...c, role: remembered[i] ?? null }))
    return { doc, known: rowIdColumn(doc) !== null || fits }
  }

  function failed(name: string, failure: ReadFailure) {
    failures.value = [...failures.value, { name, message: readFailureText(failure) }]
  }

  /**
   * The clerk says where the header of a copy with a new layout is (1-based rows, as in Excel):
   * the file is read again and that sheet read with those rows, in a worker let go at once. A
   * file that cannot be read again says why; the copy stays as it was.
   */
  async function setHeaderRows(copyId: string, firstRow: number, count = 1) {
    const source = sources.get(copyId)
    const record = records.value.find((r) => r.id === copyId)
    if (!source || !record) return
    const rows = Array.from({ length: Math.max(1, Math.min(3, count)) }, (_, k) => firstRow - 1 + k).filter((r) => r >= 0)
    if (!rows.length) return
    reading.value = [...reading.value, record.name]
    try {
      let bytes: Uint8Array
      try { bytes = new Uint8Array(await source.file.arrayBuffer()) } catch (e) {
        console.warn('[merge] the file could not be read again', e)
        failed(record.name, { code: 'file-changed', params: {} })
        return
      }
      const result = await readWorkbookInWorker(bytes, record.name)
      if (!result.ok) { if (result.code !== 'cancelled') failed(record.name, result); return }
      try {
        const index = result.workbook.sheets.findIndex((s) => s.name === source.sheetName)
        if (index < 0) { failed(record.name, { code: 'file-changed', params: {} }); return }
        const answer = await result.kept.reinterpret(index, rows)
        if (!answer.ok) { failed(record.name, answer); return }
        const { doc } = await documentOf(answer.sheet, record.name)
        const latest = records.value.find((r) => r.id === copyId)
        if (latest) await keep({ ...latest, doc })
      } finally {
        result.kept.release()
      }
    } finally {
      reading.value = reading.value.filter((n) => n !== record.name)
    }
  }

  /** The clerk's roles for a copy whose layout was new: remembered for that header, and the copy joins the plan. */
  async function confirmLayout(copyId: string, roles: readonly (Role | null)[]) {
    const record = records.value.find((r) => r.id === copyId)
    if (!record) return
    const doc = { ...record.doc, columns: record.doc.columns.map((c, i) => ({ ...c, role: roles[i] ?? null })) }
    void drafts.putSetting(rolesKey(doc), [...roles])
    await keep({ ...record, doc, layoutConfirmed: true })
    sources.delete(copyId)
    rereadable.value = rereadable.value.filter((id) => id !== copyId)
  }

  /**
   * Records the clerk's verdicts, each with its copy. Of a conflict one text can go in: accepting
   * one copy's rejects the others'.
   */
  function setAccepted(keys: readonly string[], on: boolean) {
    const verdicts = new Map<string, boolean>(keys.map((k) => [k, on]))
    if (on) {
      for (const c of plan.value?.conflicts ?? []) {
        const options = c.options.map((o) => changeKey({ file: o.file, masterRowId: c.masterRowId, columnId: c.columnId }))
        const chosen = options.filter((k) => verdicts.get(k) === true)
        if (chosen.length) for (const k of options) if (k !== chosen[0]) verdicts.set(k, false)
      }
    }
    const byFile = new Map<number, [string, boolean][]>()
    for (const [key, verdict] of verdicts) byFile.set(fileOf(key), [...(byFile.get(fileOf(key)) ?? []), [verdictKey(key), verdict]])
    for (const [file, local] of byFile) {
      const record = planned.value[file]
      if (!record) continue
      void keep({ ...record, verdicts: { ...record.verdicts, ...Object.fromEntries(local) } })
    }
  }

  const reportsOf = (file?: number) => (plan.value?.changes ?? [])
    .filter((c) => (file === undefined || c.file === file) && (c.kind === 'progress' || c.kind === 'status') && comparableCell(c.after) !== '' && !conflicted.value.has(changeKey(c)))

  /** Accept every report (progress and status) of one file or all: never a schedule or task edit, an emptied cell or a conflict. */
  function acceptReports(file?: number) {
    setAccepted(reportsOf(file).map(changeKey), true)
  }

  /** Rejects every change and new row of one file, or of all. */
  function rejectAll(file?: number) {
    const current = plan.value
    if (!current) return
    setAccepted([...current.changes.filter((c) => file === undefined || c.file === file).map(changeKey), ...current.added.filter((a) => file === undefined || a.file === file).map(addedKey)], false)
  }

  /** Picks one copy's text for a conflicted cell: the others' changes to it are rejected. */
  function chooseConflict(masterRowId: string, columnId: string, file: number) {
    setAccepted([changeKey({ file, masterRowId, columnId })], true)
  }

  /** The clerk's answer for a returned row that could be one of several master rows (null: none, a new row). */
  function pairRow(file: number, returnedRowId: string, masterRowId: string | null) {
    const record = planned.value[file]
    if (record) void keep({ ...record, pairs: { ...record.pairs, [returnedRowId]: masterRowId } })
  }

  /** The unit a copy speaks for, as the clerk says (empty: read it from the file). */
  function setUnit(file: number, unit: string) {
    const record = planned.value[file]
    if (!record) return
    const { unit: _old, ...rest } = record
    void keep(unit ? { ...rest, unit } : rest)
  }

  /** The state a row has now and would have with the accepted changes of its cells. */
  function statesOf(masterRowId: string, changes: readonly MergeChange[]): { before: TaskState | null; after: TaskState | null } {
    const doc = docs.doc
    const row = doc?.rows.find((r) => r.id === masterRowId)
    if (!doc || !row) return { before: null, after: null }
    const asOf = effectiveAsOf(doc)
    const year = effectiveYear(doc, asOf)
    const cells = { ...row.cells }
    for (const c of changes) cells[c.columnId] = c.after
    return { before: assessRow(doc, row, asOf, year)?.state ?? null, after: assessRow(doc, { ...row, cells }, asOf, year)?.state ?? null }
  }

  /** Applies the accepted part: a named version first, then one edit that one undo takes back. */
  async function apply(): Promise<boolean> {
    const doc = docs.doc
    const current = plan.value
    if (!doc || !current) return false
    const changes = current.changes.filter((c) => accepted.value.has(changeKey(c)))
    const added = current.added.filter((a) => accepted.value.has(addedKey(a)))
    if (!changes.length && !added.length) return false
    const stamp = new Date().toISOString().slice(0, 16).replace('T', ' ')
    await drafts.takeSnapshot(i18n.t('merge.versionName', { stamp }), 'before-merge')
    const reported = new Set(current.files.map((f) => f.unit).filter((u): u is string => !!u))
    const command = mergeCommand(doc, { changes, added }, () => newId('r'))
    const inserted = command.kind === 'group' ? command.commands.flatMap((c) => (c.kind === 'insertRows' ? c.rows.map((r) => r.id) : [])) : []
    const after = { notReported: current.notReported, units: reportByUnit(doc, changes, reported), rowIds: [...new Set([...changes.map((c) => c.masterRowId), ...inserted])] }
    const ok = docs.dispatch(command)
    if (ok) {
      report.value = after
      ui.notify('success', i18n.t('merge.applied', { cells: changes.length, rows: added.length }))
    }
    return ok
  }

  /** The 催报 list as text to copy or print: units that sent nothing, then tasks still without new progress. */
  function chaseText(from: Pick<MergeReport, 'notReported' | 'units'>): string {
    const en = i18n.locale === 'en'
    const behind = from.units.filter((u) => u.reported && u.withoutNewProgress > 0).map((u) => `${u.unit}${en ? ': ' : '：'}${u.withoutNewProgress}/${u.rows}`)
    return [
      `${i18n.t('merge.chaseNone')}${en ? ': ' : '：'}${from.notReported.join(en ? ', ' : '、') || '—'}`,
      `${i18n.t('merge.chaseBehind')}${en ? ': ' : '：'}${behind.join(en ? '; ' : '；') || '—'}`,
    ].join('\n')
  }

  /** The grid shows only the rows the last merge wrote or inserted (the status bar names the filter). */
  function showMerged() {
    const rows = report.value?.rowIds.filter((id) => docs.doc?.rows.some((r) => r.id === id)) ?? []
    ui.rowIdFilter = { rowIds: new Set(rows), label: i18n.t('merge.filterLabel', { n: rows.length }) }
    ui.closePanel()
  }

  /** Clears one copy or all of them: the only way a returned copy leaves the draft. */
  async function clear(copyId?: string) {
    const draftId = docs.doc?.id
    records.value = copyId ? records.value.filter((r) => r.id !== copyId) : []
    if (copyId) sources.delete(copyId)
    else sources.clear()
    failures.value = []
    if (!copyId) report.value = null
    if (draftId) await storage.clear(draftId, copyId)
  }

  return {
    records, planned, pending, reading, failures, accepted, plan, conflicted, report,
    rereadable, load, addFiles, setHeaderRows, confirmLayout, setAccepted, acceptReports, rejectAll, chooseConflict, pairRow, setUnit, statesOf, apply, chaseText, showMerged, clear,
  }
})
