// The print view as a clerk prints it: A4 landscape, where the table is scaled to the page and
// narrow columns must still hold their words whole (no 已完/成, no 序/號).
import { test, expect, openApp } from './fixtures'

test('printed on A4 landscape, no short word is broken across lines', async ({ page }) => {
  await openApp(page)
  await page.getByTestId('export-button').click()
  await page.getByTestId('export-state-column').check()
  await page.getByTestId('export-reason-column').check()
  await page.getByTestId('print-button').click()
  await expect(page.getByTestId('print-view').locator('table')).toBeVisible()
  // 297 mm at 96 dpi less the 12 mm margins: the width Chromium lays the printed table out at.
  await page.setViewportSize({ width: 1032, height: 800 })
  await page.emulateMedia({ media: 'print' })
  const broken = await page.getByTestId('print-view').evaluate((view) => {
    const out: string[] = []
    for (const cell of view.querySelectorAll('th, td')) {
      const text = (cell.textContent ?? '').trim()
      if (!text || [...text].length > 8 || /[\s，,。.、；;：:（）()/]/.test(text)) continue
      const range = document.createRange()
      range.selectNodeContents(cell)
      const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)))
      if (tops.size > 1) out.push(text)
    }
    return out
  })
  expect(broken).toEqual([])
  const words = await page.getByTestId('print-view').locator('th, td').count()
  expect(words).toBeGreaterThan(20)
})
