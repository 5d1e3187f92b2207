// The find store: the first Enter goes to match 1, a replace keeps the place, a bad regex is
// explained in the clerk's language (and follows a language switch), closing clears the highlights.
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import { beforeEach, describe, expect, it } from 'vitest'
import { defaultSettings, type TaskDocument } from '../../src/core/document'
import { useDocumentStore } from '../../src/stores/document'
import { regexProblem, useFindStore } from '../../src/stores/find'
import { useLocaleStore } from '../../src/stores/locale'
import { useUiStore } from '../../src/stores/ui'

function doc(): TaskDocument {
  return {
    schemaVersion: 1, id: 'd', name: 'n', sourceFile: null, sheetName: null, title: null, preamble: [],
    header: { rows: [['序号', '工作事项', '完成情况']], merges: [] },
    columns: [
      { id: 'seq', header: '序号', role: 'seq' },
      { id: 'task', header: '工作事项', role: 'task' },
      { id: 'status', header: '完成情况', role: 'status' },
    ],
    rows: [
      { id: 'r1', kind: 'data', cells: { seq: '1', task: '推进甲', status: '序时推进' } },
      { id: 'r2', kind: 'data', cells: { seq: '2', task: '推进乙', status: '已完成' } },
    ],
    settings: defaultSettings(), suggestedAsOf: null, createdAt: 0, updatedAt: 0,
  }
}

function setup() {
  setActivePinia(createPinia())
  useDocumentStore().open(doc())
  const ui = useUiStore()
  const find = useFindStore()
  ui.openFind(false)
  return { ui, find }
}

beforeEach(() => { setActivePinia(createPinia()) })

describe('find store', () => {
  it('goes to match 1 on the first Enter, then on and back around', async () => {
    const { ui, find } = setup()
    find.query = '推进'
    await nextTick()
    expect(find.countText).toBe('1 / 3')
    find.go(1)
    expect(find.countText).toBe('1 / 3')
    expect(ui.findCurrent).toBe('r1\u0000task')
    find.go(1)
    expect(find.countText).toBe('2 / 3')
    find.go(-1)
    find.go(-1)
    expect(find.countText).toBe('3 / 3')
  })

  it('Shift+Enter first goes back from match 1 to the last', async () => {
    const { find } = setup()
    find.query = '推进'
    await nextTick()
    find.go(-1)
    expect(find.countText).toBe('3 / 3')
  })

  it('after replacing the current match, the next Enter goes to the match now in its place', async () => {
    const { ui, find } = setup()
    find.query = '推进'
    await nextTick()
    find.go(1)
    find.replacement = '落实'
    find.replaceCurrent()
    expect(find.countText).toBe('1 / 2')
    find.go(1)
    expect(ui.findCurrent).toBe('r1\u0000status')
    expect(find.countText).toBe('1 / 2')
  })

  it('explains a bad regular expression in the current language, without the engine’s words', async () => {
    const { find } = setup()
    find.regex = true
    find.query = '[('
    await nextTick()
    expect(find.error).toBe('正则表达式不完整（括号或方括号未闭合）')
    await useLocaleStore().setLocale('en')
    expect(find.error).toBe('The regular expression is incomplete (a bracket or parenthesis is not closed)')
    find.query = '推进'
    await nextTick()
    expect(find.error).toBe('')
  })

  it('closing clears the highlights; reopening finds the same query again', async () => {
    const { ui, find } = setup()
    find.query = '推进'
    await nextTick()
    expect(ui.findHits.size).toBe(3)
    find.close()
    await nextTick()
    expect(ui.findHits.size).toBe(0)
    ui.openFind(false)
    await nextTick()
    expect(find.countText).toBe('1 / 3')
  })
})

describe('regexProblem', () => {
  it('names what is wrong', () => {
    expect(regexProblem('[(')).toBe('find.regexUnclosed')
    expect(regexProblem('(推进')).toBe('find.regexUnclosed')
    expect(regexProblem('推进)')).toBe('find.regexUnopened')
    expect(regexProblem('\\[推进\\]{2,1}')).toBe('find.regexInvalid')
    expect(regexProblem('推进\\')).toBe('find.regexTrailingBackslash')
    expect(regexProblem('*推进')).toBe('find.regexNothingToRepeat')
    expect(regexProblem('甲|+乙')).toBe('find.regexNothingToRepeat')
  })
})
