// Marks with no words of their own (`①②均已完成`) share the words after them. Labelled before the engine ran on them.
import { describe, expect, it } from 'vitest'
import { assessTask, parseSchedule } from '../../src/core'
import { splitCell } from '../../src/core/numbering'
import { foldText } from '../../src/core/text'

const schedule = '①3月底前完成设计；②6月底前完成招标；③9月底前开工'
const states = (progress: string) => assessTask({ schedule, progress }, { year: 2023, asOf: '2023-10-10' }).milestones.map((m) => m.state)

describe('marks that share their words', () => {
  it('①② both done, ③ not reported', () => expect(states('①②均已完成')).toEqual(['done', 'done', 'overdue']))
  it('joined by 、 or 和', () => {
    expect(states('①、②已完成，③正在推进')).toEqual(['done', 'done', 'overdue'])
    expect(states('①和②已完成；③尚未启动')).toEqual(['done', 'done', 'overdue'])
  })
  it('a later pair shares its words, the first mark keeps its own', () => expect(states('①已完成②③正在推进')).toEqual(['done', 'overdue', 'overdue']))
  it('in a schedule, both milestones get the shared words and date', () => {
    expect(parseSchedule('①②6月底前完成设计和招标；③9月底前开工', { year: 2023 }).map((m) => [m.index, m.due]))
      .toEqual([[1, '2023-06-30'], [2, '2023-06-30'], [3, '2023-09-30']])
  })
  it('a last mark with no words is still no part', () => {
    const text = '①已完成；②'
    expect(splitCell(text, foldText(text)).parts.map((p) => p.index)).toEqual([1])
  })
})
