// Rough edges a clerk tripped over (issue 17), each driven as the clerk met it.
import { test, expect, openApp, expectRows, importFile, fixture, cellAt, colIdOf } from './fixtures'
import type { Page } from '@playwright/test'
import { writeFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import os from 'node:os'

const ownerChoices = (page: Page) => page.getByRole('combobox', { name: '责任单位' }).locator('option').allInnerTexts()
/** How many rows the grid shows (after filters), as the grid states it: never counted from drawn rows. */
const displayedRows = async (page: Page) => Number(await page.getByTestId('grid').getAttribute('data-displayed-rows'))

test('undo after replace all brings the old unit back into the 责任单位 filter; Ctrl+Z in the find box undoes the table', async ({ page }) => {
  await openApp(page)
  await importFile(page, fixture('linan-2023-h1.xls'))
  const rowsBefore = await displayedRows(page)
  const filter = page.getByRole('combobox', { name: '责任单位' })
  await expect(filter.locator('option').nth(1)).toBeAttached()
  const unit = (await ownerChoices(page))[1]!
  const renamed = `${unit}（养老服务科）`
  await page.keyboard.press('Control+h')
  await page.getByRole('searchbox', { name: '查找' }).fill(unit)
  await page.getByRole('textbox', { name: '替换为' }).fill(renamed)
  await page.getByRole('button', { name: '全部替换' }).click()
  await expect.poll(() => ownerChoices(page)).toContain(renamed)
  await expect.poll(() => ownerChoices(page)).not.toContain(unit)
  await page.getByTestId('undo').click()
  await expect.poll(() => ownerChoices(page)).toContain(unit)
  await expect.poll(() => ownerChoices(page)).not.toContain(renamed)
  // Picking the unit shows its rows, not none.
  await filter.selectOption({ label: unit })
  await expect.poll(() => displayedRows(page)).toBeGreaterThan(0)
  await filter.selectOption({ label: '全部单位' })

  // Redo; typed text in the find box is the box's own to undo: the table stays as it is.
  await page.getByTestId('redo').click()
  await expect.poll(() => ownerChoices(page)).toContain(renamed)
  const box = page.getByRole('searchbox', { name: '查找' })
  await box.focus()
  await box.press('End')
  await page.keyboard.type('局')
  await page.keyboard.press('Control+z')
  await expect(box).toHaveValue(unit)
  await expect.poll(() => ownerChoices(page)).toContain(renamed)
  // Focus comes back to the box with nothing typed: Ctrl+Z undoes the table's last change.
  await page.getByTestId('replace-all').focus()
  await box.focus()
  await page.keyboard.press('Control+z')
  await expect.poll(() => ownerChoices(page)).toContain(unit)
  await expect.poll(() => ownerChoices(page)).not.toContain(renamed)
  await expect(box).toHaveValue(unit)
  await expect(box).toBeFocused()
  await expectRows(page, rowsBefore)
})

test('a long list states its counts as in progress until every row is assessed, never partial figures as final', async ({ page }) => {
  const dir = path.join(os.tmpdir(), `jindu-edges-${process.pid}`)
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, 'long.csv')
  const rows = Array.from({ length: 24000 }, (_, i) => `${i + 1},推进重点项目${i + 1},①3月底前，完成前期手续。②12月底前，开工建设。,已完成前期手续,序时推进,县发改局`)
  writeFileSync(file, '\ufeff序号,工作事项,进度安排,进展情况,完成情况,责任单位\n' + rows.join('\n') + '\n')
  await openApp(page)
  // Every text the total shows from here on, as the clerk would see it change.
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { seenTotals: string[] }).seenTotals = seen
    const bar = document.querySelector('[data-testid="status-bar"]')!
    new MutationObserver(() => {
      const text = bar.querySelector('[data-testid="task-total"]')?.textContent ?? ''
      if (seen.at(-1) !== text) seen.push(text)
    }).observe(bar, { subtree: true, childList: true, characterData: true })
  })
  await page.getByTestId('file-input').setInputFiles(file)
  await page.getByTestId('import-confirm').click()
  await expect(page.getByTestId('task-total')).toHaveText('共 24000 项任务', { timeout: 60_000 })
  await expect(page.getByTestId('count-pending')).toHaveAttribute('data-count', /\d+/)
  const seen = await page.evaluate(() => (window as unknown as { seenTotals: string[] }).seenTotals)
  // While assessing, the total read 正在判断… n / 24,000; no task total but the sample's and the final one appeared.
  expect(seen.some((t) => /^正在判断… [\d,]+ \/ 24,000$/.test(t))).toBe(true)
  const finals = seen.filter((t) => t.startsWith('共'))
  expect(finals.every((t) => t === '共 24000 项任务' || /^共 \d{1,2} 项任务$/.test(t))).toBe(true)
})

test('the row tools say what they do in words, beside their icons, and keep their keys in their names', async ({ page }) => {
  await openApp(page)
  const tools = page.getByRole('group', { name: '行操作' })
  for (const [word, name] of [['上插一行', '在上方插入行'], ['下插一行', '在下方插入行 (Ctrl+Shift+Enter)'], ['分组行', '插入分组行'], ['复制行', '复制行 (Ctrl+D)'], ['删除行', '删除行 (Ctrl+Shift+Delete)']] as const) {
    const button = tools.getByRole('button', { name, exact: true })
    await expect(button).toBeVisible()
    await expect(button.getByText(word, { exact: true })).toBeVisible()
  }
  // The toolbar still fits a 1280 px screen.
  const overflow = await page.getByRole('toolbar').first().evaluate((el) => el.scrollWidth - el.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
})

test('three failed imports leave one error notice, the latest', async ({ page, watch }) => {
  await openApp(page)
  const dir = path.join(os.tmpdir(), `jindu-edges-${process.pid}`)
  mkdirSync(dir, { recursive: true })
  for (const name of ['空表一.csv', '空表二.csv', '空表三.csv']) {
    const file = path.join(dir, name)
    writeFileSync(file, Buffer.alloc(0))
    await page.getByTestId('file-input').setInputFiles(file)
    await expect(page.getByTestId('notice-error')).toContainText(name)
  }
  await expect(page.getByTestId('notice-error')).toHaveCount(1)
  await expect(page.getByTestId('notice-error')).toContainText('空表三.csv')
  watch.errors.length = 0 // the worker's refusal is reported to the clerk, not a page error
})

test('reloading with a cell editor open keeps its text: it is an edit before the leave-page answer matters', async ({ page }) => {
  await openApp(page)
  const cell = await cellAt(page, 2, '完成情况')
  await cell.click()
  await page.keyboard.press('F2')
  await page.keyboard.press('Control+a')
  await page.keyboard.type('重新加载前输入')
  await expect(page.getByTestId('cell-editor')).toHaveValue('重新加载前输入')
  // The clerk answers the leave-page question, if asked, with "reload".
  page.on('dialog', (dialog) => { void dialog.accept() })
  await page.reload()
  await expect(await cellAt(page, 2, '完成情况')).toHaveText('重新加载前输入')
})

test('Ctrl+Z in the grid’s typing box undoes the table’s last change, not the typing in the title box', async ({ page }) => {
  await openApp(page)
  const title = page.getByLabel('清单标题')
  await title.click()
  await title.press('End')
  await page.keyboard.type('（修订）')
  await title.press('Enter')
  const retitled = await title.inputValue()
  expect(retitled).toMatch(/（修订）$/)
  const cell = await cellAt(page, 2, '完成情况')
  const before = await cell.innerText()
  await cell.click()
  await page.keyboard.press('F2')
  await page.keyboard.press('Control+a')
  await page.keyboard.type('表格里的修改')
  await page.keyboard.press('Control+Enter')
  await expect(cell).toHaveText('表格里的修改')
  // An input method's first key on the cell opens the typing box over it (as a pinyin IME does).
  await cell.focus()
  await cell.dispatchEvent('keydown', { key: 'Process', bubbles: true, cancelable: true })
  await expect(page.getByTestId('ime-editor')).toBeFocused()
  await page.keyboard.press('Control+z')
  await expect(cell).toHaveText(before)
  await expect(title).toHaveValue(retitled)
  await expect(page.getByTestId('ime-editor')).toBeHidden()
})

test('on a wide screen the task and progress columns take the free width, and rows get shorter', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  await openApp(page)
  const taskCol = await colIdOf(page, '工作事项')
  const progressCol = await colIdOf(page, '进展情况')
  const width = async (colId: string) => (await page.locator(`.ag-header-cell[col-id="${colId}"]`).boundingBox())!.width
  const narrowTask = await width(taskCol)
  const narrowProgress = await width(progressCol)
  // The list's height: each drawn row's height once (a row is drawn in the pinned and the scrolling part).
  const listHeight = () => page.locator('.ag-row[row-index]').evaluateAll((rows) => {
    const byIndex = new Map(rows.map((r) => [r.getAttribute('row-index'), r.getBoundingClientRect().height]))
    return [...byIndex.values()].reduce((a, b) => a + b, 0)
  })
  await expectRows(page, 9)
  const narrowHeight = await listHeight()
  await page.setViewportSize({ width: 1920, height: 900 })
  await expect.poll(() => width(taskCol)).toBeGreaterThan(narrowTask + 100)
  await expect.poll(() => width(progressCol)).toBeGreaterThan(narrowProgress + 100)
  // The columns reach the grid's right edge: no empty band on the right.
  const grid = (await page.getByTestId('grid').boundingBox())!
  const right = await page.locator('.ag-header-cell').evaluateAll((cells) => Math.max(...cells.map((c) => c.getBoundingClientRect().right)))
  expect(grid.x + grid.width - right).toBeLessThan(30)
  await expect.poll(listHeight).toBeLessThan(narrowHeight)
  // Back to the narrow screen: the columns take their own widths again, and nothing was stored.
  await page.setViewportSize({ width: 1280, height: 900 })
  await expect.poll(async () => Math.round(await width(taskCol))).toBe(Math.round(narrowTask))
  await expect.poll(listHeight).toBe(narrowHeight)
  await page.reload()
  await expect.poll(async () => Math.round(await width(taskCol))).toBe(Math.round(narrowTask))
})
