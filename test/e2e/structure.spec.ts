// Lists laid out as other counties lay them out: a section straight under a two-row header reads
// with every role right and no change in the confirmation; a header-row correction is remembered
// for the next file laid out the same way.
import * as XLSX from '@e965/xlsx'
import { test, expect, openApp } from './fixtures'

function xlsx(aoa: (string | number | null)[][], merges: XLSX.Range[]): Buffer {
  const sheet = XLSX.utils.aoa_to_sheet(aoa)
  sheet['!merges'] = merges
  const book = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(book, sheet, 'Sheet1')
  return Buffer.from(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
}

test('a section straight under a two-row header: all eight roles right without a change, the section kept', async ({ page }) => {
  await openApp(page)
  const aoa = [
    ['某县2023年重点工作推进情况表'],
    ['序号', '重点任务', '工作进度安排', '推进情况', null, '责任单位', null, '责任领导'],
    [null, null, null, '进展情况', '推进状态', '牵头单位', '配合单位', null],
    ['一、坚持项目为王,稳住经济大盘'],
    [1, '推进城市更新,改造老旧小区15个', '①3月底前完成设计招标。②9月底前完工。', '已完成设计招标,正在施工。', '达序推进', '县住建局', '各乡镇', '张某'],
    [2, '新建城市书房4座', '①6月底前完成选址;②12月底前建成开放。', '完成选址4座。', '序时推进', '县文广旅体局', '', '李某'],
  ]
  const merges: XLSX.Range[] = [
    { s: { r: 0, c: 0 }, e: { r: 0, c: 7 } },
    { s: { r: 1, c: 0 }, e: { r: 2, c: 0 } }, { s: { r: 1, c: 1 }, e: { r: 2, c: 1 } }, { s: { r: 1, c: 2 }, e: { r: 2, c: 2 } },
    { s: { r: 1, c: 3 }, e: { r: 1, c: 4 } }, { s: { r: 1, c: 5 }, e: { r: 1, c: 6 } }, { s: { r: 1, c: 7 }, e: { r: 2, c: 7 } },
    { s: { r: 3, c: 0 }, e: { r: 3, c: 7 } },
  ]
  await page.getByTestId('file-input').setInputFiles({ name: '某县清单.xlsx', mimeType: 'application/octet-stream', buffer: xlsx(aoa, merges) })
  await expect(page.getByTestId('import-header-row')).toHaveValue('2')
  await expect(page.getByTestId('import-header-count')).toHaveValue('2')
  const roles = ['seq', 'task', 'schedule', 'progress', 'status', 'owner', 'owner', 'lead']
  for (const [i, role] of roles.entries()) await expect(page.getByTestId(`import-role-${i}`)).toHaveValue(role)
  await page.getByTestId('import-confirm').click()
  await expect(page.getByTestId('import-dialog')).toBeHidden()
  await expect(page.getByTestId('status-bar')).toContainText('共 2 项任务')
  await expect(page.locator('.ag-row.row-section').first()).toContainText('一、坚持项目为王')
  await expect(page.locator('.ag-header-cell-text', { hasText: /^推进情况\/进展情况$|^进展情况$/ }).first()).toBeVisible()
})

test('header rows changed by hand are proposed again for the next file laid out the same way', async ({ page }) => {
  await openApp(page)
  // A header the importer reads as one row, whose second row the clerk knows belongs to it.
  const file = (task: string) => xlsx([
    ['序号', '工作事项', '进展情况', '完成情况'],
    ['编码', '内容', '本季度', '自评'],
    [1, task, '已完成。', '已完成'],
  ], [])
  await page.getByTestId('file-input').setInputFiles({ name: '一季度.xlsx', mimeType: 'application/octet-stream', buffer: file('任务甲') })
  await expect(page.getByTestId('import-header-count')).toHaveValue('1')
  await page.getByTestId('import-header-count').selectOption('2')
  await expect(page.getByTestId('import-header-count')).toHaveValue('2')
  await page.getByTestId('import-confirm').click()
  await expect(page.getByTestId('import-dialog')).toBeHidden()
  await expect(page.getByTestId('status-bar')).toContainText('共 1 项任务')

  await page.getByTestId('file-input').setInputFiles({ name: '二季度.xlsx', mimeType: 'application/octet-stream', buffer: file('任务乙') })
  await expect(page.getByTestId('import-header-count')).toHaveValue('2')
  await expect(page.getByTestId('import-role-1')).toHaveValue('task')
})
