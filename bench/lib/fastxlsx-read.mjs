// Times the app's fast .xlsx reader (src/io/read/fastXlsx) beside SheetJS, in Node and in Chromium, on the same workbook.
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'vite'
import { newPage } from './browser.mjs'
import { ok } from './outcome.mjs'
import { median } from './stats.mjs'

/**
 * Bundles the reader (with fflate and SheetJS, as the worker chunk has them) twice: an ES module
 * for Node and an IIFE exposing `FastXlsx` for a blank page. Also exports readSpreadsheet, the
 * SheetJS path the import used before, so both are timed from the same bundle.
 */
export async function bundleFastXlsx(root, outDir) {
  const dir = join(outDir, 'fastxlsx')
  mkdirSync(dir, { recursive: true })
  const entry = join(root, 'bench', 'lib', 'fastxlsx-entry.ts')
  for (const format of ['es', 'iife']) {
    await build({
      configFile: false, logLevel: 'warn', root,
      build: {
        outDir: dir, emptyOutDir: false, minify: true, target: 'es2022',
        lib: { entry, formats: [format], name: 'FastXlsx', fileName: () => (format === 'es' ? 'fastxlsx.mjs' : 'fastxlsx.iife.js') },
      },
    })
  }
  return { node: join(dir, 'fastxlsx.mjs'), browser: join(dir, 'fastxlsx.iife.js') }
}

/** In Node: fast reader and SheetJS path (readSpreadsheet) alternately, `runs` each after one warm-up. */
export async function measureFastNode(bundle, filePath, runs) {
  const mod = await import(pathToFileURL(bundle.node).href)
  const bytes = new Uint8Array(readFileSync(filePath))
  const fast = []
  const sheetjs = []
  let rows = 0
  await mod.readXlsxFast(bytes, 'xlsx')
  mod.readSpreadsheet(bytes, 'xlsx')
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now()
    const sheets = await mod.readXlsxFast(bytes, 'xlsx')
    fast.push(performance.now() - t0)
    if (!sheets) throw new Error('the fast reader did not recognise the bench workbook')
    rows = sheets[0].cells.length
    t0 = performance.now()
    mod.readSpreadsheet(bytes, 'xlsx')
    sheetjs.push(performance.now() - t0)
  }
  return ok({ median: median(fast), samples: fast, sheetjsMedian: median(sheetjs), sheetjsSamples: sheetjs, rows })
}

/** In Chromium: a fresh context per run (cold JIT, like the SheetJS baseline), bytes fetched before the clock. */
export async function measureFastBrowser(browser, base, fileUrl, bundle, runs) {
  const samples = []
  let rows = 0
  for (let i = 0; i < runs; i++) {
    const { context, page } = await newPage(browser)
    try {
      await page.goto(`${base}/__bench/blank.html`)
      await page.addScriptTag({ path: bundle.browser })
      const r = await page.evaluate(async (url) => {
        const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer())
        const t0 = performance.now()
        const sheets = await FastXlsx.readXlsxFast(bytes, 'xlsx')
        return { ms: performance.now() - t0, rows: sheets ? sheets[0].cells.length : -1 }
      }, fileUrl)
      if (r.rows < 0) throw new Error('the fast reader did not recognise the bench workbook')
      samples.push(r.ms)
      rows = r.rows
    } finally {
      await context.close()
    }
  }
  return ok({ median: median(samples), samples, rows })
}
