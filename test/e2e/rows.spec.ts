import { test, expect, openApp, cellAt, fixture, expectRows } from './fixtures'
import { writeFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import os from 'node:os'

test('rows: insert below, duplicate, section, delete — each one undo step, saved across reload', async ({ page }) => {
  await openApp(page)
  await (await cellAt(page, 0, '工作事项')).click()
  await page.keyboard.press('Control+Shift+Enter')
  await expectRows(page, 10)
  await expect(await cellAt(page, 1, '工作事项')).toHaveText('')
  await page.keyboard.press('Control+z')
  await expectRows(page, 9)
  await (await cellAt(page, 2, '工作事项')).click()
  await page.getByTestId('row-duplicate').click()
  await expectRows(page, 10)
  await expect(await cellAt(page, 3, '工作事项')).toHaveText(await (await cellAt(page, 2, '工作事项')).innerText())
  await (await cellAt(page, 0, '工作事项')).click()
  await page.getByTestId('row-section').click()
  await expect(page.locator('.ag-row.row-section')).toHaveCount(1)
  await expectRows(page, 11)
  // The section row belongs to no task: the count of tasks stays.
  await expect(page.getByTestId('status-bar')).toContainText('共 10 项任务')
  await (await cellAt(page, 5, '工作事项')).click()
  await page.getByTestId('row-delete').click()
  await expectRows(page, 10)
  await expect(page.getByTestId('save-state')).toHaveText('已保存')
  await page.reload()
  await expectRows(page, 10)
  await expect(page.locator('.ag-row.row-section')).toHaveCount(1)
})

test('columns: a role change re-reads the list and undoes; an added 备注 column is editable', async ({ page }) => {
  await openApp(page)
  await page.getByTestId('settings-button').click()
  await page.getByTestId('role-完成情况').selectOption('')
  await page.getByTestId('add-column').click()
  await page.keyboard.press('Escape')
  await expect(page.locator('.ag-header-cell-text', { hasText: /^备注$/ })).toBeVisible()
  const note = await cellAt(page, 0, '备注')
  await note.dblclick()
  await page.keyboard.type('ok')
  await page.keyboard.press('Control+Enter')
  await expect(note).toHaveText('ok')
  await page.keyboard.press('Control+z') // the note
  await page.keyboard.press('Control+z') // the added column
  await expect(page.locator('.ag-header-cell-text', { hasText: /^备注$/ })).toHaveCount(0)
  await page.keyboard.press('Control+z') // the role
  await page.getByTestId('settings-button').click()
  await expect(page.getByTestId('role-完成情况')).toHaveValue('status')
})

test('a sheet with no recognisable header lets the clerk pick the header row', async ({ page }) => {
  const dir = path.join(os.tmpdir(), `jindu-rows-${process.pid}`)
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, 'noheader.csv')
  writeFileSync(file, '\ufeff甲,乙,丙\n1,修建道路,6月底前\n2,改造学校,9月底前\n')
  await openApp(page)
  await page.getByTestId('file-input').setInputFiles(file)
  await expect(page.getByTestId('import-needs-header')).toBeVisible()
  await page.getByTestId('import-header-row').fill('1')
  await page.getByTestId('import-header-row').dispatchEvent('change')
  await page.getByTestId('import-role-1').selectOption('task')
  await page.getByTestId('import-role-2').selectOption('schedule')
  await page.getByTestId('import-confirm').click()
  await expectRows(page, 2)
  await expect(page.locator('.ag-header-cell-text', { hasText: /^乙$/ })).toBeVisible()
})

test('a file over 1 MB shows progress and can be cancelled; the open draft stays', async ({ page }) => {
  const dir = path.join(os.tmpdir(), `jindu-rows-${process.pid}`)
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, 'big.csv')
  const line = '1,推进重点项目建设完成年度投资目标,①3月底前,完成前期手续。②6月底前,开工建设。,已完成前期手续正在推进,序时推进\n'
  writeFileSync(file, '序号,工作事项,进度安排,进展情况,完成情况\n' + line.repeat(60000))
  await openApp(page)
  await page.getByTestId('file-input').setInputFiles(file)
  await expect(page.getByTestId('import-progress')).toBeVisible()
  await page.getByTestId('import-cancel').click()
  await expect(page.getByTestId('import-progress')).toBeHidden()
  await expectRows(page, 9)
  await expect(page.getByTestId('status-bar')).toContainText('共 9 项任务')
})

test('the Kaihua .xlsx fixture reopens in a fresh import with the same 9 tasks', async ({ page }) => {
  await openApp(page)
  await page.getByTestId('file-input').setInputFiles(fixture('kaihua-2023-q1.xlsx'))
  await page.getByTestId('import-confirm').click()
  await expectRows(page, 9)
})

test('a row can be moved by dragging its handle, as one undo step', async ({ page }) => {
  await openApp(page)
  await expect(await cellAt(page, 0, '工作事项')).toContainText('新安综合体')
  const handle = page.locator('.ag-row[row-index="0"] .ag-drag-handle')
  const target = page.locator('.ag-row[row-index="2"]')
  const from = (await handle.boundingBox())!
  const to = (await target.boundingBox())!
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await page.mouse.down()
  await page.mouse.move(from.x + 5, from.y + 20, { steps: 5 })
  await page.mouse.move(to.x + 300, to.y + to.height / 2, { steps: 15 })
  await page.mouse.up()
  await expect(await cellAt(page, 2, '工作事项')).toContainText('新安综合体')
  await page.keyboard.press('Control+z')
  await expect(await cellAt(page, 0, '工作事项')).toContainText('新安综合体')
})

test('columns: rename, hide and show, pin the task column; 序号 renumbered on demand', async ({ page }) => {
  await openApp(page)
  await (await cellAt(page, 0, '工作事项')).click()
  await page.keyboard.press('Alt+ArrowDown')
  await expect(await cellAt(page, 0, '序号')).toHaveText('2')
  await page.getByTestId('settings-button').click()
  await page.getByTestId('renumber').click()
  await page.getByTestId('pin-task').check()
  const rename = page.getByTestId('settings-panel').locator('input[aria-label="重命名"]').nth(4)
  await rename.fill('推进状态')
  await rename.dispatchEvent('change')
  await page.getByTestId('settings-panel').locator('tr').filter({ has: page.locator('select[data-testid="role-进展情况"]') }).locator('input[type=checkbox]').uncheck()
  await page.keyboard.press('Escape')
  await expect(await cellAt(page, 0, '序号')).toHaveText('1')
  await expect(await cellAt(page, 1, '序号')).toHaveText('2')
  await expect(page.locator('.ag-header-cell-text', { hasText: /^推进状态$/ })).toBeVisible()
  await expect(page.locator('.ag-header-cell-text', { hasText: /^进展情况$/ })).toHaveCount(0)
  const taskCol = await page.locator('.ag-header-cell').filter({ has: page.locator('.ag-header-cell-text', { hasText: /^工作事项$/ }) }).getAttribute('col-id')
  await expect(page.locator(`.ag-row[row-index="0"] .ag-grid-pinned-left-cells .ag-cell[col-id="${taskCol}"]`)).toBeAttached()
  await page.keyboard.press('Control+z') // the rename
  await expect(page.locator('.ag-header-cell-text', { hasText: /^完成情况$/ })).toBeVisible()
})
