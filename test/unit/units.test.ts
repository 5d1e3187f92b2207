// Which units a task belongs to: one reading for the unit filter, the split export and the overview.
import { describe, expect, it } from 'vitest'
import { unzipSync } from 'fflate'
import { unitColumns, unitsInCell, unitsOfRow } from '../../src/core'
import { exportDocument } from '../../src/io/export'
import { exportDownloadName } from '../../src/io/export/fileName'
import { handmadeDocument } from './export-support'

function leadAndSupporting() {
  return handmadeDocument(
    [{ header: '序号', role: 'seq' }, { header: '工作事项', role: 'task' }, { header: '责任单位/牵头单位', role: 'owner' }, { header: '责任单位/配合单位', role: 'owner' }],
    [
      { cells: ['1', '任务甲', '县发改局', '各乡镇、县公安局'] },
      { cells: ['2', '任务乙', '县经信局，县发改局', ''] },
      { cells: ['3', '任务丙', '县委组织部\n（人才办）', '县公安局'] },
      { cells: ['4', '任务丁', '', ''] },
    ],
  )
}

describe('units of a task', () => {
  it('splits joint work at 、，;/ but keeps a unit laid out on two lines whole', () => {
    expect(unitsInCell('发改局、经信局,  财政局；税务局/人社局')).toEqual(['发改局', '经信局', '财政局', '税务局', '人社局'])
    expect(unitsInCell('县委组织部\n（人才办）')).toEqual(['县委组织部 （人才办）'])
    expect(unitsInCell('发改局、发改局、 ')).toEqual(['发改局'])
  })

  it('tells lead columns from supporting ones by their headers, in either script', () => {
    const doc = leadAndSupporting()
    const cols = unitColumns(doc)
    expect(cols.lead.map((c) => c.header)).toEqual(['责任单位/牵头单位'])
    expect(cols.supporting.map((c) => c.header)).toEqual(['责任单位/配合单位'])
    const traditional = handmadeDocument([{ header: '協辦單位', role: 'owner' }, { header: '牽頭單位', role: 'owner' }], [])
    expect(unitColumns(traditional).lead.map((c) => c.header)).toEqual(['牽頭單位'])
    const onlySupporting = handmadeDocument([{ header: '配合单位', role: 'owner' }], [])
    expect(unitColumns(onlySupporting).lead.map((c) => c.header)).toEqual(['配合单位'])
  })

  it('gives a row its lead units, and with scope all its supporting units after them', () => {
    const doc = leadAndSupporting()
    const cols = unitColumns(doc)
    expect(unitsOfRow(doc.rows[0]!, cols, 'lead')).toEqual([{ unit: '县发改局', lead: true }])
    expect(unitsOfRow(doc.rows[0]!, cols, 'all')).toEqual([
      { unit: '县发改局', lead: true }, { unit: '各乡镇', lead: false }, { unit: '县公安局', lead: false },
    ])
  })
})

describe('split export by unit', () => {
  it('sends a row to each of its lead units, and to supporting units when asked', async () => {
    const doc = leadAndSupporting()
    const lead = await exportDocument(doc, { format: 'csv', split: 'owner-files' })
    if (!lead.ok) throw new Error(lead.code)
    expect(Object.keys(unzipSync(lead.files[0]!.bytes)).map((n) => n.replace(/^.*_/, '')).sort())
      .toEqual(['县发改局.csv', '县经信局.csv', '县委组织部 （人才办）.csv', '未填责任单位.csv'].sort())

    const all = await exportDocument(doc, { format: 'xlsx', split: 'owner-sheets', splitUnits: 'all' })
    if (!all.ok) throw new Error(all.code)
    const { readBack } = await import('./export-support')
    const sheets = readBack(all.files[0]!.bytes)
    expect(sheets.map((s) => s.name)).toEqual(['县发改局', '各乡镇', '县公安局', '县经信局', '县委组织部 （人才办）', '未填责任单位'])
    const police = sheets.find((s) => s.name === '县公安局')!
    expect(police.grid.filter((r) => /^\d+$/.test(r[0] ?? '')).map((r) => r[1])).toEqual(['任务甲', '任务丙'])
  })

  it('names the file that is downloaded: the zip of unit files, or the workbook of unit sheets', async () => {
    const doc = leadAndSupporting()
    expect(exportDownloadName(doc, '2023-03-31', 'xlsx', 'owner-files')).toBe('测试县2023年度重点工作清单_截至2023-03-31_按责任单位.zip')
    expect(exportDownloadName(doc, '2023-03-31', 'xlsx', 'owner-sheets')).toBe('测试县2023年度重点工作清单_截至2023-03-31_按责任单位.xlsx')
    expect(exportDownloadName(doc, '2023-03-31', 'csv', 'none')).toBe('测试县2023年度重点工作清单_截至2023-03-31.csv')
    for (const split of ['none', 'owner-files', 'owner-sheets'] as const) {
      const result = await exportDocument(doc, { format: 'xlsx', split })
      if (!result.ok) throw new Error(result.code)
      expect(result.files[0]!.name).toBe(exportDownloadName(doc, '2023-03-31', 'xlsx', split))
    }
  })
})
