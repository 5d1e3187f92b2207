// Keyboard-only work: dialogs take focus, keep Tab inside and give focus back; the find bar keeps
// focus in its box; nothing typed in a dialog reaches the grid behind it.
import type { Locator, Page } from '@playwright/test'
import { test, expect, openApp, cellAt, fixture, count, expectRows } from './fixtures'

/** Where focus is: a grid cell as `cell r<row-index> <col-id>`, else the element's data-testid or tag. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return 'body'
    const cell = el.closest('.ag-cell')
    if (cell) return `cell r${cell.closest('.ag-row')?.getAttribute('row-index')} ${cell.getAttribute('col-id')}`
    return el.dataset.testid ?? el.tagName.toLowerCase()
  })
}

async function cellName(cell: Locator): Promise<string> {
  return cell.evaluate((el) => `cell r${el.closest('.ag-row')?.getAttribute('row-index')} ${el.getAttribute('col-id')}`)
}

/** Whether focus is inside the element with this data-testid. */
function focusInside(page: Page, testid: string): Promise<boolean> {
  return page.evaluate((id) => !!document.querySelector(`[data-testid="${id}"]`)?.contains(document.activeElement), testid)
}

test('the help panel takes focus: keys pressed in it never reach the grid, it scrolls by keyboard, Esc gives focus back to the cell', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  await openApp(page)
  const cell = await cellAt(page, 1, '完成情况')
  await cell.click()
  await page.keyboard.type('OK 1')
  await page.keyboard.press('Control+Enter')
  await expect(cell).toHaveText('OK 1')
  await page.keyboard.press('F1')
  const help = page.getByTestId('help-panel')
  await expect(help).toBeVisible()
  expect(await focusInside(page, 'help-panel')).toBe(true)
  for (const key of ['Delete', 'Backspace', 'ArrowDown', 'ArrowRight', 'Control+z', 'Control+Shift+Delete', 'Control+d']) await page.keyboard.press(key)
  await expect(cell).toHaveText('OK 1')
  await expectRows(page, 9)
  // The colour legend is below the fold at this size: the keyboard scrolls the panel to it.
  const body = help.locator('.panel-body')
  await page.keyboard.press('End')
  await expect.poll(() => body.evaluate((el) => el.scrollTop)).toBeGreaterThan(0)
  await expect(help.locator('.legend')).toBeInViewport()
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab')
    expect(await focusInside(page, 'help-panel')).toBe(true)
  }
  await page.keyboard.press('Escape')
  await expect(help).toBeHidden()
  expect(await focused(page)).toBe(await cellName(cell))
  // The keyboard carries on in the grid where it left off.
  await page.keyboard.press('ArrowDown')
  expect(await focused(page)).toBe(await cellName(await cellAt(page, 2, '完成情况')))
})

test('the export dialog keeps Tab inside, and focus goes back to the cell after export or Esc', async ({ page }) => {
  await openApp(page)
  const cell = await cellAt(page, 3, '工作事项')
  await cell.click()
  await page.keyboard.press('Control+Shift+E')
  const dialog = page.getByTestId('export-dialog')
  await expect(dialog).toBeVisible()
  expect(await focusInside(page, 'export-dialog')).toBe(true)
  await page.getByTestId('export-confirm').focus()
  await page.keyboard.press('Tab')
  expect(await focusInside(page, 'export-dialog')).toBe(true)
  await page.keyboard.press('Shift+Tab')
  expect(await focused(page)).toBe('export-confirm')
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Shift+Tab')
    expect(await focusInside(page, 'export-dialog')).toBe(true)
  }
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  expect(await focused(page)).toBe(await cellName(cell))

  await page.keyboard.press('Control+Shift+E')
  await expect(dialog).toBeVisible()
  await page.getByTestId('export-confirm').focus()
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')])
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/)
  await expect(dialog).toBeHidden()
  expect(await focused(page)).toBe(await cellName(cell))
})

test('the print view takes focus, keeps Tab inside, and gives focus back to the cell when closed', async ({ page }) => {
  await openApp(page)
  const cell = await cellAt(page, 2, '进度安排')
  await cell.click()
  await page.keyboard.press('Control+Shift+E')
  await page.getByTestId('print-button').focus()
  await page.keyboard.press('Enter')
  const view = page.getByTestId('print-view')
  await expect(view.locator('table tbody tr')).toHaveCount(9)
  expect(await focusInside(page, 'print-view')).toBe(true)
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab')
    expect(await focusInside(page, 'print-view')).toBe(true)
  }
  await page.keyboard.press('Escape')
  await expect(view).toBeHidden()
  expect(await focused(page)).toBe(await cellName(cell))

  await page.keyboard.press('Control+Shift+E')
  await page.getByTestId('print-button').click()
  await page.getByTestId('print-close').click()
  await expect(view).toBeHidden()
  expect(await focused(page)).toBe(await cellName(cell))
})

test('Esc on the drafts and settings panels gives focus back to the button that opened them', async ({ page }) => {
  await openApp(page)
  for (const [button, panel] of [['drafts-button', 'drafts-panel'], ['settings-button', 'settings-panel']] as const) {
    await page.getByTestId(button).click()
    await expect(page.getByTestId(panel)).toBeVisible()
    expect(await focusInside(page, panel)).toBe(true)
    await page.keyboard.press('Escape')
    await expect(page.getByTestId(panel)).toBeHidden()
    expect(await focused(page)).toBe(button)
  }
})

test('the import confirmation takes focus, Esc cancels it, and confirming puts focus on the new list’s first cell', async ({ page }) => {
  await openApp(page)
  const cell = await cellAt(page, 4, '工作事项')
  await cell.click()
  // Opened with Ctrl+O: the dialog has focus from the start, and its confirmation step too.
  await page.keyboard.press('Control+o')
  await expect(page.getByTestId('import-dialog')).toBeVisible()
  expect(await focusInside(page, 'import-dialog')).toBe(true)
  await page.getByTestId('dialog-file-input').setInputFiles(fixture('linan-2023-h1.xls'))
  await expect(page.getByTestId('import-mapping')).toBeVisible()
  expect(await focused(page)).toBe('import-confirm')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('import-dialog')).toBeHidden()
  await expectRows(page, 9)
  expect(await focused(page)).toBe(await cellName(cell))

  // Opened from the toolbar's file picker.
  await page.getByTestId('file-input').setInputFiles(fixture('kaihua-2023-q1-utf8.csv'))
  await expect(page.getByTestId('import-mapping')).toBeVisible()
  expect(await focused(page)).toBe('import-confirm')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('import-dialog')).toBeHidden()
  await expectRows(page, 9)
  expect(await count(page, 'done')).toBe(1)

  await page.getByTestId('file-input').setInputFiles(fixture('linan-2023-h1.xls'))
  await expect(page.getByTestId('import-mapping')).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('status-bar')).toContainText('共 154 项任务')
  await expect.poll(() => focused(page)).toMatch(/^cell r0 /)
  await page.keyboard.press('ArrowDown')
  expect(await focused(page)).toMatch(/^cell r1 /)
})

test('from the drafts panel, Tab reaches the undo in the notice of a deleted draft', async ({ page }) => {
  await openApp(page)
  await page.getByTestId('drafts-button').click()
  await page.getByTestId('draft-duplicate').first().click()
  await expect(page.getByTestId('draft-item')).toHaveCount(2)
  await page.locator('[data-testid="draft-item"]:not(.current) [data-testid="draft-delete"]').focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('draft-item')).toHaveCount(1)
  expect(await focusInside(page, 'drafts-panel')).toBe(true)
  const undo = page.getByTestId('notice-info').getByRole('button', { name: '撤销删除' })
  for (let i = 0; i < 20 && !(await undo.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab')
  await expect(undo).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('draft-item')).toHaveCount(2)
  expect(await focusInside(page, 'drafts-panel')).toBe(true)
})

test('find: Enter goes to match 1 first and focus stays in the box; Esc closes and returns to the grid; Ctrl+F refocuses the box', async ({ page }) => {
  await openApp(page)
  const start = await cellAt(page, 0, '序号')
  await start.click()
  await page.keyboard.press('Control+f')
  const input = page.getByTestId('find-input')
  await expect(input).toBeFocused()
  await page.keyboard.type('推进')
  const countText = page.getByTestId('find-count')
  await expect(countText).toHaveText(/^1 \/ \d+$/)
  const total = Number((await countText.textContent())!.split('/')[1])
  await page.keyboard.press('Enter')
  await expect(countText).toHaveText(`1 / ${total}`)
  await expect(input).toBeFocused()
  const first = page.locator('.ag-cell.cell-match-current')
  await expect(first).toHaveCount(1)
  await page.keyboard.press('Enter')
  await expect(countText).toHaveText(`2 / ${total}`)
  await expect(input).toBeFocused()
  await page.keyboard.press('Shift+Enter')
  await expect(countText).toHaveText(`1 / ${total}`)
  await page.keyboard.press('Shift+Enter')
  await expect(countText).toHaveText(`${total} / ${total}`)
  await expect(input).toBeFocused()
  await page.getByTestId('find-next').click()
  await expect(countText).toHaveText(`1 / ${total}`)
  const match = await cellName(page.locator('.ag-cell.cell-match-current'))

  // Ctrl+F and Ctrl+H with the bar open put focus back in the box, its text selected.
  await start.click()
  await page.keyboard.press('Control+f')
  await expect(input).toBeFocused()
  expect(await input.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])).toEqual([0, 2])
  await start.click()
  await page.keyboard.press('Control+h')
  await expect(input).toBeFocused()
  await expect(page.getByTestId('replace-input')).toBeVisible()

  await page.keyboard.press('Enter')
  await expect(countText).toHaveText(`2 / ${total}`)
  const second = await cellName(page.locator('.ag-cell.cell-match-current'))
  expect(second).not.toBe(match)
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('find-bar')).toBeHidden()
  await expect(page.locator('.ag-cell.cell-match')).toHaveCount(0)
  expect(await focused(page)).toBe(second)
})

test('an unfinished regular expression is explained in the clerk’s language, without the engine’s English', async ({ page }) => {
  await openApp(page)
  await page.keyboard.press('Control+f')
  await page.getByTestId('find-bar').getByLabel('正则').check()
  await page.getByTestId('find-input').fill('[(')
  const countText = page.getByTestId('find-count')
  await expect(countText).toHaveText('正则表达式不完整（括号或方括号未闭合）')
  await page.getByTestId('language').click()
  await expect(countText).toHaveText('The regular expression is incomplete (a bracket or parenthesis is not closed)')
  await expect(countText).not.toContainText('Unterminated')
  await page.getByTestId('find-input').fill('进度)')
  await expect(countText).toHaveText('The regular expression has a “)” with no “(” before it')
})

test('help describes the keys as they work, and dialog close buttons are named in the current language', async ({ page }) => {
  await openApp(page)
  await page.keyboard.press('F1')
  const help = page.getByTestId('help-panel')
  await expect(help).toContainText('下移 / 上移一格')
  await expect(help).toContainText('Ctrl+Enter（编辑时）')
  await expect(help).not.toContainText('F2、Enter 或直接输入')
  await expect(help.locator('button.close')).toHaveAttribute('aria-label', '关闭')
  await page.keyboard.press('Escape')
  await page.getByTestId('language').click()
  await page.keyboard.press('F1')
  await expect(help).toContainText('Move down / up, as in Excel')
  await expect(help.locator('button.close')).toHaveAttribute('aria-label', 'Close')
})
