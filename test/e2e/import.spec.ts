import { test, expect, openApp, importFile, fixture, count, expectRows } from './fixtures'
import { writeFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import os from 'node:os'
import { CFB as XLSX_CFB } from '@e965/xlsx'

const tmp = mkdirTempDir()
function mkdirTempDir() {
  const dir = path.join(os.tmpdir(), `jindu-e2e-${process.pid}`)
  mkdirSync(dir, { recursive: true })
  return dir
}

test('a GBK (GB18030) CSV imports through the file picker with its Chinese intact', async ({ page }) => {
  await openApp(page)
  await page.getByTestId('file-input').setInputFiles(fixture('kaihua-2023-q1-gb18030.csv'))
  const dialog = page.getByTestId('import-dialog')
  await expect(dialog).toContainText('9 条任务')
  await expect(page.getByTestId('import-mapping')).toContainText('进度安排')
  await page.getByTestId('import-confirm').click()
  await expectRows(page, 9)
  await expect(page.locator('.ag-row').first()).toContainText('启动新安综合体建设')
})

test('the .xls half-year report imports with its 154 tasks and its year', async ({ page }) => {
  await openApp(page)
  await importFile(page, fixture('linan-2023-h1.xls'))
  await expect(page.getByTestId('status-bar')).toContainText('共 154 项任务')
  await expect(page.getByTestId('as-of')).toHaveValue('2023-06-30')
})

test('the two-row merged header of the tunxi plan becomes one column each, sections kept', async ({ page }) => {
  await openApp(page)
  await importFile(page, fixture('tunxi-2020-plan.xlsx'))
  await expect(page.locator('.ag-header-cell-text', { hasText: '重点工作要点/年度目标' })).toBeVisible()
  await expect(page.locator('.ag-row.row-section').first()).toContainText('一、深化改革创新')
  await expect(page.getByTestId('status-bar')).toContainText('共 22 项任务')
})

test('a dropped file imports like a picked one', async ({ page }) => {
  await openApp(page)
  const bytes = (await import('node:fs')).readFileSync(fixture('kaihua-2023-q1-utf8.csv')).toString('base64')
  const transfer = await page.evaluateHandle((b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
    const dt = new DataTransfer()
    dt.items.add(new File([data], 'dropped.csv', { type: 'text/csv' }))
    return dt
  }, bytes)
  await page.dispatchEvent('.app', 'dragover', { dataTransfer: transfer })
  await page.dispatchEvent('.app', 'drop', { dataTransfer: transfer })
  await page.getByTestId('import-confirm').click()
  await expectRows(page, 9)
})

test('a table pasted from a web page on the empty app is imported', async ({ page }) => {
  await openApp(page)
  // Start from an empty app: delete the sample draft.
  await page.getByTestId('drafts-button').click()
  await page.getByTestId('draft-delete').first().click()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('empty-state')).toBeVisible()
  const html = '<table><tr><td>序号</td><td>工作事项</td><td>进度安排</td><td>责任单位</td></tr>'
    + '<tr><td>1</td><td>建设口袋公园3个</td><td>①6月底前完成设计。②9月底前完工。</td><td rowspan="2">住建局</td></tr>'
    + '<tr><td>2</td><td>改造老旧小区</td><td>年底前完成</td></tr></table>'
  await page.evaluate((h) => {
    const dt = new DataTransfer()
    dt.setData('text/html', h)
    dt.setData('text/plain', '')
    window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }))
  }, html)
  await page.getByTestId('import-confirm').click()
  await expectRows(page, 2)
  await expect(page.locator('.ag-row').nth(1)).toContainText('住建局')
})

test('a workbook with several sheets lets the clerk pick the sheet', async ({ page }) => {
  const XLSX = await import('@e965/xlsx')
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['说明'], ['本表由办公室汇总']]), '说明')
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['序号', '工作事项', '进度安排'], ['1', '完成规划编制', '6月底前']]), '任务')
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['序号', '工作事项', '进度安排'], ['1', '甲', '3月底前'], ['2', '乙', '4月底前']]), '任务二')
  const file = path.join(tmp, 'multi.xlsx')
  writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }))
  await openApp(page)
  await page.getByTestId('file-input').setInputFiles(file)
  const select = page.getByTestId('import-sheet')
  await expect(select.locator('option')).toHaveCount(3)
  // The default is the first sheet with a task table, not the cover note.
  await expect(page.getByTestId('import-mapping')).toContainText('工作事项')
  await select.selectOption({ index: 2 })
  await page.getByTestId('import-confirm').click()
  await expectRows(page, 2)
})

function encryptedXlsx(): Buffer {
  // An OOXML file saved with a password is a CFB container with an EncryptionInfo stream.
  const cfb = XLSX_CFB.utils.cfb_new()
  XLSX_CFB.utils.cfb_add(cfb, 'EncryptionInfo', Uint8Array.from([4, 0, 4, 0, 0x40, 0, 0, 0]))
  XLSX_CFB.utils.cfb_add(cfb, 'EncryptedPackage', new Uint8Array(512).fill(7))
  return Buffer.from(XLSX_CFB.write(cfb, { type: 'array' }) as number[])
}

for (const [name, bytes, expected] of [
  ['secret.xlsx', encryptedXlsx(), /密码|加密/],
  ['random.xlsx', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)), /不是|无法|损坏/],
  ['empty.csv', Buffer.alloc(0), /空/],
  ['truncated.xlsx', Buffer.from('504b0304140000000800', 'hex'), /损坏|不完整|无法/],
] as const) {
  test(`bad input (${name}) gets a clear message and the open draft stays`, async ({ page, watch }) => {
    await openApp(page)
    const file = path.join(tmp, name)
    writeFileSync(file, bytes)
    await page.getByTestId('file-input').setInputFiles(file)
    await expect(page.getByTestId('notice-error')).toContainText(expected)
    await expectRows(page, 9)
    expect(await count(page, 'done')).toBe(1)
    watch.errors.length = 0 // the worker's refusal is reported to the clerk, not a page error
  })
}

test('a bad file chosen in the open import panel is explained there once, not again in a notice', async ({ page, watch }) => {
  await openApp(page)
  const file = path.join(tmp, 'empty-in-panel.csv')
  writeFileSync(file, Buffer.alloc(0))
  await page.keyboard.press('Control+o')
  await page.getByTestId('dialog-file-input').setInputFiles(file)
  await expect(page.getByTestId('import-error')).toContainText(/空/)
  await expect(page.getByTestId('notice-error')).toHaveCount(0)
  watch.errors.length = 0 // the worker's refusal is reported to the clerk, not a page error
})

test('the clerk’s column roles are remembered for the same header next time', async ({ page }) => {
  await openApp(page)
  await page.getByTestId('file-input').setInputFiles(fixture('kaihua-2023-q1-utf8.csv'))
  await expect(page.getByTestId('import-role-4')).toHaveValue('status')
  await page.getByTestId('import-role-4').selectOption('note')
  await page.getByTestId('import-confirm').click()
  await expect(page.getByTestId('import-dialog')).toBeHidden()
  await page.getByTestId('file-input').setInputFiles(fixture('kaihua-2023-q1-utf8bom.csv'))
  await expect(page.getByTestId('import-role-4')).toHaveValue('note')
})

test('the task count follows the roles: with no task, schedule or progress column it is 0, and the dialog says why', async ({ page }) => {
  await openApp(page)
  await page.getByTestId('file-input').setInputFiles(fixture('kaihua-2023-q1-utf8.csv'))
  const dialog = page.getByTestId('import-dialog')
  await expect(dialog).toContainText('9 条任务')
  await expect(page.getByTestId('import-no-task-columns')).toHaveCount(0)
  for (let c = 0; c < 5; c++) {
    const select = page.getByTestId(`import-role-${c}`)
    if (['task', 'schedule', 'progress'].includes(await select.inputValue())) await select.selectOption('note')
  }
  await expect(dialog).toContainText('0 条任务')
  await expect(page.getByTestId('import-no-task-columns')).toContainText('9 行数据')
  await page.getByTestId('import-role-1').selectOption('task')
  await expect(dialog).toContainText('9 条任务')
})

test('a file over the size limit is refused at once with the limit named', async ({ page }) => {
  const file = path.join(tmp, 'huge.xlsx')
  const { openSync, ftruncateSync, closeSync } = await import('node:fs')
  const fd = openSync(file, 'w')
  ftruncateSync(fd, 101 * 1024 * 1024) // sparse: no disk used
  closeSync(fd)
  await openApp(page)
  await page.getByTestId('file-input').setInputFiles(file)
  await expect(page.getByTestId('notice-error')).toContainText('100 MB')
  await expectRows(page, 9)
})
