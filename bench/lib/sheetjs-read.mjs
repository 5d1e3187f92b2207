// Times a plain SheetJS read of the same workbook in the same browser, as the import baseline.
import { createRequire } from 'node:module'
import { ok } from './outcome.mjs'
import { newPage } from './browser.mjs'
import { median } from './stats.mjs'

const require = createRequire(import.meta.url)
export const SHEETJS_STANDALONE = require.resolve('@e965/xlsx/dist/xlsx.full.min.js')

/**
 * XLSX.read + sheet_to_json(header: 1) of the first sheet, timed inside the page. The bytes are
 * fetched from the bench server first and are not part of the time, like the app's file read.
 */
export async function measureSheetjs(browser, base, fileUrl, runs) {
  const samples = []
  let rows = 0
  for (let i = 0; i < runs; i++) {
    const { context, page } = await newPage(browser)
    try {
      await page.goto(`${base}/__bench/blank.html`)
      await page.addScriptTag({ path: SHEETJS_STANDALONE })
      const r = await page.evaluate(async (url) => {
        const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer())
        const t0 = performance.now()
        const wb = XLSX.read(bytes, { type: 'array' })
        const aoa = XLSX.utils.sheet_to_json(wb.Sheets[wb.SheetNames[0]], { header: 1 })
        return { ms: performance.now() - t0, rows: aoa.length }
      }, fileUrl)
      samples.push(r.ms)
      rows = r.rows
    } finally {
      await context.close()
    }
  }
  return ok({ median: median(samples), samples, rows })
}
