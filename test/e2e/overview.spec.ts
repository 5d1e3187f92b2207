// The overview a leader reads in ten seconds: the counts match the grid's, a unit's overdue figure
// filters the grid to exactly those rows, the timeline and the comparison with a named version
// filter it too, the bulletin edits into its .docx, and the export's 汇总 sheet reads back.
// OVERVIEW_SCREENSHOTS=1 also writes docs/overview.png and docs/overview-bulletin.png for the README.
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { test, expect, openApp, importFile, fixture, count, setAsOf } from './fixtures'

const SCREENSHOTS = !!process.env.OVERVIEW_SCREENSHOTS

async function openLinan(page: Page) {
  await openApp(page)
  await importFile(page, fixture('linan-2023-h1.xls'))
  await setAsOf(page, '2023-12-31')
  await expect(page.getByTestId('task-total')).toContainText('154')
}

async function downloaded(page: Page, click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()])
  return { name: download.suggestedFilename(), bytes: new Uint8Array(readFileSync((await download.path())!)) }
}

test('the overview counts, filters the grid from a unit’s overdue figure, and drafts the bulletin', async ({ page }) => {
  await openLinan(page)
  const overdue = await count(page, 'overdue')
  expect(overdue).toBeGreaterThan(0)

  await page.getByTestId('overview-button').click()
  await expect(page.getByTestId('overview-panel')).toBeVisible()
  await expect(page.getByTestId('overview-total-overdue')).toHaveAttribute('data-count', String(overdue))
  await expect(page.getByTestId('overview-total-done')).toHaveAttribute('data-count', String(await count(page, 'done')))
  await expect(page.getByTestId('overview-units').locator('svg').first()).toBeVisible()
  await expect(page.getByTestId('overview-timeline').locator('svg').first()).toBeVisible()
  await expect(page.getByTestId('overview-timeline')).toContainText('截至 2023-12-31')
  await expect(page.getByTestId('overview-bulletin')).toHaveValue(/^截至2023年12月31日，全县154项重点工作中/)
  if (SCREENSHOTS) {
    await page.setViewportSize({ width: 1280, height: 1000 })
    await page.getByTestId('overview-panel').screenshot({ path: 'docs/overview.png' })
    await page.getByTestId('overview-bulletin').scrollIntoViewIfNeeded()
    await page.getByTestId('overview-panel').screenshot({ path: 'docs/overview-bulletin.png' })
    await page.getByTestId('overview-units').scrollIntoViewIfNeeded()
  }

  await page.getByTestId('overview-units-table-toggle').click()
  const unitRow = page.getByTestId('overview-unit-table').locator('tbody tr').first()
  const unit = (await unitRow.locator('th').innerText()).replace(/（.*$/, '').trim()
  const figure = Number(await unitRow.getByTestId('overview-cell-overdue').innerText())
  await unitRow.getByTestId('overview-cell-overdue').click()
  await expect(page.getByTestId('overview-panel')).toBeHidden()
  await expect(page.getByTestId('row-id-filter')).toContainText(unit)
  await expect(page.getByTestId('task-total')).toContainText(`显示 ${figure} / 154 项`)

  // The chart itself: the red segment of the top bar (the same unit, worst first) filters alike.
  await page.getByTestId('overview-button').click()
  const red = page.getByTestId('overview-units').locator('svg path[fill="#c62828"]')
  await expect(red.first()).toBeVisible()
  const tops = await red.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().top))
  const legend = Math.min(...tops)
  const bar = tops.map((top, i) => ({ top, i })).filter((b) => b.top > legend + 10).sort((a, b) => a.top - b.top)[0]!
  await red.nth(bar.i).click()
  await expect(page.getByTestId('overview-panel')).toBeHidden()
  await expect(page.getByTestId('row-id-filter')).toContainText(`${unit} · 逾期`)
  await expect(page.getByTestId('task-total')).toContainText(`显示 ${figure} / 154 项`)
})

test('the timeline’s table view gives each month’s milestones, and a month filters the grid', async ({ page }) => {
  await openLinan(page)
  await page.getByTestId('overview-button').click()
  await page.getByTestId('overview-timeline-table-toggle').click()
  const table = page.getByTestId('overview-month-table')
  await expect(table).toBeVisible()
  // Each month: due = done + overdue + not yet due.
  for (const row of await table.locator('tbody tr').all()) {
    const [due, done, late, open] = (await row.locator('td').allInnerTexts()).map(Number) as [number, number, number, number]
    expect(due).toBe(done + late + open)
  }
  const month = table.locator('tbody tr').filter({ has: page.getByRole('button') }).first()
  const name = await month.getByRole('button').innerText()
  await month.getByRole('button').click()
  await expect(page.getByTestId('row-id-filter')).toContainText(name)
  await expect(page.getByTestId('task-total')).toContainText(/显示 \d+ \/ 154 项/)
})

test('export with the 汇总 sheet: the first sheet holds the per-unit counts and the charts as pictures', async ({ page }) => {
  await openLinan(page)
  const overdue = await count(page, 'overdue')
  await page.getByTestId('export-button').click()
  await page.getByTestId('export-summary-sheet').check()
  const file = await downloaded(page, () => page.getByTestId('export-confirm').click())
  expect(file.name).toMatch(/\.xlsx$/)
  const XLSX = await import('@e965/xlsx')
  const book = XLSX.read(file.bytes, { type: 'array' })
  expect(book.SheetNames[0]).toBe('汇总')
  const rows = XLSX.utils.sheet_to_json<(string | number)[]>(book.Sheets['汇总']!, { header: 1, defval: '' })
  expect(rows[1]![0]).toBe('截至2023年12月31日')
  expect(rows[2]!.slice(0, 4)).toEqual(['单位', '任务数', '已完成', '序时推进'])
  expect(rows[2]!.slice(-3)).toEqual(['临期', '逾期', '完成率'])
  const total = rows.find((r) => r[0] === '合计')!
  expect(total[1]).toBe(154)
  expect(total[rows[2]!.length - 2]).toBe(overdue)
  const { unzipSync } = await import('fflate')
  const media = Object.keys(unzipSync(file.bytes)).filter((name) => /^xl\/media\/.+\.png$/.test(name))
  expect(media).toHaveLength(2)
})

test('comparison with a named version names the newly overdue and still overdue tasks', async ({ page }) => {
  await openApp(page)
  await setAsOf(page, '2023-03-31')
  await page.getByTestId('drafts-button').click()
  await page.getByTestId('snapshot-name').fill('一季度报送')
  await page.getByTestId('snapshot-take').click()
  await expect(page.getByTestId('snapshot-item')).toHaveCount(1)
  await page.keyboard.press('Escape')
  await setAsOf(page, '2023-09-30')
  const overdue = await count(page, 'overdue')

  await page.getByTestId('overview-button').click()
  const select = page.getByTestId('overview-compare-select')
  await expect(select.locator('option').nth(1)).toContainText('一季度报送')
  await select.selectOption({ index: 1 })
  const newly = page.getByTestId('overview-compare-newlyOverdue')
  const still = page.getByTestId('overview-compare-stillOverdue')
  await expect(newly).toHaveAttribute('data-count', /\d+/)
  const n = Number(await newly.getAttribute('data-count'))
  const s = Number(await still.getAttribute('data-count'))
  expect(n + s).toBe(overdue)
  expect(n).toBeGreaterThan(0)
  await newly.getByRole('button').first().click()
  await expect(page.getByTestId('row-id-filter')).toContainText('一季度报送')
  await expect(page.getByTestId('task-total')).toContainText(`显示 ${n} / 9 项`)
})

test('the edited bulletin downloads as .docx, and each chart as a PNG', async ({ page }) => {
  await openLinan(page)
  await page.getByTestId('overview-button').click()
  const bulletin = page.getByTestId('overview-bulletin')
  await bulletin.press('Control+End')
  await bulletin.pressSequentially('\n（办公室补充：请于下周五前报送整改情况。）')
  const docx = await downloaded(page, () => page.getByTestId('overview-docx').click())
  expect(docx.name).toBe('督办通报_2023-12-31.docx')
  const { unzipSync, strFromU8 } = await import('fflate')
  const xml = strFromU8(unzipSync(docx.bytes)['word/document.xml']!)
  expect(xml).toContain('重点工作推进情况通报')
  expect(xml).toContain('截至2023年12月31日，全县154项重点工作中')
  expect(xml).toContain('办公室补充：请于下周五前报送整改情况。')

  await expect(page.getByTestId('overview-units').locator('svg').first()).toBeVisible()
  const png = await downloaded(page, () => page.getByTestId('overview-units-png').click())
  expect(png.name).toBe('各责任单位任务情况.png')
  expect([...png.bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG')
})

test('in English, the overview, its charts’ tables and the bulletin read in English', async ({ page }) => {
  await openLinan(page)
  await page.getByTestId('language').click()
  await page.getByTestId('overview-button').click()
  const panel = page.getByRole('dialog', { name: 'Overview' })
  await expect(panel).toBeVisible()
  await expect(panel.getByRole('heading', { name: /Tasks by responsible unit/ })).toBeVisible()
  await expect(panel.getByRole('heading', { name: /Milestones by month/ })).toBeVisible()
  await page.getByTestId('overview-timeline-table-toggle').click()
  await expect(page.getByTestId('overview-month-table').getByRole('columnheader', { name: 'Not yet due' })).toBeVisible()
  await expect(page.getByTestId('overview-bulletin')).toHaveValue(/^As of 2023-12-31, of 154 key tasks/)
  await expect(page.getByTestId('overview-docx')).toHaveText('Download as Word')
})
