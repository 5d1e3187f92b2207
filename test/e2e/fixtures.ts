// The e2e fixture: every test fails on a console error, a page error, or a request that leaves the page's origin.
import { test as base, expect, type Page } from '@playwright/test'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures')
export const fixture = (name: string) => path.join(FIXTURES, name)

interface Watch { errors: string[]; foreign: string[] }

export const test = base.extend<{ watch: Watch }>({
  watch: [async ({ page, baseURL }, use) => {
    const watch: Watch = { errors: [], foreign: [] }
    const origin = new URL(baseURL!).origin
    page.on('console', (m) => { if (m.type() === 'error') watch.errors.push(m.text()) })
    page.on('pageerror', (e) => watch.errors.push(`pageerror: ${e.message}`))
    page.on('request', (r) => {
      const url = r.url()
      if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')) watch.foreign.push(url)
    })
    await use(watch)
    expect(watch.errors, 'console errors').toEqual([])
    expect(watch.foreign, 'requests to other origins').toEqual([])
  }, { auto: true }],
})

export { expect }

/** Opens the app on a fresh profile: the bundled sample list is imported on first visit. */
export async function openApp(page: Page) {
  await page.goto('./')
  await expect(page.locator('.ag-row').first()).toBeVisible()
  await expect(page.getByTestId('save-state')).toHaveText(/已保存|Saved/)
}

export async function count(page: Page, state: string): Promise<number> {
  return Number(await page.getByTestId(`count-${state}`).getAttribute('data-count'))
}

/** Imports a file through the toolbar's file input and confirms the mapping step. */
export async function importFile(page: Page, file: string) {
  await page.getByTestId('file-input').setInputFiles(file)
  await page.getByTestId('import-confirm').click()
  await expect(page.getByTestId('import-dialog')).toBeHidden()
}

export async function setAsOf(page: Page, date: string) {
  await page.getByTestId('as-of').fill(date)
  await page.getByTestId('as-of').dispatchEvent('change')
}

/** The column id of the grid column whose header reads `header`. */
export async function colIdOf(page: Page, header: string): Promise<string> {
  const cell = page.locator('.ag-header-cell').filter({ has: page.locator('.ag-header-cell-text', { hasText: new RegExp(`^${header}$`) }) }).first()
  const id = await cell.getAttribute('col-id')
  if (!id) throw new Error(`no column ${header}`)
  return id
}

/** A body cell by displayed row index and header text. */
export async function cellAt(page: Page, rowIndex: number, header: string) {
  const colId = await colIdOf(page, header)
  return page.locator(`.ag-row[row-index="${rowIndex}"] .ag-cell[col-id="${colId}"]`)
}

/**
 * The rows the grid shows (sections and footers included), as the grid states them: AG Grid
 * keeps only the rows in view in the DOM, and with real CJK glyphs fewer rows fit.
 */
export async function expectRows(page: Page, n: number) {
  await expect(page.getByTestId('grid')).toHaveAttribute('data-displayed-rows', String(n))
}
