// Properties of the milestone engine on arbitrary text: never throws, real dates, monotone in time, deterministic.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { assessTask } from '../../src/core/assess'
import { addDays } from '../../src/core/dates'
import { parseSchedule } from '../../src/core/schedule'

/** The characters schedule and progress cells are made of, so that random text hits the rules. */
const DOMAIN = Array.from('①②③④⑤⑩⑪⑳()()1234567890１２３.、;;,,。 \n一二三四五六七八九十月日号旬上中下底末份前季度半年今全内每周截至已完成未正在推进中滞后基本启动拟计划个家人亿万%套亩第期長滯後')
const domainText = fc.array(fc.constantFrom(...DOMAIN), { maxLength: 80 }).map((cs) => cs.join(''))
const anyText = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), domainText)
const year = fc.integer({ min: 1990, max: 2099 })
const day = fc.integer({ min: 0, max: 3650 }).map((n) => addDays('2018-01-01', n))

function isRealDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) return false
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.toISOString().slice(0, 10) === iso
}

describe('engine properties (fast-check)', () => {
  it('parseSchedule never throws and every due date is a real calendar date', () => {
    fc.assert(fc.property(anyText, year, (text, y) => {
      const milestones = parseSchedule(text, { year: y })
      for (const m of milestones) {
        if (m.due !== null) expect(isRealDate(m.due)).toBe(true)
        expect(m.kind === 'dated').toBe(m.due !== null)
      }
    }), { numRuns: 2000 })
  })

  it('assessTask never throws and always gives a state with reasons', () => {
    fc.assert(fc.property(anyText, anyText, anyText, anyText, anyText, year, day, (schedule, progress, status, task, deadline, y, asOf) => {
      const got = assessTask({ schedule, progress, status, task, deadline }, { year: y, asOf })
      expect(got.milestones.length).toBeGreaterThan(0)
      for (const m of got.milestones) {
        if (m.due !== null) expect(isRealDate(m.due)).toBe(true)
        expect(typeof m.reason).toBe('string')
        expect(m.reasons?.zh).toBe(m.reason)
      }
    }), { numRuns: 1000 })
  })

  it('a milestone overdue on D stays overdue on D+1 unless done', () => {
    fc.assert(fc.property(domainText, domainText, day, (schedule, progress, asOf) => {
      const today = assessTask({ schedule, progress }, { year: 2023, asOf })
      const tomorrow = assessTask({ schedule, progress }, { year: 2023, asOf: addDays(asOf, 1) })
      today.milestones.forEach((m, i) => {
        if (m.state === 'overdue') expect(tomorrow.milestones[i]!.state).toBe('overdue')
      })
      if (today.state === 'overdue') expect(tomorrow.state).toBe('overdue')
    }), { numRuns: 1000 })
  })

  it('the same input gives the same output', () => {
    fc.assert(fc.property(domainText, domainText, domainText, day, (schedule, progress, status, asOf) => {
      const a = assessTask({ schedule, progress, status }, { year: 2023, asOf })
      const b = assessTask({ schedule, progress, status }, { year: 2023, asOf })
      expect(b).toEqual(a)
      expect(parseSchedule(schedule, { year: 2023 })).toEqual(parseSchedule(schedule, { year: 2023 }))
    }), { numRuns: 500 })
  })

  it('never throws on hostile input shapes', () => {
    const bad = [null, undefined, 42, {}, [], 'x'] as unknown[]
    for (const v of bad) {
      expect(() => parseSchedule(v as string, { year: 2023 })).not.toThrow()
      expect(() => assessTask({ schedule: v as string, progress: v as string, task: v as string }, { year: 2023, asOf: '2023-06-30' })).not.toThrow()
      expect(() => assessTask(v as never, { year: 2023, asOf: v as string })).not.toThrow()
    }
  })
})
