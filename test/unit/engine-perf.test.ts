// The engine's fast paths give the answers of the plain ones: pre-checks skip nothing real, kept readings change nothing.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { assessTask, forgetReadings } from '../../src/core/assess'
import { plainAssessment } from '../../src/core/lazyReasons'
import { DATE_SOURCE, DATE_START, readDue } from '../../src/core/dates'
import { MARKER, findMarkers } from '../../src/core/numbering'
import { findQuantities, matchQuantities, mayHoldQuantity, mayHoldUnitQuantity } from '../../src/core/quantities'
import { isBlank } from '../../src/core/text'
import { DAY_DATE, VERDICT_END, closesOnVerdict, holdsDay } from '../../src/core/progressSentences'
import type { AssessContext, TaskFields } from '../../src/core/types'

/** The characters schedule and progress cells are made of, plus every white space, so that random text hits the patterns. */
const DOMAIN = Array.from('①②③④⑤⑩⑪⑳⑴⑵⒈⒉()()1234567890１２３.、;;,,。 \n\t\u00a0\u3000\u2003一二三四五六七八九十〇零两月日号旬上中下底末初份前季度半年今明去全内每周截至第已完成未正在推进中滞后基本启动拟计划个家人亿万%套亩期国-/长滯後abcAQq元旦国庆节次翌/')
const domainText = fc.array(fc.constantFrom(...DOMAIN), { maxLength: 60 }).map((cs) => cs.join(''))

describe('engine fast paths (fast-check)', () => {
  it('every date the scanner can match starts on a character of DATE_START', () => {
    // readDue tries the scanner only where DATE_START says a date can begin: a missing
    // character there would silently skip a due date.
    const scanner = new RegExp(DATE_SOURCE.replace(/\(\?<[A-Za-z]+>/g, '('), 'g')
    fc.assert(fc.property(domainText, (text) => {
      for (const m of text.matchAll(scanner)) {
        if (m[0].length > 0) expect(DATE_START[m[0].charCodeAt(0)], JSON.stringify(m[0])).toBe(1)
      }
    }), { numRuns: 5000 })
  })

  it('plain months read without the scanner read as the scanner reads them', () => {
    // `3月`, `12月底前`, `6月前` skip the scanner; everything near them must still read the same.
    const chars = Array.from('0123456789月月月底末前前份度上中下旬初日号一两十 \u3000.,;截至年第季每完成')
    const words = fc.array(fc.constantFrom(...chars), { maxLength: 12 }).map((cs) => cs.join(''))
    const month = fc.constantFrom('1', '3', '9', '10', '12', '0', '00', '13', '07', '123')
    const text = fc.tuple(words, month, words).map(([a, m, b]) => `${a}${m}月${b}`)
    const options = fc.record({ year: fc.constantFrom(2020, 2023, 2024), monthBefore: fc.constantFrom(undefined, 'end-of-month' as const, 'end-of-previous-month' as const) })
    let plain = 0
    fc.assert(fc.property(fc.oneof(text, domainText), options, (t, o) => {
      const got = readDue(t, o)
      if (got.words !== undefined && /^\d{1,2}月/.test(got.words)) plain++
      expect(got, JSON.stringify(t)).toEqual(readDue(t, o, false))
    }), { numRuns: 8000 })
    expect(plain).toBeGreaterThan(1000)
  })

  it('marks are found where a global MARKER scan finds them: no cell with a mark is skipped', () => {
    // findMarkers tries MARKER only where MARK_CANDIDATE says a mark can start.
    const chars = Array.from('①②⑳⑴⒈()12345. 、.一二三十月号abc')
    const text = fc.array(fc.constantFrom(...chars), { maxLength: 30 }).map((cs) => cs.join(''))
    fc.assert(fc.property(fc.oneof(text, domainText), (t) => {
      const expected = [...t.matchAll(new RegExp(MARKER.source, 'g'))]
        // A bracketed Chinese numeral that is no number (`(一二三)`) is no mark.
        .filter((m) => !m[5] || findMarkers(m[0]).length > 0)
        .map((m) => [m.index, m.index + m[0].length])
      expect(findMarkers(t).map((mk) => [mk.start, mk.end]), JSON.stringify(t)).toEqual(expected)
    }), { numRuns: 5000 })
  })

  it('a text with a quantity is never skipped by the progress quantity pre-check', () => {
    // judgePart reads a milestone's targets only where mayHoldQuantity says a quantity can be.
    const chars = Array.from('0123456789.第#aA 万亿个家套%月年号,完成新增')
    const text = fc.array(fc.constantFrom(...chars), { maxLength: 30 }).map((cs) => cs.join(''))
    let found = 0
    fc.assert(fc.property(fc.oneof(text, domainText), (t) => {
      if (findQuantities(t).length > 0) {
        found++
        expect(mayHoldQuantity(t), JSON.stringify(t)).toBe(true)
      }
    }), { numRuns: 5000 })
    expect(found).toBeGreaterThan(500)
  })

  it('reading only the quantities that can pair with the targets pairs them as a full read does', () => {
    // judgePart passes the targets to findQuantities, which then skips the words of other units.
    const chars = Array.from('0123456789.  万亿个家套元%月号第项目,。;完成新增建成改造社区增长')
    const words = fc.array(fc.constantFrom(...chars), { maxLength: 10 }).map((cs) => cs.join(''))
    const quantity = fc.tuple(words, fc.integer({ min: 1, max: 500 }), fc.constantFrom('个', '家', '套', '公里', '元', '万元', '%', '', '社区')).map(([w, n, u]) => `${w}${n}${u}`)
    const text = fc.array(quantity, { minLength: 1, maxLength: 4 }).map((qs) => qs.join(','))
    let paired = 0
    fc.assert(fc.property(text, text, (target, progress) => {
      const targets = findQuantities(target, false)
      const full = matchQuantities(targets, findQuantities(progress))
      if (full.length > 0) paired++
      expect(matchQuantities(targets, findQuantities(progress, true, targets))).toEqual(full)
    }), { numRuns: 5000 })
    expect(paired).toBeGreaterThan(200)
  })

  it('a text with a quantity in a unit is never skipped by the quantity pre-check', () => {
    // findTargets reads quantities only where mayHoldUnitQuantity says a unit can follow a number.
    const chars = Array.from('0123456789..  \u3000万亿千个家套公里平方米千瓦时吨标准煤元亿元%月年号第项目,完成新增')
    const text = fc.array(fc.constantFrom(...chars), { maxLength: 40 }).map((cs) => cs.join(''))
    let withUnit = 0
    fc.assert(fc.property(fc.oneof(text, domainText), (t) => {
      if (findQuantities(t).some((q) => !q.bare)) {
        withUnit++
        expect(mayHoldUnitQuantity(t), JSON.stringify(t)).toBe(true)
      }
    }), { numRuns: 5000 })
    // The generator must reach the case it guards.
    expect(withUnit).toBeGreaterThan(100)
  })

  it('targets read without bare numbers are the unit quantities of a full read', () => {
    // findTargets passes bare numbers over; the words of the next quantity must not change.
    const chars = Array.from('0123456789. 万个家套公里元亿元%月年号第项目,。;完成新增建成改造')
    const text = fc.array(fc.constantFrom(...chars), { maxLength: 40 }).map((cs) => cs.join(''))
    fc.assert(fc.property(fc.oneof(text, domainText), (t) => {
      expect(findQuantities(t, false)).toEqual(findQuantities(t).filter((q) => !q.bare))
    }), { numRuns: 3000 })
  })

  it('isBlank is !text.trim()', () => {
    fc.assert(fc.property(domainText, (t) => {
      expect(isBlank(t)).toBe(!t.trim())
      expect(isBlank(t.replace(/\S/g, ''))).toBe(true)
    }), { numRuns: 2000 })
  })

  const fields = fc.record({
    task: fc.option(domainText, { nil: undefined }),
    schedule: fc.option(domainText, { nil: undefined }),
    deadline: fc.option(domainText, { nil: undefined }),
    progress: fc.option(domainText, { nil: undefined }),
    status: fc.option(fc.constantFrom('', '滞后', '已完成', '按序时推进', '完成'), { nil: undefined }),
  })
  const context = fc.record({
    asOf: fc.constantFrom('2023-03-31', '2023-06-30', '2023-12-31'),
    soonDays: fc.constantFrom(undefined, 0, 14, 30),
    monthBefore: fc.constantFrom(undefined, 'end-of-month' as const, 'end-of-previous-month' as const),
  })

  it('kept readings and memoised reasons give what a first read gives, on every as-of date', () => {
    fc.assert(fc.property(fields, context, context, (f: TaskFields, a, b) => {
      const ctxA: AssessContext = { year: 2023, ...a }
      const ctxB: AssessContext = { year: 2023, ...b }
      // Compared as plain objects: the reasons are getters, which a deep equality would not read.
      forgetReadings()
      const firstA = plainAssessment(assessTask(f, ctxA))
      forgetReadings()
      const firstB = plainAssessment(assessTask(f, ctxB))
      // Readings kept, then the memo (same date again), then the memo in use; dates interleaved.
      for (let i = 0; i < 3; i++) {
        expect(plainAssessment(assessTask(f, { ...ctxA, keep: true }))).toEqual(firstA)
        expect(plainAssessment(assessTask(f, { ...ctxB, keep: true }))).toEqual(firstB)
      }
      // A read that keeps nothing still gives the same, kept readings or not.
      expect(plainAssessment(assessTask(f, ctxA))).toEqual(firstA)
    }), { numRuns: 1000 })
  })

  it('overrides and the status column still win over memoised readings', () => {
    const f: TaskFields = { schedule: '①3月底前完成方案编制。②6月底前完成项目招标。', progress: '①已完成。②正在编制招标文件。' }
    const ctx: AssessContext = { year: 2023, asOf: '2023-07-10', keep: true }
    for (let i = 0; i < 3; i++) assessTask(f, ctx)
    expect(assessTask(f, ctx).milestones.map((m) => m.state)).toEqual(['done', 'overdue'])
    const overridden = assessTask(f, { ...ctx, overrides: { 2: true } })
    expect(overridden.milestones.map((m) => m.state)).toEqual(['done', 'done'])
    expect(overridden.milestones[1]!.overridden).toBe(true)
    expect(overridden.milestones[1]!.reason).toContain('已手动标记为完成')
    const byStatus = assessTask({ ...f, status: '已完成' }, ctx)
    expect(byStatus.milestones.map((m) => m.state)).toEqual(['done', 'done'])
    expect(byStatus.reasons?.zh).toContain('完成情况列写明「已完成」')
    // And the memo is untouched by them.
    expect(assessTask(f, ctx).milestones.map((m) => m.state)).toEqual(['done', 'overdue'])
  })

  it('gives each result its own reason objects: a caller changing one changes no later result', () => {
    const f: TaskFields = { schedule: '①3月底前完成方案编制。②6月底前完成项目招标。', progress: '①已完成。②正在编制招标文件。' }
    const ctx: AssessContext = { year: 2023, asOf: '2023-07-10', keep: true }
    const before = plainAssessment(assessTask(f, ctx))
    for (let i = 0; i < 3; i++) {
      const r = assessTask(f, ctx)
      r.milestones[0]!.reasons!.zh = 'changed'
      if (r.reasons) r.reasons.zh = 'changed'
    }
    expect(plainAssessment(assessTask(f, ctx))).toEqual(before)
  })
})

describe('session 8 pre-checks skip nothing real (fast-check)', () => {
  // Pieces of the words the patterns read, so random text hits them often.
  const pieces = ['均', '都', '全部', '已', '经', '已全部', '均已', '完成', '建成', '完工', '竣工', '办结', '落实', '完', '成', '实',
    '设计', '招标', ',', '。', '6', '10', '月', '日', '6月', '10日', '6月10日', '前', '以前', '截至', '常', '号']
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((ps) => ps.join(''))

  it('a clause that closes on a verdict is never passed by its last-characters check', () => {
    // Clause endings near a verdict and not quite one, so that a good share of the clauses close on one.
    const endings = ['均已完成', '都已建成', '已全部完成', '全部已经完工', '均已办结', '已完成', '完成', '均完成', '已经落实', '']
    const clause = fc.tuple(text, fc.constantFrom(...endings)).map(([t, end]) => t + end)
    let found = 0
    fc.assert(fc.property(fc.oneof(clause, domainText), (t) => {
      const plain = VERDICT_END.test(t)
      if (plain) found++
      expect(closesOnVerdict(t, 0, t.length), JSON.stringify(t)).toBe(plain)
    }), { numRuns: 5000 })
    expect(found).toBeGreaterThan(500)
  })

  it('a text with a day\'s date is never passed by the digit-before-日 check', () => {
    let found = 0
    fc.assert(fc.property(fc.oneof(text, domainText), (t) => {
      DAY_DATE.lastIndex = 0
      if (DAY_DATE.test(t)) {
        found++
        expect(holdsDay(t), JSON.stringify(t)).toBe(true)
      }
    }), { numRuns: 5000 })
    expect(found).toBeGreaterThan(50)
  })
})
