import { test, expect, openApp, count, expectRows } from './fixtures'

test('first visit opens the bundled sample list in Chinese with its states counted', async ({ page }) => {
  await openApp(page)
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await expect(page.getByTestId('import-button')).toHaveText(/导入/)
  await expectRows(page, 9)
  // The title names 一季度, so the as-of date is 2023-03-31 (rules §2), and the fixture's labels apply.
  await expect(page.getByTestId('as-of')).toHaveValue('2023-03-31')
  expect(await count(page, 'due-soon')).toBe(1)
  expect(await count(page, 'pending')).toBe(6)
  expect(await count(page, 'recurring')).toBe(1)
  expect(await count(page, 'done')).toBe(1)
  expect(await count(page, 'overdue')).toBe(0)
})

test('the page is served with a strict Content-Security-Policy', async ({ page }) => {
  await page.goto('./')
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
  expect(csp).toContain("script-src 'self'")
  expect(csp).toContain("connect-src 'self'")
  expect(csp).not.toContain("'unsafe-eval'")
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
})

test('the language switch turns the UI to English and back', async ({ page }) => {
  await openApp(page)
  await page.getByTestId('language').click()
  await expect(page.getByTestId('import-button')).toHaveText(/Import/)
  await expect(page.getByTestId('count-done')).toContainText('Done')
  await page.reload()
  await expect(page.getByTestId('import-button')).toHaveText(/Import/)
  await page.getByTestId('language').click()
  await expect(page.getByTestId('import-button')).toHaveText(/导入/)
})

test('the help panel lists the keyboard shortcuts and explains every colour', async ({ page }) => {
  await openApp(page)
  await page.keyboard.press('F1')
  const help = page.getByTestId('help-panel')
  await expect(help).toBeVisible()
  await expect(help).toContainText('Ctrl+Z')
  await expect(help).toContainText('逾期')
  await expect(help).toContainText('有节点已过截至日期仍未完成')
  await page.keyboard.press('Escape')
  await expect(help).toBeHidden()
})

test('the grid draws its icons: the theme icon font loads under the CSP', async ({ page }) => {
  await openApp(page)
  // Checkboxes, sort arrows and drag grips are glyphs of this font; without it they are blank.
  await expect.poll(() => page.evaluate(() => [...document.fonts]
    .filter((f) => f.family.replace(/"/g, '') === 'agGridQuartz').map((f) => f.status))).toContain('loaded')
  const glyph = await page.locator('.ag-checkbox-input-wrapper').first().evaluate((el) => getComputedStyle(el, '::after').fontFamily)
  expect(glyph).toContain('agGridQuartz')
})

test('state badges and milestone chips are readable: text contrast at least 4.5:1', async ({ page }) => {
  await openApp(page)
  await expect(page.locator('.state-badge').first()).toBeVisible()
  const ratios = await page.locator('.state-badge, .chip').evaluateAll((els) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number)
    const lum = (c: string) => {
      const [r, g, b] = rgb(c).map((v) => { const x = v / 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4 })
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
    }
    return els.map((el) => {
      const style = getComputedStyle(el)
      const [hi, lo] = [lum(style.color), lum(style.backgroundColor)].sort((a, b) => b - a)
      return { cls: el.className, ratio: (hi! + 0.05) / (lo! + 0.05) }
    })
  })
  expect(ratios.length).toBeGreaterThan(5)
  for (const { cls, ratio } of ratios) expect(ratio, cls).toBeGreaterThanOrEqual(4.5)
})
