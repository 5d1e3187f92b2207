// Runs the whole benchmark (npm run bench) and writes docs/benchmarks.md; see bench/README.md.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { OUT_DIR, ensureWorkbook } from './generate.mjs'
import { ensureBuild, snapshotBuild } from './lib/build.mjs'
import { launchBrowser } from './lib/browser.mjs'
import { measureBundle } from './lib/bundle-size.mjs'
import { measureCellEditsOnDisk } from './lib/cell-edit.mjs'
import { measureExport } from './lib/export-file.mjs'
import { measureOverview } from './lib/overview-open.mjs'
import { IMPORT_BASELINE_COMMIT, buildBaselineApp } from './lib/baseline-app.mjs'
import { bundleFastXlsx, measureFastBrowser, measureFastNode } from './lib/fastxlsx-read.mjs'
import { measureImport } from './lib/grid-import.mjs'
import { measureScroll } from './lib/grid-scroll.mjs'
import { attempt, describeError, ok, skipped, unavailable } from './lib/outcome.mjs'
import { evaluateBudgets, renderMarkdown, renderSummary } from './lib/report.mjs'
import { startStaticServer } from './lib/server.mjs'
import { measureSheetjs } from './lib/sheetjs-read.mjs'
import { selectSizes } from './lib/sizes.mjs'
import { measureSoffice } from './lib/soffice-convert.mjs'
import { runVitestMeasure } from './lib/vitest-measures.mjs'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
// BENCH_DIST points the harness at another built app (e.g. a stub, when developing the harness); no build then.
const DIST = process.env.BENCH_DIST ? resolve(process.env.BENCH_DIST) : join(ROOT, 'dist')
const SOFFICE_WARMUP = join(ROOT, 'test', 'fixtures', 'kaihua-2023-q1.xlsx')
const EDIT_COUNT = 30
const EDIT_SIZES = new Set(['1k', '100k'])
const LIST_SIZE = '10k' // export and scrolling are measured on this list
const BASELINE_SIZE = '10k' // the import is also timed through the build before the fast reader on this list

/** Generous per-import timeout: a minute, or 9 ms per row for the big lists. */
const importTimeoutMs = (rows) => Math.max(60_000, rows * 9)

async function measureSize(size, ctx) {
  console.log(`\n[${size.label}] ${size.rows.toLocaleString('en-US')} rows, ${size.runs} runs`)
  const entry = { label: size.label, rows: size.rows, runs: size.runs }
  let file
  try {
    file = ensureWorkbook(size)
    entry.file = { name: basename(file.path), bytes: file.bytes, generated: file.generated }
    console.log(`  workbook: ${entry.file.name}, ${(file.bytes / 1e6).toFixed(2)} MB${file.generated ? ` (generated in ${(file.ms / 1000).toFixed(1)} s)` : ' (cached)'}`)
  } catch (err) {
    entry.fileError = { status: 'error', error: describeError(err) }
    return entry
  }
  const fileUrl = `${ctx.base}/__bench/files/${entry.file.name}`
  const noBrowser = ctx.browser ? null : ctx.browserError

  entry.sheetjs = noBrowser ?? (await attempt('SheetJS', () => measureSheetjs(ctx.browser, ctx.base, fileUrl, size.runs)))
  logMedian('SheetJS read', entry.sheetjs)
  // The app's fast .xlsx reader alone, beside SheetJS (Chromium above; Node: both of the app's read paths).
  entry.fastBrowser = noBrowser ?? (ctx.fastBundle.status === 'ok'
    ? await attempt('fast reader (Chromium)', () => measureFastBrowser(ctx.browser, ctx.base, fileUrl, ctx.fastBundle, size.runs))
    : ctx.fastBundle)
  logMedian('fast reader (Chromium)', entry.fastBrowser)
  entry.fastNode = ctx.fastBundle.status === 'ok' ? await attempt('fast reader (Node)', () => measureFastNode(ctx.fastBundle, file.path, size.runs)) : ctx.fastBundle
  logMedian('fast reader (Node)', entry.fastNode)
  entry.soffice = await attempt('soffice', () => measureSoffice(file.path, size.runs, SOFFICE_WARMUP))
  logMedian('soffice', entry.soffice)

  let session = null
  if (noBrowser) entry.import = noBrowser
  else if (!ctx.appReady.ok) entry.import = unavailable(ctx.appReady.reason)
  else {
    entry.import = await attempt('import', async () => {
      const r = await measureImport(ctx.browser, ctx.base, file, size.runs, importTimeoutMs(size.rows))
      session = r.session
      return r.result
    })
  }
  logMedian('file → grid painted', entry.import)
  // Issue 19: the same file through the app as it was before the fast reader, right after.
  if (size.label === BASELINE_SIZE) {
    if (noBrowser) entry.importBaseline = noBrowser
    else if (ctx.baseline.status !== 'ok') entry.importBaseline = ctx.baseline
    else {
      entry.importBaseline = await attempt('import (baseline build)', async () => {
        const r = await measureImport(ctx.browser, ctx.baseline.base, file, size.runs, importTimeoutMs(size.rows))
        await r.session?.context.close().catch(() => {})
        return { ...r.result, commit: ctx.baseline.commit }
      })
    }
    logMedian(`file → grid painted (build of ${IMPORT_BASELINE_COMMIT})`, entry.importBaseline)
  }

  const needsList = (what) => (entry.import.status === 'ok' ? null : unavailable(`${what} needs an imported list; import: ${entry.import.reason ?? entry.import.error}`))
  try {
    if (EDIT_SIZES.has(size.label)) {
      entry.edit = needsList('cell edit') ?? (await attempt('cell edit', () => measureCellEditsOnDisk(ctx.browser, ctx.base, file, EDIT_COUNT, importTimeoutMs(size.rows), size.rows >= 100_000 ? 120_000 : 10_000)))
      if (entry.edit.status === 'ok') console.log(`  cell edit committed → saved: p50 ${entry.edit.p50.toFixed(1)} ms, p95 ${entry.edit.p95.toFixed(1)} ms`)
    }
    if (size.label === LIST_SIZE) {
      entry.scroll = needsList('scrolling') ?? (await attempt('scroll', () => measureScroll(session)))
      if (entry.scroll.status === 'ok') console.log(`  scroll: p95 ${entry.scroll.p95.toFixed(1)} ms, worst ${entry.scroll.worst.toFixed(1)} ms, ${entry.scroll.blankFrames} blank frames`)
      entry.export = needsList('export') ?? (await attempt('export', () => measureExport(session, size.runs, 120_000)))
      logMedian('export', entry.export)
      entry.overview = needsList('overview') ?? (await attempt('overview', () => measureOverview(session, size.runs, 60_000)))
      logMedian('overview opened → charts drawn', entry.overview)
    }
  } finally {
    await session?.context.close().catch(() => {})
  }
  return entry
}

function logMedian(label, outcome) {
  if (outcome?.status === 'ok') console.log(`  ${label}: median ${Math.round(outcome.median)} ms`)
}

/** Whether dist/ holds an app to drive; the reason is shown for every app step when not. */
function checkApp(build) {
  if (!existsSync(join(DIST, 'index.html'))) return { ok: false, reason: `no dist/index.html (${build.status === 'error' ? build.error : 'not built'})` }
  return { ok: true }
}

async function main() {
  const sizes = selectSizes()
  const started = new Date()
  mkdirSync(OUT_DIR, { recursive: true })
  const results = {
    startedAt: started.toISOString(),
    config: { sizes: sizes.map(({ label, rows, runs }) => ({ label, rows, runs })) },
    machine: { os: `${os.type()} ${os.release()} ${os.arch()}`, cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, memoryGb: os.totalmem() / 2 ** 30, node: process.version, chromium: null, loadAverage: os.loadavg() },
    sizes: [],
    vitest: {},
    harnessErrors: [],
  }

  console.log('building dist/ if stale …')
  results.build = process.env.BENCH_DIST ? skipped(`BENCH_DIST=${DIST}`) : await attempt('build', async () => ok(await ensureBuild(ROOT)))
  let appReady = checkApp(results.build)
  let appDir = DIST
  if (appReady.ok) {
    try {
      appDir = await snapshotBuild(DIST, join(OUT_DIR, 'app'))
    } catch (err) {
      appReady = { ok: false, reason: describeError(err) }
    }
  }
  results.bundle = appReady.ok ? await attempt('bundle', async () => measureBundle(appDir)) : skipped(appReady.reason)

  console.log('bundling the fast .xlsx reader for Node and Chromium …')
  const fastBundle = await attempt('fast reader bundle', async () => ok(await bundleFastXlsx(ROOT, OUT_DIR)))
  const server = await startStaticServer({ distDir: appDir, mounts: { '/__bench/files/': OUT_DIR } })
  let baseline = skipped(`${BASELINE_SIZE} not in BENCH_SIZES`)
  let baselineServer = null
  if (sizes.some((s) => s.label === BASELINE_SIZE)) {
    console.log(`building the app as of ${IMPORT_BASELINE_COMMIT} (before the fast reader) …`)
    baseline = await attempt('baseline build', async () => {
      const dist = await buildBaselineApp(ROOT, IMPORT_BASELINE_COMMIT, join(OUT_DIR, 'baseline-app'))
      baselineServer = await startStaticServer({ distDir: dist, mounts: { '/__bench/files/': OUT_DIR } })
      return ok({ base: baselineServer.base, commit: IMPORT_BASELINE_COMMIT })
    })
  }
  let browser = null
  let browserError = null
  try {
    browser = await launchBrowser()
    results.machine.chromium = browser.version()
  } catch (err) {
    browserError = { status: 'error', error: `Chromium did not start: ${describeError(err)}` }
    results.harnessErrors.push(browserError.error)
  }
  try {
    for (const size of sizes) results.sizes.push(await measureSize(size, { base: server.base, browser, browserError, appReady, fastBundle, baseline }))
  } finally {
    await browser?.close().catch(() => {})
    await server.close()
    await baselineServer?.close()
  }

  for (const name of ['assess', 'export', 'overview', 'merge']) {
    console.log(`\n[vitest] bench/${name}.measure.ts`)
    results.vitest[name] = await attempt(`vitest ${name}`, () => runVitestMeasure(ROOT, name))
  }

  results.durationMs = Date.now() - started.getTime()
  results.machine.loadAverageAtEnd = os.loadavg()
  results.budgets = evaluateBudgets(results)
  writeFileSync(join(OUT_DIR, 'results.json'), JSON.stringify(results, null, 2))
  mkdirSync(join(ROOT, 'docs'), { recursive: true })
  writeFileSync(join(ROOT, 'docs', 'benchmarks.md'), renderMarkdown(results))
  console.log(renderSummary(results))
  console.log('\nwrote docs/benchmarks.md and bench/out/results.json')
}

main().then(
  () => process.exit(0),
  (err) => {
    // Only a broken harness gets here: every measurement catches its own failures.
    console.error(`bench harness failed: ${err?.stack ?? err}`)
    process.exit(1)
  },
)
