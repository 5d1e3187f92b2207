// Measures planMerge (issue 14): 20 returned copies against a 1,000-row master, after reading (budget ≤ 1 s).
import { mkdirSync, writeFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { planMerge, rowIdCell, ROW_ID_HEADER, type ReturnedCopy, type TaskColumn, type TaskDocument, type TaskRow } from '../src/core'
import { documentFromFixture } from '../test/unit/export-support'

const ROWS = 1000
const UNITS = 20
const RUNS = 5
const BUDGET_MS = 1000

/**
 * A 1,000-row master made of the 临安 list's rows over 20 units: each text joins two of its rows'
 * texts (a different pair for every row) and a number, so no two tasks read alike, as in a real list.
 */
function bigMaster(seed: TaskDocument): TaskDocument {
  const source = seed.rows.filter((r) => r.kind === 'data')
  const owner = seed.columns.find((c) => c.role === 'owner')!
  const seq = seed.columns.find((c) => c.role === 'seq')!
  const rows: TaskRow[] = Array.from({ length: ROWS }, (_, i) => {
    const from = source[i % source.length]!
    const also = source[(i + 7 * Math.floor(i / source.length) + 1) % source.length]!
    const cells: Record<string, string> = {}
    for (const c of seed.columns) {
      cells[c.id] = c === owner ? `单位${i % UNITS}` : c === seq ? String(i + 1) : `${from.cells[c.id] ?? ''}；${also.cells[c.id] ?? ''}（第${i}项）`
    }
    return { id: `r${i}`, kind: 'data', cells }
  })
  return { ...seed, rows }
}

/**
 * A unit's copy as it comes back: new progress in every third row. Even units kept the row ids;
 * odd ones retyped the list (no ids, renumbered, a row in five reworded), so they match by text. With `whole`, the unit
 * sent back the whole list instead of its slice.
 */
function copyOf(master: TaskDocument, unit: number, whole: boolean): ReturnedCopy {
  const columns: TaskColumn[] = master.columns.map((c) => ({ ...c, id: `x${c.id}` }))
  const withIds = unit % 2 === 0
  if (withIds) columns.push({ id: 'xid', header: ROW_ID_HEADER, role: null, hidden: true })
  const progress = master.columns.find((c) => c.role === 'progress')!
  const seq = master.columns.find((c) => c.role === 'seq')!
  const task = master.columns.find((c) => c.role === 'task')!
  const rows = master.rows.filter((_, i) => whole || i % UNITS === unit).map((row, k) => {
    const cells: Record<string, string> = {}
    for (const c of master.columns) cells[`x${c.id}`] = row.cells[c.id] ?? ''
    if (k % 3 === 0 && (!whole || k % UNITS === unit)) cells[`x${progress.id}`] = `已全部完成。第${k}批次`
    if (!withIds) cells[`x${seq.id}`] = String(k + 1)
    // Every fifth row reworded a little: matched by similarity, not by identical text.
    if (!withIds && k % 5 === 0) cells[`x${task.id}`] = `${cells[`x${task.id}`]}等相关工作`
    if (withIds) cells.xid = rowIdCell(row.id)
    return { id: `u${unit}r${k}`, kind: 'data' as const, cells }
  })
  return { name: `单位${unit}.xlsx`, doc: { ...master, id: `d${unit}`, columns, rows } }
}

function measure(master: TaskDocument, copies: ReturnedCopy[]) {
  const times: number[] = []
  let plan = planMerge(master, copies)
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now()
    plan = planMerge(master, copies)
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  const round = (n: number) => Math.round(n * 10) / 10
  return { plan, medianMs: round(times[RUNS >> 1]!), maxMs: round(times[RUNS - 1]!) }
}

it('plans a merge of 20 returned copies against a 1,000-row master', () => {
  const master = bigMaster(documentFromFixture('linan-2023-h1.xls'))
  const slices = measure(master, Array.from({ length: UNITS }, (_, u) => copyOf(master, u, false)))
  const wholeLists = measure(master, Array.from({ length: UNITS }, (_, u) => copyOf(master, u, true)))
  const result = {
    masterRows: ROWS, copies: UNITS, budgetMs: BUDGET_MS,
    slices: { rowsPerCopy: ROWS / UNITS, changes: slices.plan.changes.length, medianMs: slices.medianMs, maxMs: slices.maxMs },
    wholeLists: { rowsPerCopy: ROWS, changes: wholeLists.plan.changes.length, medianMs: wholeLists.medianMs, maxMs: wholeLists.maxMs },
  }
  mkdirSync('bench/out', { recursive: true })
  writeFileSync('bench/out/merge.json', `${JSON.stringify(result, null, 2)}\n`)
  console.log(result)
  for (const { plan } of [slices, wholeLists]) {
    expect(plan.files.every((f) => f.ambiguous.length === 0)).toBe(true)
    expect(plan.conflicts).toEqual([])
  }
  // Every third row's progress, and in the retyped copies each reworded task (a task edit, as it should be).
  const reworded = (UNITS / 2) * Math.ceil(ROWS / UNITS / 5)
  expect(slices.plan.changes.filter((c) => c.kind === 'progress')).toHaveLength(Math.ceil(ROWS / UNITS / 3) * UNITS)
  expect(slices.plan.changes.filter((c) => c.kind === 'task')).toHaveLength(reworded)
  // A measurement, not a timed test: the 1 s budget is judged in docs/benchmarks.md.
  expect(slices.medianMs).toBeGreaterThan(0)
})
