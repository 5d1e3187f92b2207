import { test, expect, openApp, count, setAsOf, expectRows } from './fixtures'

test('changing the as-of date re-flags at once: 2023-03-31 and 2023-06-01 give the fixture counts', async ({ page }) => {
  await openApp(page)
  await setAsOf(page, '2023-03-31')
  await expect(page.getByTestId('count-due-soon')).toHaveAttribute('data-count', '1')
  expect(await count(page, 'overdue')).toBe(0)
  await setAsOf(page, '2023-06-01')
  await expect(page.getByTestId('count-overdue')).toHaveAttribute('data-count', '3')
  expect(await count(page, 'pending')).toBe(4)
  expect(await count(page, 'recurring')).toBe(1)
  expect(await count(page, 'done')).toBe(1)
  // The first task is overdue on 06-01: its badge and its chip ② say so, and the chip explains why.
  const first = page.locator('.ag-row[row-index="0"] .state-cell')
  await expect(first.locator('.state-badge')).toHaveText('逾期')
  const chip = first.locator('.chip[data-index="2"]')
  await expect(chip).toHaveAttribute('data-state', 'overdue')
  await expect(chip).toHaveAttribute('title', /3月底前|2023-03-31/)
})

test('clicking a state count filters the rows; clearing shows all again', async ({ page }) => {
  await openApp(page)
  await setAsOf(page, '2023-06-01')
  await expect(page.getByTestId('task-total')).toHaveText('共 9 项任务')
  await page.getByTestId('count-overdue').click()
  await expectRows(page, 3)
  // The bar says how many of the tasks the filter shows, not only how many there are.
  await expect(page.getByTestId('task-total')).toHaveText('显示 3 / 9 项')
  await page.getByTestId('clear-filter').click()
  await expectRows(page, 9)
  await expect(page.getByTestId('task-total')).toHaveText('共 9 项任务')
})

test('a milestone marked done by hand wins, shows as an override, and survives a reload', async ({ page }) => {
  await openApp(page)
  await setAsOf(page, '2023-06-01')
  const chip = page.locator('.ag-row[row-index="0"] .chip[data-index="2"]')
  await expect(chip).toHaveAttribute('data-state', 'overdue')
  await chip.click()
  await expect(chip).toHaveAttribute('data-state', 'done')
  await expect(chip).toHaveClass(/chip-overridden/)
  // Undo and redo the override.
  await page.getByTestId('undo').click()
  await expect(chip).toHaveAttribute('data-state', 'overdue')
  await page.getByTestId('redo').click()
  await expect(chip).toHaveAttribute('data-state', 'done')
  await expect(page.getByTestId('save-state')).toHaveText('已保存')
  await page.reload()
  const again = page.locator('.ag-row[row-index="0"] .chip[data-index="2"]')
  await expect(again).toHaveAttribute('data-state', 'done')
  await expect(again).toHaveClass(/chip-overridden/)
  await expect(page.getByTestId('as-of')).toHaveValue('2023-06-01')
  // Clicking again hands the milestone back to the rules.
  await again.click()
  await expect(again).toHaveAttribute('data-state', 'overdue')
  await expect(again).not.toHaveClass(/chip-overridden/)
})

test('keyboard focus on a state cell shows its reason in the status bar', async ({ page }) => {
  await openApp(page)
  await setAsOf(page, '2023-06-01')
  await page.locator('.ag-row[row-index="0"] .ag-cell[col-id="__state"]').click()
  await expect(page.getByTestId('focus-reason')).toContainText('2023-03-31')
})

test('a cleared as-of box shows the date in force again instead of standing blank', async ({ page }) => {
  await openApp(page)
  await setAsOf(page, '2023-06-01')
  await expect(page.getByTestId('as-of')).toHaveValue('2023-06-01')
  await setAsOf(page, '')
  await expect(page.getByTestId('as-of')).toHaveValue('2023-06-01')
  expect(await count(page, 'overdue')).toBeGreaterThan(0)
})
