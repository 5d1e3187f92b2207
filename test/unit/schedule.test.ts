// Schedule cells (rules §3–4) against every gold entry of schedule-expressions.json.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseSchedule } from '../../src/core/schedule'

interface GoldMilestone { index: number; due: string | null; kind: string; unreadable?: boolean; readings?: { before_month: string; by_end_of_month: string } }
interface GoldEntry { text: string; year: number; milestones: GoldMilestone[]; note?: string }
const gold = JSON.parse(readFileSync('test/fixtures/schedule-expressions.json', 'utf8')) as {
  entries: GoldEntry[]; ambiguous: { entries: GoldEntry[] }
}

describe('parseSchedule: schedule-expressions.json entries', () => {
  it.each(gold.entries.map((e, i) => [i, e.text, e] as const))('#%i %s', (_i, _text, entry) => {
    const got = parseSchedule(entry.text, { year: entry.year })
    expect(got.map((m) => ({ index: m.index, due: m.due, kind: m.kind, unreadable: m.unreadable ?? false })))
      .toEqual(entry.milestones.map((m) => ({ index: m.index, due: m.due, kind: m.kind, unreadable: m.unreadable ?? false })))
  })
})

describe('parseSchedule: the ambiguous N月前, both readings', () => {
  it.each(gold.ambiguous.entries.map((e) => [e.text, e] as const))('%s', (_text, entry) => {
    const byEnd = parseSchedule(entry.text, { year: entry.year })
    const before = parseSchedule(entry.text, { year: entry.year, monthBefore: 'end-of-previous-month' })
    entry.milestones.forEach((m, i) => {
      if (m.readings) {
        expect(byEnd[i]).toMatchObject({ index: m.index, kind: 'dated', due: m.readings.by_end_of_month, ambiguous: true })
        expect(before[i]).toMatchObject({ index: m.index, kind: 'dated', due: m.readings.before_month, ambiguous: true })
      } else {
        expect(byEnd[i]).toMatchObject({ index: m.index, kind: m.kind, due: m.due })
        expect(byEnd[i]!.ambiguous).toBeUndefined()
      }
    })
    expect(byEnd).toHaveLength(entry.milestones.length)
  })
})
