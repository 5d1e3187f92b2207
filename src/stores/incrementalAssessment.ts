// The open document's assessment, kept incrementally: a cell edit re-assesses its row only; a long
// list is assessed in slices between tasks (core's runSlicedPass), its counts stated as partial meanwhile.
import { ref, shallowRef } from 'vue'
import {
  assessRow, emptyCounts, effectiveAsOf, effectiveYear, runSlicedPass,
  type DocumentAssessment, type SlicedPass, type SlicedPassOptions, type TaskAssessment, type TaskDocument, type TaskRow,
} from '../core'

/** Large lists are assessed in slices, so the page answers input meanwhile. */
const SLICED_PASS: SlicedPassOptions = {
  syncLimit: 3000,
  // Rows assessed before a large list's first paint: a screenful with AG Grid's row buffer.
  firstBatch: 128,
  sliceMs: 12,
  now: () => performance.now(),
  defer: (next) => { setTimeout(next, 0) },
}

export interface AssessmentHost {
  today(): string
  /** The document open now: a sliced pass that ends on an older one starts again on this one. */
  currentDoc(): TaskDocument | null
  /** A sliced pass ended: every state may differ from what was shown. */
  slicedPassDone(): void
}

export function createIncrementalAssessment(host: AssessmentHost, options: SlicedPassOptions = SLICED_PASS) {
  let cache = new WeakMap<TaskRow, TaskAssessment>()
  const empty = (): DocumentAssessment => ({ asOf: host.today(), year: Number(host.today().slice(0, 4)), byRow: new Map(), counts: emptyCounts() })
  const assessment = shallowRef<DocumentAssessment>(empty())
  /** The rows by id, as of the last change. */
  let rowIndex = new Map<string, TaskRow>()
  let running: SlicedPass | null = null
  /** Fraction of rows assessed while a sliced pass runs; null when none runs. */
  const assessing = ref<number | null>(null)
  /** Rows assessed of all, while a sliced pass runs: the counts are not final until it ends. */
  const assessProgress = shallowRef<{ done: number; total: number } | null>(null)

  /** `keep`: the engine keeps the row's readings for its next assessment (see AssessContext.keep). */
  function assessRowCached(d: TaskDocument, row: TaskRow, asOf: string, year: number, keep: boolean): TaskAssessment | null {
    const hit = cache.get(row)
    if (hit) return hit
    const result = assessRow(d, row, asOf, year, keep)
    if (result) cache.set(row, result)
    return result
  }

  /**
   * Assesses every row. `all`: forget cached results (settings changed). `opening`: the document
   * was just opened, its cells never read before: the engine keeps nothing, since most documents
   * are opened and read, not re-dated.
   */
  function reassess(d: TaskDocument | null, all: boolean, opening = false) {
    running?.cancel()
    running = null
    if (!d) {
      assessing.value = null
      assessProgress.value = null
      assessment.value = empty()
      return
    }
    if (all) cache = new WeakMap()
    const asOf = effectiveAsOf(d, host.today())
    const year = effectiveYear(d, asOf)
    const byRow = new Map<string, TaskAssessment>()
    const counts = emptyCounts()
    const index = new Map<string, TaskRow>()
    for (const row of d.rows) index.set(row.id, row)
    rowIndex = index
    const rows = d.rows
    let first = true
    const pass = runSlicedPass(rows.length, (i) => {
      const row = rows[i]!
      const a = assessRowCached(d, row, asOf, year, !opening)
      if (!a) return
      byRow.set(row.id, a)
      counts[a.state]++
    }, options, {
      progress: (done, total) => {
        if (done >= total) return
        // The first screenful is shown with its states at once; the rest follows in slices.
        if (first) { first = false; assessment.value = { asOf, year, byRow, counts: { ...counts } } }
        assessing.value = done / total
        assessProgress.value = { done, total }
      },
      finish: () => {
        const sliced = running !== null
        running = null
        assessing.value = null
        assessProgress.value = null
        if (!sliced) { assessment.value = { asOf, year, byRow, counts }; return }
        const now = host.currentDoc()
        if (now !== d) reassess(now, false)
        else assessment.value = { asOf, year, byRow, counts }
        host.slicedPassDone()
      },
    })
    if (!pass.finishedAtOnce) running = pass
  }

  /** Only the listed rows changed (same order, same columns; `rowIndex` already holds them): patch the assessment in place. */
  function reassessRows(d: TaskDocument, rowIds: readonly string[]) {
    const current = assessment.value
    const counts = { ...current.counts }
    const byRow = current.byRow
    for (const id of rowIds) {
      const row = rowIndex.get(id)
      const old = byRow.get(id)
      if (old) { counts[old.state]--; byRow.delete(id) }
      if (!row) continue
      const a = assessRowCached(d, row, current.asOf, current.year, true)
      if (a) { byRow.set(id, a); counts[a.state]++ }
    }
    assessment.value = { ...current, byRow, counts }
  }

  return { assessment, assessing, assessProgress, reassess, reassessRows, rowIndex: () => rowIndex }
}
