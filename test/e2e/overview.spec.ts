// The overview a leader reads in ten seconds: the counts match the grid's, a click on a unit's
// overdue figure filters the grid to exactly those rows, and the bulletin draft opens with the figures.
import { test, expect, openApp, importFile, fixture, count, setAsOf } from './fixtures'

test('the overview counts, filters the grid from a unit’s overdue figure, and drafts the bulletin', async ({ page }) => {
  await openApp(page)
  await importFile(page, fixture('linan-2023-h1.xls'))
  await setAsOf(page, '2023-12-31')
  const overdue = await count(page, 'overdue')
  expect(overdue).toBeGreaterThan(0)

  await page.getByTestId('overview-button').click()
  await expect(page.getByTestId('overview-panel')).toBeVisible()
  await expect(page.getByTestId('overview-total-overdue')).toHaveAttribute('data-count', String(overdue))
  await expect(page.getByTestId('overview-total-done')).toHaveAttribute('data-count', String(await count(page, 'done')))
  await expect(page.locator('.overview-chart svg')).toBeVisible()
  await expect(page.getByTestId('overview-bulletin')).toHaveValue(/^截至2023年12月31日，全县154项重点工作中/)

  await page.getByTestId('overview-table-toggle').click()
  const unitRow = page.getByTestId('overview-unit-table').locator('tbody tr').first()
  const unit = (await unitRow.locator('th').innerText()).replace(/（.*$/, '').trim()
  const figure = Number(await unitRow.getByTestId('overview-cell-overdue').innerText())
  await unitRow.getByTestId('overview-cell-overdue').click()
  await expect(page.getByTestId('overview-panel')).toBeHidden()
  await expect(page.getByTestId('row-id-filter')).toContainText(unit)
  await expect(page.getByTestId('task-total')).toContainText(`显示 ${figure} / 154 项`)
})
