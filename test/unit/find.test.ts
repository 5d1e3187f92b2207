// Find/replace: matches in document order with case, whole-cell and regex options; replace undone in one step.
import { describe, expect, it } from 'vitest'
import { findMatches, replaceCommand } from '../../src/core/find'
import { applyCommand } from '../../src/core/commands'
import { History } from '../../src/core/history'
import { defaultSettings, type TaskDocument } from '../../src/core/document'

function findDoc(): TaskDocument {
  return {
    schemaVersion: 1, id: 'd', name: 'n', sourceFile: null, sheetName: null, title: null, preamble: [],
    header: { rows: [['序号', '工作事项', '进度安排', '责任单位']], merges: [] },
    columns: [
      { id: 'seq', header: '序号', role: 'seq' },
      { id: 'task', header: '工作事项', role: 'task' },
      { id: 'sched', header: '进度安排', role: 'schedule' },
      { id: 'owner', header: '责任单位', role: 'owner' },
    ],
    rows: [
      { id: 'r1', kind: 'data', cells: { owner: '区发改委', seq: '1', task: '推进PPP项目,ppp入库(发改委)', sched: '3月底前完成;6月底前验收' } },
      { id: 's1', kind: 'section', cells: { seq: '二、发改委牵头' } },
      { id: 'r2', kind: 'data', cells: { seq: '2', task: '发改委', sched: '每月10日前', owner: '发改委' } },
    ],
    settings: defaultSettings(), suggestedAsOf: null, createdAt: 0, updatedAt: 0,
  }
}

const at = (ms: { rowId: string; colId: string; start: number }[]) => ms.map((m) => `${m.rowId}.${m.colId}@${m.start}`)

describe('findMatches', () => {
  it('finds every occurrence in document order: rows, then columns as laid out, then offset', () => {
    const r = findMatches(findDoc(), '发改委')
    expect(r.ok).toBe(true)
    // r1's cells are stored owner-first, but columns are read in the document's order.
    expect(at(r.matches)).toEqual(['r1.task@14', 'r1.owner@1', 's1.seq@2', 'r2.task@0', 'r2.owner@0'])
    expect(r.matches[0]).toMatchObject({ length: 3, text: '发改委' })
  })

  it('ignores case unless asked, and matches the whole cell when asked', () => {
    const doc = findDoc()
    expect(at(findMatches(doc, 'ppp').matches)).toEqual(['r1.task@2', 'r1.task@8'])
    expect(at(findMatches(doc, 'ppp', { matchCase: true }).matches)).toEqual(['r1.task@8'])
    expect(at(findMatches(doc, '发改委', { wholeCell: true }).matches)).toEqual(['r2.task@0', 'r2.owner@0'])
    expect(at(findMatches(doc, '发改委', { wholeCell: true, columnIds: ['owner'] }).matches)).toEqual(['r2.owner@0'])
  })

  it('treats the query literally unless regex is on', () => {
    const doc = findDoc()
    expect(findMatches(doc, '3月底前.').matches).toEqual([])
    const re = findMatches(doc, '(\\d+)月底前', { regex: true })
    expect(at(re.matches)).toEqual(['r1.sched@0', 'r1.sched@7'])
    expect(re.matches[1]).toMatchObject({ text: '6月底前', groups: ['6'] })
    expect(at(findMatches(doc, '每月\\d+日前', { regex: true, wholeCell: true }).matches)).toEqual(['r2.sched@0'])
  })

  it('reports an invalid regex as an error result, and finds nothing for an empty query or empty matches', () => {
    const doc = findDoc()
    const bad = findMatches(doc, '([', { regex: true })
    expect(bad.ok).toBe(false)
    if (!bad.ok) {
      expect(bad.error.zh).toContain('正则表达式有误')
      expect(bad.error.en).toContain('Invalid regular expression')
    }
    expect(bad.matches).toEqual([])
    expect(findMatches(doc, '').matches).toEqual([])
    expect(findMatches(doc, 'x*', { regex: true }).matches).toEqual([])
  })
})

describe('replaceCommand', () => {
  it('replaces all matches, several in one cell, and is undone in one step', () => {
    const original = findDoc()
    const history = new History()
    const { matches } = findMatches(original, '发改委')
    const done = history.apply(original, replaceCommand(original, matches, '发展改革委'))
    expect(done.doc.rows.map((r) => r.cells.owner)).toEqual(['区发展改革委', undefined, '发展改革委'])
    expect(done.doc.rows[0]?.cells.task).toBe('推进PPP项目,ppp入库(发展改革委)')
    expect(done.doc.rows[1]?.cells.seq).toBe('二、发展改革委牵头')
    expect(done.doc.rows[2]?.edited).toEqual(['task', 'owner'])
    expect(history.undoLabel).toEqual({ zh: '全部替换', en: 'Replace all' })
    expect(history.undo(done.doc)!.doc).toStrictEqual(original)

    const both = findMatches(original, 'ppp')
    const cmd = replaceCommand(original, both.matches, 'PPP(政府和社会资本合作)')
    expect(applyCommand(original, cmd).doc.rows[0]?.cells.task).toBe('推进PPP(政府和社会资本合作)项目,PPP(政府和社会资本合作)入库(发改委)')
  })

  it('expands $1 and $& for regex matches only', () => {
    const doc = findDoc()
    const re = findMatches(doc, '(\\d+)月底前', { regex: true })
    const cmd = replaceCommand(doc, re.matches, '$1月30日前($&)')
    expect(applyCommand(doc, cmd).doc.rows[0]?.cells.sched).toBe('3月30日前(3月底前)完成;6月30日前(6月底前)验收')
    const plain = findMatches(doc, '每月')
    expect(applyCommand(doc, replaceCommand(doc, plain.matches, '$1')).doc.rows[2]?.cells.sched).toBe('$110日前')
  })

  it('replaces one match alone, and skips a match whose cell changed since the find', () => {
    const doc = findDoc()
    const { matches } = findMatches(doc, '发改委')
    const one = applyCommand(doc, replaceCommand(doc, matches.slice(3, 4), '发展改革委'))
    expect(one.doc.rows[2]?.cells).toMatchObject({ task: '发展改革委', owner: '发改委' })
    expect(one.changed.rows).toEqual(['r2'])
    // Against the changed document the stale match for r2.task no longer fits: nothing happens to it.
    const stale = replaceCommand(one.doc, matches.slice(3, 4), 'X')
    expect(stale).toEqual({ kind: 'replaceAll', cells: [] })
  })
})
