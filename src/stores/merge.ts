// Merging the copies units send back: read each returned file in the worker, plan the merge
// against the open list (core planMerge), keep the clerk's accept/reject choices, and apply the
// accepted part as one undoable edit after a named version of the list as it was.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import {
  assessRow, effectiveAsOf, effectiveYear, mergeCommand, newId, planMerge,
  type AddedRow, type MergeChange, type MergePlan, type ReturnedCopy, type TaskState,
} from '../core'
import { readWorkbookInWorker, toDocument } from '../io'
import { useDocumentStore } from './document'
import { useDraftStore } from './drafts'
import { useLocaleStore } from './locale'
import { useUiStore } from './ui'

export const changeKey = (c: Pick<MergeChange, 'file' | 'masterRowId' | 'columnId'>) => `${c.file}\u0000${c.masterRowId}\u0000${c.columnId}`
export const addedKey = (a: Pick<AddedRow, 'file' | 'returnedRowId'>) => `${a.file}\u0000${a.returnedRowId}`

export const useMergeStore = defineStore('merge', () => {
  const docs = useDocumentStore()
  const ui = useUiStore()
  const i18n = useLocaleStore()
  const copies = shallowRef<ReturnedCopy[]>([])
  const reading = ref<string[]>([])
  const failures = ref<{ name: string; message: string }[]>([])
  /** Accepted change and added-row keys; everything starts rejected except progress and status. */
  const accepted = ref(new Set<string>())

  const plan = computed<MergePlan | null>(() => (docs.doc && copies.value.length ? planMerge(docs.doc, copies.value) : null))

  /** Keys of changes that two copies made differently: never accepted by "accept all". */
  const conflicted = computed(() => {
    const keys = new Set<string>()
    for (const c of plan.value?.conflicts ?? []) for (const o of c.options) keys.add(changeKey({ file: o.file, masterRowId: c.masterRowId, columnId: c.columnId }))
    return keys
  })

  /** Reads each picked or dropped file; a file that is no table says so and the others go on. */
  async function addFiles(files: readonly File[]) {
    for (const file of files) {
      reading.value = [...reading.value, file.name]
      try {
        const bytes = new Uint8Array(await file.arrayBuffer())
        const result = await readWorkbookInWorker(bytes, file.name)
        if (!result.ok) {
          if (result.code !== 'cancelled') failures.value = [...failures.value, { name: file.name, message: i18n.locale === 'en' ? result.messageEn : result.message }]
          continue
        }
        const sheet = result.workbook.sheets.find((s) => s.hasTaskTable !== false && s.headerRows.length > 0) ?? result.workbook.sheets[0]
        if (!sheet) continue
        copies.value = [...copies.value, { name: file.name, doc: toDocument(sheet, file.name) }]
        acceptDefaults(copies.value.length - 1)
      } finally {
        reading.value = reading.value.filter((n) => n !== file.name)
      }
    }
  }

  /** A new file's reports (progress, status) start accepted; plan edits and conflicts wait for the clerk. */
  function acceptDefaults(file: number) {
    const next = new Set(accepted.value)
    for (const c of plan.value?.changes ?? []) {
      if (c.file === file && (c.kind === 'progress' || c.kind === 'status') && !conflicted.value.has(changeKey(c))) next.add(changeKey(c))
    }
    accepted.value = next
  }

  function setAccepted(keys: readonly string[], on: boolean) {
    const next = new Set(accepted.value)
    for (const k of keys) { if (on) next.add(k); else next.delete(k) }
    accepted.value = next
  }

  /** Accept every report (progress and status) of one file or all: never a schedule or task edit, never a conflict. */
  function acceptReports(file?: number) {
    setAccepted((plan.value?.changes ?? []).filter((c) => (file === undefined || c.file === file) && (c.kind === 'progress' || c.kind === 'status') && !conflicted.value.has(changeKey(c))).map(changeKey), true)
  }

  /** Picks one copy's text for a conflicted cell: the others' changes to it are rejected. */
  function chooseConflict(masterRowId: string, columnId: string, file: number) {
    const conflict = plan.value?.conflicts.find((c) => c.masterRowId === masterRowId && c.columnId === columnId)
    if (!conflict) return
    setAccepted(conflict.options.map((o) => changeKey({ file: o.file, masterRowId, columnId })), false)
    setAccepted([changeKey({ file, masterRowId, columnId })], true)
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
    await useDraftStore().takeSnapshot(i18n.t('merge.versionName', { stamp }), 'before-merge')
    const ok = docs.dispatch(mergeCommand(doc, { changes, added }, () => newId('r')))
    if (ok) ui.notify('success', i18n.t('merge.applied', { cells: changes.length, rows: added.length }))
    return ok
  }

  function clear() {
    copies.value = []
    failures.value = []
    accepted.value = new Set()
  }

  return { copies, reading, failures, accepted, plan, conflicted, addFiles, setAccepted, acceptReports, chooseConflict, statesOf, apply, clear }
})
