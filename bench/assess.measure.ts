// Measures how many schedule cells per second assessTask reads, on the fixtures' cells repeated.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { assessTask, forgetReadings } from '../src/core/assess'
import type { TaskFields } from '../src/core/types'

interface Row { fields: TaskFields; year: number; asOf: string }

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(`test/fixtures/${name}`, 'utf8')) as T
}

/** The realistic mix: every labelled task row, every progress pair and every gold schedule cell. */
function loadRows(): Row[] {
  const rows: Row[] = []
  for (const file of ['kaihua-2023-q1.expected.json', 'linan-2023-h1.expected.json', 'tunxi-2020-plan.expected.json']) {
    const doc = readJson<{ document_year: number; as_of_dates: string[]; tasks: { fields: TaskFields }[] }>(file)
    for (const t of doc.tasks) rows.push({ fields: t.fields, year: doc.document_year, asOf: doc.as_of_dates[0]! })
  }
  const progress = readJson<{ cases: { schedule: string; progress: string; status_text?: string }[] }>('progress-expressions.json')
  for (const c of progress.cases) rows.push({ fields: { schedule: c.schedule, progress: c.progress, status: c.status_text }, year: 2023, asOf: '2023-06-30' })
  const schedules = readJson<{ entries: { text: string; year: number }[] }>('schedule-expressions.json')
  for (const e of schedules.entries) rows.push({ fields: { schedule: e.text }, year: e.year, asOf: `${e.year}-06-30` })
  return rows
}

/**
 * One round: every row once per repeat; returns cells per second. `firstRead` drops the kept
 * readings before each pass, as on import; otherwise they stay, as when the clerk edits a cell
 * or moves the as-of date and the whole document is assessed again.
 */
function round(rows: readonly Row[], repeats: number, firstRead = false): number {
  let sink = 0
  const start = performance.now()
  for (let r = 0; r < repeats; r++) {
    if (firstRead) forgetReadings()
    for (const row of rows) sink += assessTask(row.fields, { year: row.year, asOf: row.asOf }).milestones.length
  }
  const seconds = (performance.now() - start) / 1000
  if (sink < 0) throw new Error('unreachable: keeps the work from being optimised away')
  return (rows.length * repeats) / seconds
}

it('measures assessTask throughput', () => {
  const rows = loadRows()
  round(rows, 20) // warm-up: let the JIT settle before timing
  const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
  const rates: number[] = []
  for (let i = 0; i < 7; i++) rates.push(round(rows, 40))
  const first: number[] = []
  for (let i = 0; i < 5; i++) first.push(round(rows, 4, true))
  mkdirSync('bench/out', { recursive: true })
  const result = {
    // Re-assessment of a document whose cells were read before (every edit, every as-of change).
    assessCellsPerSecond: Math.round(median(rates)),
    // The first reading of never-seen cells (import): reported beside it, not a budget figure.
    firstRead: { cells: rows.length, perSecond: Math.round(median(first)) },
    rows: rows.length, rounds: rates.length, node: process.version,
  }
  writeFileSync('bench/out/assess.json', `${JSON.stringify(result, null, 2)}\n`)
  console.log(result)
  // A measurement, not a timed test: it only checks that something was measured.
  expect(result.assessCellsPerSecond).toBeGreaterThan(0)
})
