import type { Page } from '@playwright/test'
import { test, expect, openApp, cellAt, colIdOf, setAsOf, expectRows } from './fixtures'

/** Where keyboard focus is: a grid cell as row index and column id, or an element's test id. */
async function focused(page: Page): Promise<{ rowIndex: number | null; colId: string | null; testId: string | null }> {
  return page.evaluate(() => {
    const el = document.activeElement
    const row = el?.closest('.ag-row')?.getAttribute('row-index')
    return { rowIndex: row == null ? null : Number(row), colId: el?.getAttribute('col-id') ?? null, testId: el?.getAttribute('data-testid') ?? null }
  })
}

test('Ctrl+Shift+Enter inserts below the focused row, on any row, and focus goes to the new row', async ({ page }) => {
  await openApp(page)
  const task = await colIdOf(page, '工作事项')
  const third = await (await cellAt(page, 3, '工作事项')).innerText()
  await (await cellAt(page, 3, '工作事项')).click()
  await page.keyboard.press('Control+Shift+Enter')
  await expectRows(page, 10)
  await expect(await cellAt(page, 3, '工作事项')).toHaveText(third)
  await expect(await cellAt(page, 4, '工作事项')).toHaveText('')
  await expect.poll(() => focused(page)).toEqual({ rowIndex: 4, colId: task, testId: null })
  // Typing goes into the new row.
  await page.keyboard.type('new task')
  await page.keyboard.press('Control+Enter')
  await expect(await cellAt(page, 4, '工作事项')).toHaveText('new task')
})

test('the toolbar insert buttons put focus on the new row, where the clerk types next', async ({ page }) => {
  await openApp(page)
  const task = await colIdOf(page, '工作事项')
  await (await cellAt(page, 3, '工作事项')).click()
  await page.getByTestId('row-insert-below').click()
  await expectRows(page, 10)
  await expect.poll(() => focused(page)).toEqual({ rowIndex: 4, colId: task, testId: null })
  await page.getByTestId('row-insert-above').click()
  await expectRows(page, 11)
  await expect.poll(() => focused(page)).toEqual({ rowIndex: 4, colId: task, testId: null })
  await expect(await cellAt(page, 4, '工作事项')).toHaveText('')
  await expect(await cellAt(page, 5, '工作事项')).toHaveText('')
})

test('a row inserted while a filter is on clears the filter, says so, and is there to type in', async ({ page }) => {
  await openApp(page)
  const task = await colIdOf(page, '工作事项')
  await page.getByTestId('quick-filter').fill('新安')
  await expectRows(page, 1)
  await (await cellAt(page, 0, '工作事项')).click()
  await page.getByTestId('row-insert-below').click()
  await expect(page.getByTestId('notice-info')).toContainText('已清除筛选')
  await expect(page.getByTestId('quick-filter')).toHaveValue('')
  await expectRows(page, 10)
  await expect.poll(() => focused(page)).toEqual({ rowIndex: 1, colId: task, testId: null })
})

test('Tab after an edit commits and moves one cell without editing it; typing there replaces, as in Excel', async ({ page }) => {
  await openApp(page)
  const status = await colIdOf(page, '完成情况')
  const progressCell = await cellAt(page, 2, '进展情况')
  await progressCell.click()
  await page.keyboard.press('F2')
  await page.keyboard.press('End')
  await page.keyboard.type('X')
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('cell-editor')).toHaveCount(0)
  await expect(progressCell).toContainText('X')
  await expect.poll(() => focused(page)).toEqual({ rowIndex: 2, colId: status, testId: null })
  await page.keyboard.type('OK')
  await page.keyboard.press('Control+Enter')
  await expect(await cellAt(page, 2, '完成情况')).toHaveText('OK')
  // Shift+Tab commits and moves left, again without an editor.
  await (await cellAt(page, 2, '完成情况')).click()
  await page.keyboard.press('F2')
  await page.keyboard.type('!')
  await page.keyboard.press('Shift+Tab')
  await expect(page.getByTestId('cell-editor')).toHaveCount(0)
  await expect(await cellAt(page, 2, '完成情况')).toHaveText('OK!')
  await expect.poll(() => focused(page)).toMatchObject({ rowIndex: 2, colId: await colIdOf(page, '进展情况') })
  // The same after an edit started by a pinyin IME.
  await (await cellAt(page, 3, '进展情况')).click()
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Process', code: 'KeyS', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 })
  await cdp.send('Input.insertText', { text: '滞后' })
  await expect(page.getByTestId('ime-editor')).toHaveValue('滞后')
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('ime-editor')).toBeHidden()
  await expect(await cellAt(page, 3, '进展情况')).toHaveText('滞后')
  await expect.poll(() => focused(page)).toEqual({ rowIndex: 3, colId: status, testId: null })
})

test('Alt+↓ and Alt+↑ keep moving the same task: focus follows the row', async ({ page }) => {
  await openApp(page)
  const first = await cellAt(page, 0, '工作事项')
  const text = await first.innerText()
  await first.click()
  await page.keyboard.press('Alt+ArrowDown')
  await expect(await cellAt(page, 1, '工作事项')).toHaveText(text)
  await page.keyboard.press('Alt+ArrowDown')
  await expect(await cellAt(page, 2, '工作事项')).toHaveText(text)
  await expect.poll(async () => (await focused(page)).rowIndex).toBe(2)
  await page.keyboard.press('Alt+ArrowUp')
  await expect(await cellAt(page, 1, '工作事项')).toHaveText(text)
  await expect.poll(async () => (await focused(page)).rowIndex).toBe(1)
})

test('Tab leaves the grid at the end of a row for the status bar; Shift+Tab and Tab from outside come back to the same cell', async ({ page }) => {
  await openApp(page)
  const task = await colIdOf(page, '工作事项')
  await (await cellAt(page, 0, '工作事项')).click()
  let presses = 0
  let left = await focused(page)
  for (let at = left; at.rowIndex !== null && presses < 10; presses++) {
    left = at
    await page.keyboard.press('Tab')
    // Each press is read once focus has moved: the grid may move it a moment later (a cell scrolled into view).
    await expect.poll(() => focused(page)).not.toEqual(left)
    at = await focused(page)
  }
  expect((await focused(page)).testId).toBe('count-overdue')
  expect(presses).toBeLessThan(6)
  // It left from row 0's last column (by aria-colindex: the DOM order of header cells is AG Grid's own).
  expect(left.rowIndex).toBe(0)
  const colIndexes = await page.evaluate((colId) => ({
    last: Math.max(...[...document.querySelectorAll('.ag-header-cell[aria-colindex]')].map((h) => Number(h.getAttribute('aria-colindex')))),
    left: Number(document.querySelector(`.ag-row[row-index="0"] .ag-cell[col-id="${colId}"]`)?.getAttribute('aria-colindex')),
  }), left.colId)
  expect(colIndexes.left).toBe(colIndexes.last)
  // Back into the grid: the cell the clerk left, not the last row of the list.
  await page.keyboard.press('Shift+Tab')
  await expect.poll(() => focused(page)).toEqual(left)
  // Shift+Tab at the start of a row leaves for the bar above the grid (the sample's import link); Tab from it comes back to that cell.
  await (await cellAt(page, 3, '工作事项')).click()
  presses = 0
  for (let at = await focused(page); at.rowIndex !== null && presses < 10; presses++) {
    const was = at
    await page.keyboard.press('Shift+Tab')
    await expect.poll(() => focused(page)).not.toEqual(was)
    at = await focused(page)
  }
  expect((await focused(page)).testId).toBe('sample-import')
  expect(presses).toBe(4)
  await page.keyboard.press('Tab')
  // Back in row 3, at one of its first two cells: whether the grid recorded the selection cell or
  // the state cell as the last one focused varied with timing on a loaded machine (CI).
  await expect.poll(async () => (await focused(page)).rowIndex).toBe(3)
  expect(['ag-Grid-SelectionColumn', '__state']).toContain((await focused(page)).colId)
  for (let i = 0; i < 4 && (await focused(page)).colId !== task; i++) await page.keyboard.press('Tab')
  await expect.poll(() => focused(page)).toEqual({ rowIndex: 3, colId: task, testId: null })
})

test('a focused state cell shows every reason in full, without the status bar changing height', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  await openApp(page)
  await setAsOf(page, '2023-06-01')
  const bar = page.getByTestId('status-bar')
  await (await cellAt(page, 3, '工作事项')).click()
  const height = (await bar.boundingBox())!.height
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Shift+Tab')
  await expect.poll(async () => (await focused(page)).colId).toBe('__state')
  const panel = page.getByTestId('reason-panel')
  await expect(panel).toBeVisible()
  // The task's line and one line per milestone, the last one included, none cut off.
  await expect(panel).toContainText('4. ')
  await expect(panel).toContainText('2023-12-31')
  expect(await panel.evaluate((el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight)).toBe(true)
  expect((await panel.innerText()).split('\n').length).toBe(5)
  expect((await bar.boundingBox())!.height).toBe(height)
  // The panel covers no part of the state column.
  const stateRight = (await page.locator('.ag-row[row-index="3"] .ag-cell[col-id="__state"]').boundingBox())!
  expect((await panel.boundingBox())!.x).toBeGreaterThan(stateRight.x + stateRight.width)
  // Esc hides it; moving to another cell hides it too.
  await page.keyboard.press('Escape')
  await expect(panel).toHaveCount(0)
  await page.keyboard.press('ArrowDown')
  await expect(panel).toBeVisible()
  await page.keyboard.press('ArrowRight')
  await expect(panel).toHaveCount(0)
})

test('a state count explains itself on keyboard focus, not only in its title', async ({ page }) => {
  await openApp(page)
  const count = page.getByTestId('count-behind')
  const hintId = await count.getAttribute('aria-describedby')
  expect(hintId).toBeTruthy()
  const hint = page.locator(`[id="${hintId}"]`)
  await expect(hint).toHaveText(await count.getAttribute('title') ?? '')
  await expect(hint).toBeHidden()
  await page.getByTestId('count-overdue').focus()
  await page.keyboard.press('Tab')
  await expect(count).toBeFocused()
  await expect(hint).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(hint).toBeHidden()
})

test('a chip set by hand says so once in its tooltip', async ({ page }) => {
  await openApp(page)
  await setAsOf(page, '2023-06-01')
  const chip = page.locator('.ag-row[row-index="0"] .chip[data-index="2"]')
  await chip.click()
  await expect(chip).toHaveClass(/chip-overridden/)
  const title = (await chip.getAttribute('title'))!
  expect(title).toContain('已手动标记为完成')
  expect(title.split('手动标记').length - 1).toBe(1)
})

test('the grid speaks the UI language, also in its hidden texts, and follows the language switch', async ({ page }) => {
  await openApp(page)
  const checkbox = page.locator('.ag-row[row-index="0"] .ag-selection-checkbox input')
  const overlay = page.locator('.ag-overlay')
  await expect(checkbox).toHaveAttribute('aria-label', /按 Space/)
  await expect(page.locator('.ag-header-select-all input')).toHaveAttribute('aria-label', /[\u4e00-\u9fff]/)
  // A zero count shows no rows: the grid says so in Chinese.
  await page.getByTestId('count-overdue').click()
  await expect(overlay).toContainText('没有符合筛选条件的行')
  await page.getByTestId('clear-filter').click()
  // The clerk's sort and selection survive the switch, which re-creates the grid.
  await page.locator('.ag-header-cell-text', { hasText: /^工作事项$/ }).click()
  const header = page.locator('.ag-header-cell').filter({ has: page.locator('.ag-header-cell-text', { hasText: /^工作事项$/ }) })
  await expect(header).toHaveAttribute('aria-sort', 'ascending')
  const firstId = await page.locator('.ag-row[row-index="0"]').getAttribute('row-id')
  await page.locator('.ag-row[row-index="2"] .ag-selection-checkbox input').click()
  await page.getByTestId('language').click()
  await expect(page.getByTestId('import-button')).toHaveText(/Import/)
  await expect(checkbox).toHaveAttribute('aria-label', /Press Space/)
  const taskHeader = page.locator('.ag-header-cell').filter({ has: page.locator('.ag-header-cell-text', { hasText: /^工作事项$/ }) })
  await expect(taskHeader).toHaveAttribute('aria-sort', 'ascending')
  await expect(page.locator('.ag-row[row-index="0"]')).toHaveAttribute('row-id', firstId!)
  await expect(page.locator('.ag-row-selected')).toHaveCount(1)
  await page.getByTestId('quick-filter').fill('no such text anywhere')
  await expect(overlay).toContainText('No Matching Rows')
  await page.getByTestId('quick-filter').fill('')
  // Edits still reach the store and the draft after the re-creation.
  const cell = await cellAt(page, 1, '完成情况')
  await cell.click()
  await page.keyboard.type('after switch')
  await page.keyboard.press('Control+Enter')
  await expect(cell).toHaveText('after switch')
  await expect(page.getByTestId('save-state')).toHaveText('Saved')
  await page.getByTestId('language').click()
  await expect(checkbox).toHaveAttribute('aria-label', /按 Space/)
  await page.reload()
  await expect(page.locator('.ag-row').first()).toBeVisible()
  await expect(page.locator('.ag-cell', { hasText: /^after switch$/ })).toHaveCount(1)
})
