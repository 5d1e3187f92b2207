// The index of milestones' two-character key words that unnumbered progress is read against.
import { describe, expect, it } from 'vitest'
import { withPairIndex } from '../../src/core/pairIndex'

const GENERIC = new Set(['项目', '工程'])
const isGeneric = (a: number, b: number) => GENERIC.has(String.fromCharCode(a, b))

function addWords(index: Parameters<Parameters<typeof withPairIndex>[0]>[0], m: number, words: string[]): boolean[] {
  return words.map((w) => index.add(m, w.charCodeAt(0), w.charCodeAt(1), isGeneric))
}

describe('withPairIndex', () => {
  it('counts each milestone’s distinct key words in a text, and how many are specific', () => {
    withPairIndex((index) => {
      expect(addWords(index, 0, ['可研', '批复', '可研'])).toEqual([true, true, false])
      addWords(index, 1, ['主体', '项目', '招标'])
      const counts = [0, 0]
      const specific = [0, 0]
      // 可研 twice in the text still counts once; 项目 is generic.
      expect(index.count('可研已批复，可研报告；项目主体', counts, specific)).toBe(4)
      expect(counts).toEqual([2, 2])
      expect(specific).toEqual([2, 1])
      expect(index.count('没有关键词', counts, specific)).toBe(0)
      expect(counts).toEqual([0, 0])
    })
  })

  it('a word two milestones share counts for both', () => {
    withPairIndex((index) => {
      addWords(index, 0, ['招标'])
      addWords(index, 1, ['招标', '施工'])
      const counts = [0, 0]
      index.count('完成招标', counts, [0, 0])
      expect(counts).toEqual([1, 1])
    })
  })

  it('is empty again afterwards, even when the reading threw', () => {
    expect(() => withPairIndex((index) => { addWords(index, 0, ['批复']); throw new Error('boom') })).toThrow('boom')
    withPairIndex((index) => {
      const counts = [0]
      expect(index.count('已批复', counts, [0])).toBe(0)
    })
  })

  it('counts a sentence clause by clause as it counts the whole sentence', () => {
    withPairIndex((index) => {
      addWords(index, 0, ['可研', '批复'])
      addWords(index, 1, ['主体', '项目', '招标'])
      const text = '可研已批复,主体项目,可研报告'
      const whole = [[0, 0], [0, 0]] as [number[], number[]]
      index.count(text, whole[0], whole[1])
      const counts = [9, 9]
      const specific = [9, 9]
      index.startSentence(counts, specific)
      for (const [from, to] of [[0, 5], [6, 10], [11, 15]] as const) {
        index.countRange(text, from, to, [0, 0], [0, 0])
        index.addToSentence(counts, specific)
      }
      expect(counts).toEqual(whole[0])
      expect(specific).toEqual(whole[1])
      // A range counts only its own words.
      const clause = [0, 0]
      expect(index.countRange(text, 6, 10, clause, [0, 0])).toBe(2)
      expect(clause).toEqual([0, 2])
    })
  })
})
