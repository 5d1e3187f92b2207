// The document store runs the rules over made-up rows when the page is idle after opening a list,
// once per opened document, and not for a document that has been edited or replaced meanwhile.
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { testDocument } from './support/testDocuments'

const warmed = vi.hoisted(() => [] as string[])
vi.mock('../../src/core', async (original) => {
  const core = await original<typeof import('../../src/core')>()
  return { ...core, warmUpRules: (doc: { id?: string }, asOf: string) => { warmed.push(`${doc.id}@${asOf}`); return 0 } }
})
const { useDocumentStore } = await import('../../src/stores/document')

let idle: (() => void)[] = []
beforeEach(() => {
  setActivePinia(createPinia())
  warmed.length = 0
  idle = []
  vi.stubGlobal('requestIdleCallback', (cb: () => void) => { idle.push(cb); return idle.length })
})
afterEach(() => { vi.unstubAllGlobals() })

describe('document store: warm-up after open', () => {
  it('warms the rules once the page is idle, for the document opened', () => {
    const docs = useDocumentStore()
    docs.open(testDocument({ id: 'd1' }))
    expect(warmed).toEqual([])
    for (const run of idle) run()
    expect(warmed).toEqual([`d1@${docs.assessment.asOf}`])
  })

  it('does nothing when the list was edited or another one opened before the page was idle', () => {
    const docs = useDocumentStore()
    docs.open(testDocument({ id: 'd1' }))
    docs.setCells([{ rowId: 'r1', colId: 'task', value: '改过的任务' }])
    docs.open(testDocument({ id: 'd2' }))
    for (const run of idle) run()
    expect(warmed).toEqual([`d2@${docs.assessment.asOf}`])
  })
})
