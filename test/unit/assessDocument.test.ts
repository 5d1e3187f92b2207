import { describe, expect, it } from 'vitest'
import { assessDocument, assessRow, defaultSettings, type TaskDocument } from '../../src/core'

function doc(): TaskDocument {
  return {
    schemaVersion: 1, id: 'd', name: 'n', sourceFile: null, sheetName: null, title: null, preamble: [],
    header: { rows: [], merges: [] },
    columns: [{ id: 't', header: '工作事项', role: 'task' }, { id: 's', header: '进度安排', role: 'schedule' }],
    rows: [
      { id: 'sec', kind: 'section', cells: { t: '一、深化改革' } },
      { id: 'a', kind: 'data', cells: { t: '建设公园', s: '①3月底前完成设计。②6月底前完工。' } },
      { id: 'empty', kind: 'data', cells: {} },
    ],
    settings: { ...defaultSettings(), asOf: '2023-04-15', year: 2023 },
    suggestedAsOf: null, createdAt: 0, updatedAt: 0,
  }
}

describe('assessDocument / assessRow', () => {
  it('assesses data rows only: sections and empty rows are no tasks', () => {
    const d = doc()
    const result = assessDocument(d)
    expect([...result.byRow.keys()]).toEqual(['a'])
    expect(result.byRow.get('a')!.state).toBe('overdue')
    expect(result.counts.overdue).toBe(1)
    expect(assessRow(d, d.rows[0]!, '2023-04-15', 2023)).toBeNull()
    expect(assessRow(d, d.rows[2]!, '2023-04-15', 2023)).toBeNull()
  })

  it('uses the as-of date and the document year from the settings', () => {
    const d = doc()
    d.settings = { ...d.settings, asOf: '2023-03-01' }
    expect(assessDocument(d).byRow.get('a')!.state).toBe('pending')
  })
})
