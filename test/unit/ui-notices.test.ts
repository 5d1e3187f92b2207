// Notices (issue 17 #11): one of a kind replaces the last, and they time out unless they need an answer.
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useUiStore } from '../../src/stores/ui'

const tick = () => Promise.resolve()

beforeEach(() => { setActivePinia(createPinia()); vi.useFakeTimers() })
afterEach(() => { vi.useRealTimers() })

describe('notices', () => {
  it('three failed imports, one after another, leave one error: the latest', async () => {
    const ui = useUiStore()
    for (const name of ['a.xls', 'b.xls', 'c.xls']) { ui.notify('error', `无法导入 ${name}`); await tick() }
    expect(ui.notices.map((n) => n.text)).toEqual(['无法导入 c.xls'])
  })

  it('a notice of another kind stays beside it', async () => {
    const ui = useUiStore()
    ui.notify('error', '出错'); await tick()
    ui.notify('info', '已保存'); await tick()
    expect(ui.notices.map((n) => n.kind)).toEqual(['error', 'info'])
  })

  it('several notices posted together (a list of warnings) are all shown', () => {
    const ui = useUiStore()
    ui.notify('info', '警告一')
    ui.notify('info', '警告二')
    expect(ui.notices).toHaveLength(2)
  })

  it('a notice waiting for an answer is not replaced and does not time out; errors time out', async () => {
    const ui = useUiStore()
    ui.notify('info', '已删除', { label: '撤销删除', run: () => {} }); await tick()
    ui.notify('info', '另一条'); await tick()
    ui.notify('error', '出错'); await tick()
    expect(ui.notices.map((n) => n.text)).toEqual(['已删除', '另一条', '出错'])
    vi.advanceTimersByTime(7000)
    expect(ui.notices.map((n) => n.text)).toEqual(['已删除', '出错'])
    vi.advanceTimersByTime(20_000)
    expect(ui.notices.map((n) => n.text)).toEqual(['已删除'])
  })
})
