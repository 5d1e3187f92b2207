// Storage as a clerk meets it: renaming keeps the work in hand, a full disk is said once and guards the tab, repair's set-asides can be restored.
import { test, expect, openApp, cellAt } from './fixtures'

test('renaming the open draft changes its name only: the last edit can still be undone', async ({ page }) => {
  await openApp(page)
  const cell = await cellAt(page, 2, '完成情况')
  const original = (await cell.textContent()) ?? ''
  await cell.click()
  await page.keyboard.type('RENAMED-BEFORE')
  await page.keyboard.press('Tab')
  await expect(cell).toHaveText('RENAMED-BEFORE')
  await page.getByTestId('drafts-button').click()
  page.once('dialog', (d) => void d.accept('改过名的清单'))
  await page.getByTestId('draft-rename').first().click()
  await expect(page.getByTestId('draft-item').first()).toContainText('改过名的清单')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('drafts-panel')).toHaveCount(0)
  await (await cellAt(page, 0, '完成情况')).click()
  await page.keyboard.press('Control+z')
  await expect(await cellAt(page, 2, '完成情况')).toHaveText(original)
  await expect(page.getByTestId('save-state')).toHaveText('已保存')
  await page.reload()
  await page.getByTestId('drafts-button').click()
  await expect(page.getByTestId('draft-item').first()).toContainText('改过名的清单')
})

test('a full disk is said once, in plain words, and closing the tab then asks first', async ({ page }) => {
  await openApp(page)
  // What Chromium throws when the disk under the profile is full.
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function put() { throw new DOMException('Failed to write blobs (IOError)', 'UnknownError') }
  })
  for (const [row, text] of [[1, 'disk1'], [2, 'disk2'], [3, 'disk3']] as const) {
    await (await cellAt(page, row, '完成情况')).click()
    await page.keyboard.type(text)
    await page.keyboard.press('Tab')
    await expect(page.getByTestId('save-state')).not.toHaveText('保存中…')
  }
  await expect(page.getByTestId('notice-error')).toHaveCount(1)
  await expect(page.getByTestId('notice-error')).toContainText('磁盘空间不足')
  const asked = page.waitForEvent('dialog')
  await page.close({ runBeforeUnload: true })
  const dialog = await asked
  expect(dialog.type()).toBe('beforeunload')
  // Leaving is the clerk's answer here: a dismissed prompt left a page the teardown then raced to close.
  await dialog.accept()
})

test('a row record without an order is shown, said, kept aside, and can be restored from the drafts panel', async ({ page }) => {
  await openApp(page)
  await expect(page.getByTestId('status-bar')).toContainText('共 9 项任务')
  // A row as a damaged or older writer might leave it: in the rows store, with no order.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('jindu')
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const [draft] = await new Promise<{ id: string; columns: { id: string; role: string | null }[] }[]>((resolve) => {
      const req = db.transaction('drafts').objectStore('drafts').getAll()
      req.onsuccess = () => resolve(req.result)
    })
    const task = draft!.columns.find((c) => c.role === 'task')!.id
    await new Promise((resolve) => {
      const tx = db.transaction('rows', 'readwrite')
      tx.objectStore('rows').put({ draftId: draft!.id, id: 'orphan1', kind: 'data', cells: { [task]: '没有排序号的任务' } })
      tx.oncomplete = resolve
    })
    db.close()
  })
  await page.reload()
  await expect(page.getByTestId('status-bar')).toContainText('共 10 项任务')
  await expect(page.getByTestId('notice-info').filter({ hasText: '修复了 1 处问题' })).toBeVisible()
  await page.getByTestId('notice-info').getByRole('button', { name: '查看' }).click()
  const setAside = page.getByRole('list', { name: '修复时另存的数据' })
  await expect(setAside.getByRole('listitem')).toHaveCount(1)
  await expect(setAside).toContainText('缺少排序号')
  await setAside.getByRole('button', { name: '恢复为新草稿' }).click()
  await expect(page.getByTestId('draft-item').filter({ hasText: '（恢复）' })).toContainText('10 行')
})
