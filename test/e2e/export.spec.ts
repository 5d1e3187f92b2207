import { test, expect, openApp, setAsOf } from './fixtures'
import { readFileSync } from 'node:fs'

test('export writes a styled .xlsx named from the title and as-of date, with states and reasons', async ({ page }) => {
  await openApp(page)
  await setAsOf(page, '2023-06-01')
  await page.getByTestId('export-button').click()
  await expect(page.getByTestId('export-file-name')).toHaveText('开化县2023年度重点工作清单_截至2023-06-01.xlsx')
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-confirm').click()])
  expect(download.suggestedFilename()).toMatch(/_截至2023-06-01\.xlsx$/)
  const bytes = readFileSync((await download.path())!)
  // Read the written parts directly (ExcelJS in the test process keeps Playwright's worker alive for minutes).
  const { unzipSync, strFromU8 } = await import('fflate')
  const parts = unzipSync(new Uint8Array(bytes))
  const sheet = strFromU8(parts['xl/worksheets/sheet1.xml']!)
  const shared = strFromU8(parts['xl/sharedStrings.xml'] ?? new Uint8Array())
  const styles = strFromU8(parts['xl/styles.xml']!)
  expect(sheet).toMatch(/<mergeCell ref="A1:[A-Z]+1"\/>/)
  expect(sheet).toMatch(/orientation="landscape"/)
  expect(sheet).toMatch(/<pane [^>]*state="frozen"/)
  expect(styles).toMatch(/<b\/>/)
  expect(shared + sheet).toContain('开化县2023年度重点工作清单')
  expect(shared + sheet).toContain('启动新安综合体建设')
  expect(shared + sheet).toContain('逾期')
  // The 逾期说明 column's sentences crossed to the export worker (reasons are made on demand, and a
  // structured clone keeps only plain fields: the client sends plain copies).
  expect(shared + sheet).toMatch(/已逾期 \d+ 天/)
})

test('export to CSV keeps Chinese for Excel (UTF-8 BOM) and escapes formula-like text', async ({ page }) => {
  await openApp(page)
  const { cellAt } = await import('./fixtures')
  const cell = await cellAt(page, 0, '完成情况')
  await cell.click()
  await page.keyboard.type('=1+1')
  await page.keyboard.press('Tab')
  await page.getByTestId('export-button').click()
  await page.getByTestId('export-format-csv').check()
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-confirm').click()])
  const bytes = readFileSync((await download.path())!)
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const text = bytes.toString('utf8')
  expect(text).toContain('启动新安综合体建设')
  expect(text).toContain("'=1+1")
  expect(text).not.toMatch(/(^|,)=1\+1/m)
})

test('an export of the filtered rows holds the tasks the quick filter shows, and only those', async ({ page }) => {
  await openApp(page)
  const { expectRows } = await import('./fixtures')
  await page.getByTestId('quick-filter').fill('金融')
  await expectRows(page, 1)
  await page.getByTestId('export-button').click()
  await page.getByTestId('export-format-csv').check()
  await page.getByTestId('export-only-filtered').check()
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-confirm').click()])
  const text = readFileSync((await download.path())!).toString('utf8')
  expect(text).toContain('金融')
  expect(text).not.toContain('启动新安综合体建设')
})

test('the print view shows the same table with the title', async ({ page }) => {
  await openApp(page)
  await page.getByTestId('export-button').click()
  await page.getByTestId('print-button').click()
  const view = page.getByTestId('print-view')
  await expect(view).toContainText('开化县2023年度重点工作清单')
  await expect(view.locator('table tbody tr')).toHaveCount(9)
})

test('split by 责任单位: a zip with one styled workbook per unit', async ({ page }) => {
  await openApp(page)
  const { importFile, fixture } = await import('./fixtures')
  await importFile(page, fixture('linan-2023-h1.xls'))
  await page.getByTestId('export-button').click()
  await page.getByTestId('export-split').selectOption('owner-files')
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-confirm').click()])
  expect(download.suggestedFilename()).toMatch(/\.zip$/)
  const { unzipSync } = await import('fflate')
  const files = Object.keys(unzipSync(new Uint8Array(readFileSync((await download.path())!))))
  expect(files.length).toBeGreaterThan(10)
  expect(files.some((f) => f.includes('发改局') && f.endsWith('.xlsx'))).toBe(true)
})

for (const format of ['xls', 'ods'] as const) {
  test(`export to .${format} gives a file the importer reads back with the same tasks`, async ({ page }) => {
    await openApp(page)
    await page.getByTestId('export-button').click()
    await page.getByTestId(`export-format-${format}`).check()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-confirm').click()])
    expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${format}$`))
    const path = (await download.path())!
    await page.getByTestId('file-input').setInputFiles({ name: `back.${format}`, mimeType: 'application/octet-stream', buffer: readFileSync(path) })
    await page.getByTestId('import-confirm').click()
    await expect(page.getByTestId('status-bar')).toContainText('共 9 项任务')
    await expect(page.locator('.ag-row').first()).toContainText('启动新安综合体建设')
  })
}
