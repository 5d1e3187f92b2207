// Split by unit as a clerk meets it: a list with 牵头单位 and 配合单位, the choice of who gets a
// file, and the dialog naming the file the browser then downloads.
import { test, expect, openApp } from './fixtures'
import { readFileSync } from 'node:fs'

const CSV = [
  '序号,工作事项,进度安排,进展情况,牵头单位,配合单位',
  '1,建设城市书房4座,12月底前建成,已完成选址,县文广旅体局,各乡镇、县财政局',
  '2,新增市场主体3000户,年底前完成,已新增1800户,县市场监管局,县公安局',
  '3,完成可研批复,3月底前完成,已批复,县发改局,',
].join('\n')

test('split by unit offers supporting units, names the zip it downloads, and sends a row to each of its units', async ({ page }) => {
  await openApp(page)
  await page.getByTestId('file-input').setInputFiles({ name: '分工表.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') })
  await page.getByTestId('import-confirm').click()
  await expect(page.getByTestId('import-dialog')).toBeHidden()
  await expect(page.getByTestId('status-bar')).toContainText('共 3 项任务')

  await page.getByTestId('export-button').click()
  await page.getByTestId('export-split').selectOption('owner-files')
  await expect(page.getByTestId('export-file-name')).toHaveText(/_按责任单位\.zip$/)
  await expect(page.getByTestId('export-split-units')).toContainText('共 3 个单位')
  await page.getByLabel('牵头单位和配合单位', { exact: false }).check()
  await expect(page.getByTestId('export-split-units')).toContainText('共 6 个单位')
  const shown = await page.getByTestId('export-file-name').textContent()

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-confirm').click()])
  expect(download.suggestedFilename()).toBe(shown)
  const { unzipSync } = await import('fflate')
  const files = Object.keys(unzipSync(new Uint8Array(readFileSync((await download.path())!))))
  const units = files.map((f) => f.replace(/^.*_/, '').replace(/\.xlsx$/, '')).sort()
  expect(units).toEqual(['县文广旅体局', '各乡镇', '县财政局', '县市场监管局', '县公安局', '县发改局'].sort())

  await page.getByTestId('export-button').click()
  await page.getByTestId('export-split').selectOption('owner-sheets')
  await expect(page.getByTestId('export-file-name')).toHaveText(/_按责任单位\.xlsx$/)
})
