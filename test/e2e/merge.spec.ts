// The second half of the clerk's loop: the list goes out split by unit, two units fill in their
// copies (one saved again through LibreOffice as .xls), both come back through the merge view,
// the new progress and states show in the grid, and one undo restores the list.
import * as XLSX from '@e965/xlsx'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { toTraditional } from '../../src/core'
import { test, expect, openApp, importFile, fixture, count, setAsOf } from './fixtures'

function hasSoffice(): boolean {
  try { execFileSync('sh', ['-c', 'command -v soffice']); return true } catch { return false }
}

/** A unit fills in every task's 进展情况 of its copy, as it would in Excel. */
function fillProgress(bytes: Uint8Array, text: string): Uint8Array {
  const book = XLSX.read(bytes)
  const sheet = book.Sheets[book.SheetNames[0]!]!
  const grid = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, defval: '' })
  const headerRow = grid.findIndex((row) => row.includes('进展情况'))
  const progress = grid[headerRow]!.indexOf('进展情况')
  for (let r = headerRow + 1; r < grid.length; r++) {
    if (/^\d+$/.test(String(grid[r]![0] ?? '').trim())) sheet[XLSX.utils.encode_cell({ r, c: progress })] = { t: 's', v: text }
  }
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer)
}

test('units’ returned copies merge back: new progress and states in the grid, one undo restores the list', async ({ page }) => {
  test.setTimeout(180_000)
  await openApp(page)
  await importFile(page, fixture('linan-2023-h1.xls'))
  await setAsOf(page, '2023-06-30')
  const doneBefore = await count(page, 'done')

  await page.getByTestId('export-button').click()
  await page.getByTestId('export-split').selectOption('owner-files')
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-confirm').click()])
  const { unzipSync } = await import('fflate')
  const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)))
  const nameOf = (unit: string) => Object.keys(files).find((f) => f.endsWith(`_${unit}.xlsx`))!
  const dir = mkdtempSync(path.join(tmpdir(), 'jindu-merge-'))
  const a = path.join(dir, '发改局.xlsx')
  writeFileSync(a, fillProgress(files[nameOf('发改局')]!, '已全部完成。'))
  let b = path.join(dir, '经信局.xlsx')
  writeFileSync(b, fillProgress(files[nameOf('经信局')]!, '已全部完成。'))
  if (hasSoffice()) {
    // The second unit opens and saves its copy in LibreOffice, as .xls.
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/lo`, '--headless', '--convert-to', 'xls', '--outdir', dir, b], { timeout: 120_000 })
    b = path.join(dir, readdirSync(dir).find((f) => f.endsWith('.xls'))!)
  }

  await page.getByTestId('merge-button').click()
  await page.getByTestId('merge-file-input').setInputFiles([a, b])
  await expect(page.getByTestId('merge-files').locator('tbody tr')).toHaveCount(2)
  await expect(page.getByTestId('merge-file-0')).toContainText('发改局')
  await expect(page.getByTestId('merge-unit-1').locator('option').first()).toHaveText('经信局（按文件识别）')
  await expect(page.getByTestId('merge-not-reported')).not.toContainText('发改局')
  // The clerk turns down one change; the rest of the progress goes in.
  const first = page.getByTestId('merge-accept').first()
  await expect(first).toBeChecked()
  await first.uncheck()
  await expect(page.getByTestId('merge-accept').nth(1)).toBeChecked()
  await page.getByTestId('merge-apply').click()
  await expect(page.getByTestId('merge-report')).toBeVisible()
  await expect(page.getByTestId('merge-chase')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('merge-dialog')).toBeHidden()
  await expect.poll(() => count(page, 'done')).toBeGreaterThan(doneBefore)

  await page.getByTestId('undo').click()
  await expect.poll(() => count(page, 'done')).toBe(doneBefore)

  // The returned copies stay with the draft: after a reload they are there, the rejected change still rejected.
  await expect(page.getByTestId('save-state')).toHaveText(/已保存|Saved/)
  await page.reload()
  await expect.poll(() => count(page, 'done')).toBe(doneBefore)
  await page.getByTestId('merge-button').click()
  await expect(page.getByTestId('merge-files').locator('tbody tr')).toHaveCount(2)
  await expect(page.getByTestId('merge-accept').first()).not.toBeChecked()
  await expect(page.getByTestId('merge-accept').nth(1)).toBeChecked()
  await page.getByTestId('merge-clear').click()
  await expect(page.getByTestId('merge-files')).toBeHidden()
})

test('a copy retyped into a unit’s own sheet asks for its columns first, then matches by task text', async ({ page }) => {
  await openApp(page)
  const expected = JSON.parse(readFileSync(fixture('kaihua-2023-q1.expected.json'), 'utf8')) as { tasks: { fields: { task: string } }[] }
  const dir = mkdtempSync(path.join(tmpdir(), 'jindu-merge-'))
  const file = path.join(dir, '自制报表.csv')
  // The unit's own template: its own header words, no 序号, no row ids, the task reworded in traditional script.
  writeFileSync(file, `\uFEFF工作任务,目前进展,其他\n"${toTraditional(expected.tasks[0]!.fields.task)}",已全部完成。,无\n`)
  await page.getByTestId('merge-button').click()
  await page.getByTestId('merge-file-input').setInputFiles([file])
  const layout = page.getByRole('group', { name: /表格结构是新的/ })
  await expect(layout).toBeVisible()
  await expect(page.getByTestId('merge-files')).toBeHidden()
  await layout.getByLabel('工作任务 含义').selectOption('task')
  await layout.getByLabel('目前进展 含义').selectOption('progress')
  await layout.getByLabel('其他 含义').selectOption('')
  await layout.getByTestId('merge-layout-confirm').click()
  await expect(page.getByTestId('merge-file-0')).toContainText('自制报表.csv')
  await expect(page.getByTestId('merge-changes')).toContainText('已全部完成。')
  await expect(page.getByTestId('merge-accept')).toHaveCount(1)
  await expect(page.getByTestId('merge-accept')).toBeChecked()
})

test('a copy whose header was not found: the clerk names its header row, the copy is read again with it', async ({ page }) => {
  await openApp(page)
  const expected = JSON.parse(readFileSync(fixture('kaihua-2023-q1.expected.json'), 'utf8')) as { tasks: { fields: { task: string } }[] }
  const dir = mkdtempSync(path.join(tmpdir(), 'jindu-merge-'))
  const file = path.join(dir, '无表头.csv')
  // A unit's sheet whose header words name no role: read without a header, its columns are letters.
  writeFileSync(file, `\uFEFF某局报表,,\n内容,说明,备考\n"${expected.tasks[1]!.fields.task}",已开工建设。,无\n`)
  await page.getByTestId('merge-button').click()
  await page.getByTestId('merge-file-input').setInputFiles([file])
  const layout = page.getByRole('group', { name: /表格结构是新的/ })
  await expect(layout).toBeVisible()
  await expect(layout.getByLabel('A 含义')).toBeVisible()
  await layout.getByLabel(/表头在第几行/).fill('2')
  await layout.getByRole('button', { name: '按此行重新识别' }).click()
  // Read again in a worker with row 2 as the header: the columns are named by it.
  await expect(layout.getByLabel('内容 含义')).toBeVisible()
  await expect(layout.getByLabel('A 含义')).toHaveCount(0)
  await layout.getByLabel('内容 含义').selectOption('task')
  await layout.getByLabel('说明 含义').selectOption('progress')
  await layout.getByTestId('merge-layout-confirm').click()
  await expect(page.getByTestId('merge-file-0')).toContainText('无表头.csv')
  await expect(page.getByTestId('merge-changes')).toContainText('已开工建设。')
})
