import { test, expect, openApp, cellAt, importFile, fixture } from './fixtures'

test('an edit closed within 100 ms of the last keystroke is there on reopening', async ({ page, context }) => {
  await openApp(page)
  const cell = await cellAt(page, 3, '完成情况')
  await cell.click()
  await page.keyboard.type('X1')
  await page.keyboard.press('Tab')
  await page.waitForTimeout(50)
  await page.close({ runBeforeUnload: true })
  const again = await context.newPage()
  await again.goto('./')
  await expect(await cellAt(again, 3, '完成情况')).toHaveText('X1')
})

test('the draft list opens, renames, duplicates, and deletes with undo', async ({ page }) => {
  await openApp(page)
  await importFile(page, fixture('tunxi-2020-plan.xlsx'))
  await page.getByTestId('drafts-button').click()
  await expect(page.getByTestId('draft-item')).toHaveCount(2)
  // Newest first: the tunxi import is the open one.
  await expect(page.getByTestId('draft-item').first()).toContainText('当前')
  page.once('dialog', (d) => void d.accept('屯溪区清单'))
  await page.getByTestId('draft-rename').first().click()
  await expect(page.getByTestId('draft-item').first()).toContainText('屯溪区清单')
  await page.getByTestId('draft-duplicate').first().click()
  await expect(page.getByTestId('draft-item')).toHaveCount(3)
  await page.getByTestId('draft-delete').nth(1).click()
  await expect(page.getByTestId('draft-item')).toHaveCount(2)
  await page.getByRole('button', { name: '撤销删除' }).click()
  await expect(page.getByTestId('draft-item')).toHaveCount(3)
  // Open the sample again from the list.
  await page.getByTestId('draft-item').filter({ hasText: '开化' }).getByTestId('draft-open').click()
  await expect(page.getByTestId('status-bar')).toContainText('共 9 项任务')
  await page.reload()
  await expect(page.getByTestId('status-bar')).toContainText('共 9 项任务')
})

test('a named version can be taken and restored, and restoring is itself undoable', async ({ page }) => {
  await openApp(page)
  await page.getByTestId('drafts-button').click()
  await page.getByTestId('snapshot-name').fill('报送前')
  await page.getByTestId('snapshot-take').click()
  await expect(page.getByTestId('snapshot-item')).toHaveCount(1)
  await page.keyboard.press('Escape')
  const cell = await cellAt(page, 0, '完成情况')
  await cell.click()
  await page.keyboard.press('Delete')
  await expect(cell).toHaveText('')
  await page.getByTestId('drafts-button').click()
  await page.getByTestId('snapshot-item').filter({ hasText: '报送前' }).getByTestId('snapshot-restore').click()
  await page.keyboard.press('Escape')
  await expect(await cellAt(page, 0, '完成情况')).toHaveText('达序推进')
  await page.getByTestId('drafts-button').click()
  await expect(page.getByTestId('snapshot-item')).toHaveCount(2) // 报送前 + the automatic one before restoring
})

test('two pages on one draft: the second cannot silently overwrite the first', async ({ page, context }) => {
  await openApp(page)
  const second = await context.newPage()
  await second.goto('./')
  await expect(second.getByTestId('take-over')).toBeVisible()
  const cell = await cellAt(second, 0, '完成情况')
  await cell.dblclick()
  await expect(second.getByTestId('cell-editor')).toHaveCount(0)
  // Taking over makes the first page read-only.
  await second.getByTestId('take-over').click()
  await expect(second.getByTestId('take-over')).toBeHidden()
  await expect(page.getByTestId('take-over')).toBeVisible()
})

test('a full disk (quota error) is said plainly and the in-memory edit is kept', async ({ page }) => {
  await openApp(page)
  // Make every IndexedDB write fail as a full disk does.
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put
    IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
      if (this.name === 'rows') throw new DOMException('quota', 'QuotaExceededError')
      return put.apply(this, args)
    }
  })
  const cell = await cellAt(page, 0, '完成情况')
  await cell.click()
  await page.keyboard.type('Q1')
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('save-state')).toContainText('存储空间已满')
  await expect(cell).toHaveText('Q1')
  await expect(page.getByTestId('export-button')).toBeEnabled()
})

test('offline: after one visit the app loads, imports, edits and exports with the network off', async ({ page, context }) => {
  await openApp(page)
  await page.evaluate(async () => { await navigator.serviceWorker.ready })
  await page.reload() // the page is now controlled by the service worker
  await expect(page.locator('.ag-row').first()).toBeVisible()
  await context.setOffline(true)
  await page.reload()
  await expect(page.locator('.ag-row').first()).toBeVisible()
  await importFile(page, fixture('kaihua-2023-q1-utf8.csv'))
  const cell = await cellAt(page, 0, '完成情况')
  await cell.click()
  await page.keyboard.type('OFF')
  await page.keyboard.press('Tab')
  await expect(cell).toHaveText('OFF')
  await page.getByTestId('export-button').click()
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-confirm').click()])
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/)
  await context.setOffline(false)
})

test('with IndexedDB unavailable (private mode) the app still works in memory and says so', async ({ page }) => {
  await page.addInitScript(() => { Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true }) })
  await page.goto('./')
  await expect(page.locator('.ag-row').first()).toBeVisible()
  await expect(page.getByTestId('save-state')).toContainText('仅在内存中')
  await expect(page.getByTestId('notice-error')).toContainText('浏览器存储不可用')
  const cell = await cellAt(page, 0, '完成情况')
  await cell.click()
  await page.keyboard.type('M1')
  await page.keyboard.press('Tab')
  await expect(cell).toHaveText('M1')
  await expect(page.getByTestId('export-button')).toBeEnabled()
})
