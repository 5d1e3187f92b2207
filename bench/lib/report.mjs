// Turns the collected results into docs/benchmarks.md and a short stdout summary.
import { INITIAL_JS_BUDGET } from './bundle-size.mjs'
import { findRates } from './vitest-measures.mjs'

const EDIT_P95_LIMIT_MS = 30
const IMPORT_RATIO_LIMIT = 1.3
const ASSESS_RATE_LIMIT = 300_000
/** Issue 13: the whole-row figure does not drop against the engine before it (same run, interleaved). */
const WHOLE_ROW_VS_BEFORE_13_LIMIT = 1.0
// Issue 19 (fast .xlsx read path). "Today's" file → grid painted at 10k is the build of the commit
// before the fast reader (bench/lib/baseline-app.mjs), timed in the same run on the same file.
const FAST_READ_RATIO_LIMIT = 0.35
const IMPORT_10K_SPEEDUP_LIMIT = 0.6
const IMPORT_100K_SOFFICE_LIMIT = 1.0

const num = (n, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
export const formatMs = (ms) => (ms === null || ms === undefined ? '—' : ms >= 10_000 ? `${num(ms / 1000, 1)} s` : ms >= 100 ? `${num(ms)} ms` : `${num(ms, 1)} ms`)
/** The overview's chart chunk (gzip bytes) and the 10k overview's figures (ms), issue 15's budgets. */
const CHART_CHUNK_BUDGET = 250_000
const OVERVIEW_10K_LIMIT_MS = 500
/** Planning a merge of 20 returned copies against a 1,000-row master (issue 14). */
const MERGE_20X1000_LIMIT_MS = 1000
const formatKb = (bytes) => `${num(bytes / 1000, 1)} kB`
const formatRatio = (r) => `${num(r, 2)}×`
const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ')

/** The text of a non-ok outcome: why it was not measured. */
const whyNot = (o) => {
  if (!o) return 'not run'
  if (o.status === 'unavailable') return `not available yet: ${o.reason}`
  if (o.status === 'skipped') return `skipped: ${o.reason}`
  if (o.status === 'error') return `error: ${o.error}`
  return ''
}
const isOk = (o) => o?.status === 'ok'
const sizeByLabel = (results, label) => results.sizes.find((s) => s.label === label)

/** PASS / FAIL / not measured, with the measured figure, for each budget from the issues. */
export function evaluateBudgets(results) {
  const budgets = []
  const add = (name, limit, measured, pass, missing) =>
    budgets.push({ name, limit, measured: missing ?? measured, result: missing ? 'not measured' : pass ? 'PASS' : 'FAIL' })

  const s10 = sizeByLabel(results, '10k')
  if (!s10) add('10k import ≤ 1.3 × SheetJS read', '1.30×', null, false, 'not run (10k not in BENCH_SIZES)')
  else if (!isOk(s10.import) || !isOk(s10.sheetjs)) add('10k import ≤ 1.3 × SheetJS read', '1.30×', null, false, whyNot(isOk(s10.import) ? s10.sheetjs : s10.import))
  else {
    const ratio = s10.import.median / s10.sheetjs.median
    add('10k import ≤ 1.3 × SheetJS read', '1.30×', `${formatRatio(ratio)} (${formatMs(s10.import.median)} vs ${formatMs(s10.sheetjs.median)})`, ratio <= IMPORT_RATIO_LIMIT)
  }

  const ratioBudget = (name, limitText, a, b, limit, missing) => {
    if (missing) return add(name, limitText, null, false, missing)
    if (!isOk(a) || !isOk(b)) return add(name, limitText, null, false, whyNot(isOk(a) ? b : a))
    const ratio = a.median / b.median
    add(name, limitText, `${formatRatio(ratio)} (${formatMs(a.median)} vs ${formatMs(b.median)})`, ratio <= limit)
  }
  const s100 = sizeByLabel(results, '100k')
  ratioBudget('10k fast .xlsx read ≤ 0.35 × SheetJS read (Chromium)', '0.35×', s10?.fastBrowser, s10?.sheetjs, FAST_READ_RATIO_LIMIT, s10 ? null : 'not run (10k not in BENCH_SIZES)')
  ratioBudget(`10k file → grid painted ≤ 0.6 × the build before the fast reader (${s10?.importBaseline?.commit ?? 'b89517b'}), same run`, '0.60×', s10?.import, s10?.importBaseline, IMPORT_10K_SPEEDUP_LIMIT, s10 ? null : 'not run (10k not in BENCH_SIZES)')
  ratioBudget('100k file → grid painted ≤ 1.0 × soffice csv conversion', '1.00×', s100?.import, s100?.soffice, IMPORT_100K_SOFFICE_LIMIT, s100 ? null : 'not run (100k not in BENCH_SIZES)')

  if (!isOk(results.bundle)) add('initial JS ≤ 350 kB gzip', formatKb(INITIAL_JS_BUDGET), null, false, whyNot(results.bundle))
  else add('initial JS ≤ 350 kB gzip', formatKb(INITIAL_JS_BUDGET), formatKb(results.bundle.initialGzip), results.bundle.pass)

  // The overview's charts (ECharts) load in their own chunk with the view: its own budget.
  const charts = isOk(results.bundle) ? results.bundle.lazyFiles.find((f) => /(^|\/)charts-[^/]*\.js$/.test(f.file)) : null
  if (!isOk(results.bundle)) add('overview chart chunk ≤ 250 kB gzip', formatKb(CHART_CHUNK_BUDGET), null, false, whyNot(results.bundle))
  else if (!charts) add('overview chart chunk ≤ 250 kB gzip', formatKb(CHART_CHUNK_BUDGET), null, false, 'no charts-*.js chunk in dist/')
  else add('overview chart chunk ≤ 250 kB gzip', formatKb(CHART_CHUNK_BUDGET), formatKb(charts.gzip), charts.gzip <= CHART_CHUNK_BUDGET)
  const drawn = s10?.overview
  if (!drawn) add('10k overview opened → charts drawn ≤ 500 ms (Chromium)', '500 ms', null, false, 'not run (10k not in BENCH_SIZES)')
  else if (!isOk(drawn)) add('10k overview opened → charts drawn ≤ 500 ms (Chromium)', '500 ms', null, false, whyNot(drawn))
  else add('10k overview opened → charts drawn ≤ 500 ms (Chromium)', '500 ms', formatMs(drawn.median), drawn.median <= OVERVIEW_10K_LIMIT_MS)
  const overview = results.vitest?.overview
  if (!isOk(overview)) add('overview of 10k rows ≤ 500 ms (figures, 汇总 table, bulletins; Node)', '500 ms', null, false, whyNot(overview))
  else add('overview of 10k rows ≤ 500 ms (figures, 汇总 table, bulletins; Node)', '500 ms', formatMs(overview.data.overviewWithSummaryAndBulletins10kMs), overview.data.overviewWithSummaryAndBulletins10kMs <= OVERVIEW_10K_LIMIT_MS)

  const merge = results.vitest?.merge
  for (const [label, key] of [['slices of 50 rows', 'slices'], ['whole lists returned', 'wholeLists']]) {
    const name = `merge plan, 20 copies × 1,000-row master (${label}; Node) ≤ 1 s`
    if (!isOk(merge)) add(name, '1,000 ms', null, false, whyNot(merge))
    else add(name, '1,000 ms', formatMs(merge.data[key].medianMs), merge.data[key].medianMs <= MERGE_20X1000_LIMIT_MS)
  }

  const e1 = sizeByLabel(results, '1k')?.edit
  const e100 = sizeByLabel(results, '100k')?.edit
  if (!e100) add('edit → saved p95 ≤ 30 ms (100k)', '30 ms', null, false, 'not run (100k not in BENCH_SIZES)')
  else if (!isOk(e100)) add('edit → saved p95 ≤ 30 ms (100k)', '30 ms', null, false, whyNot(e100))
  else add('edit → saved p95 ≤ 30 ms (100k)', '30 ms', formatMs(e100.p95), e100.p95 <= EDIT_P95_LIMIT_MS)
  if (!e1 || !e100) add('edit p95 100k ≤ 2 × 1k', '2.00×', null, false, 'needs both 1k and 100k in BENCH_SIZES')
  else if (!isOk(e1) || !isOk(e100)) add('edit p95 100k ≤ 2 × 1k', '2.00×', null, false, whyNot(isOk(e1) ? e100 : e1))
  else {
    // A near-zero 1k figure would make any 100k figure "fail"; 1 ms is the floor of what is resolvable.
    const ratio = e100.p95 / Math.max(e1.p95, 1)
    add('edit p95 100k ≤ 2 × 1k', '2.00×', `${formatRatio(ratio)} (${formatMs(e100.p95)} vs ${formatMs(e1.p95)})`, ratio <= 2)
  }

  const assess = results.vitest?.assess
  if (!isOk(assess)) add('assess ≥ 300,000 schedule cells/s', '300,000 cells/s', null, false, whyNot(assess))
  else {
    // The measure's headline figure when it names one; otherwise the slowest rate it reports.
    const rates = findRates(assess.data)
    // scheduleCellsPerSecond: issue 4's figure (schedule cells through assessTask, first reads).
    const headline = ['scheduleCellsPerSecond', 'assessCellsPerSecond', 'cellsPerSecond'].map((k) => rates.find((r) => r.path === k)).find(Boolean)
    if (rates.length === 0) add('assess ≥ 300,000 schedule cells/s', '300,000 cells/s', null, false, 'bench/out/assess.json has no cells-per-second figure')
    else {
      const pick = headline ?? rates.reduce((a, b) => (b.value < a.value ? b : a))
      const others = rates.filter((r) => r !== pick).map((r) => `${r.path} ${num(r.value)}`).join(', ')
      add('assess ≥ 300,000 schedule cells/s', '300,000 cells/s', `${num(pick.value)} cells/s (${pick.path}${others ? `; also ${others}` : ''})`, pick.value >= ASSESS_RATE_LIMIT)
    }
  }
  wholeRowVersusBefore13(assess, add)
  return budgets
}

/** Issue 13's budget: bench/lib/engine-compare.mjs's ratio, as bench/assess.measure.ts recorded it. */
function wholeRowVersusBefore13(assess, add) {
  const name = 'whole-row figure vs the engine before #13, same run: ratio ≥ 1.00'
  const c = isOk(assess) ? assess.data.versusBeforeIssue13 : null
  if (!isOk(assess)) return add(name, formatRatio(WHOLE_ROW_VS_BEFORE_13_LIMIT), null, false, whyNot(assess))
  if (!c || typeof c.ratio !== 'number') return add(name, formatRatio(WHOLE_ROW_VS_BEFORE_13_LIMIT), null, false, c?.error ? `error: ${c.error}` : 'not in bench/out/assess.json')
  const cpu = typeof c.cpuRatio === 'number' ? `, CPU time ${formatRatio(c.cpuRatio)}` : ''
  // Reasons are made when read (core/lazyReasons.ts): the figure with every reason read is shown too.
  const read = c.everyReasonRead && typeof c.everyReasonRead.ratio === 'number'
    ? `; with every reason read in the pass ${formatRatio(c.everyReasonRead.ratio)}` : ''
  const measured = `${formatRatio(c.ratio)} (${num(c.nowRowsPerSecond)} vs ${num(c.beforeRowsPerSecond)} rows/s, ${c.commit}; median of ${c.rounds} interleaved rounds${cpu}${read})`
  add(name, formatRatio(WHOLE_ROW_VS_BEFORE_13_LIMIT), measured, c.ratio >= WHOLE_ROW_VS_BEFORE_13_LIMIT)
}

const runsText = (o) => (isOk(o) && o.samples ? o.samples.map((s) => num(s)).join(', ') : '')

/** Rows (measure, value, runs, note) for one size's table. */
function sizeRows(size) {
  const rows = []
  const timed = (name, o, note = '') => rows.push([name, isOk(o) ? formatMs(o.median) : whyNot(o), runsText(o), note])
  const importNote = isOk(size.import)
    ? [
        size.import.confirmations ? `${size.import.confirmations} confirmation(s) clicked, their wait (median ${formatMs(size.import.confirmWaitMs)}) subtracted` : 'the app asked for no confirmation',
        size.import.note ?? '',
      ].filter(Boolean).join('; ')
    : ''
  timed('file → grid painted (Jindu)', size.import, importNote)
  if (size.importBaseline) timed(`file → grid painted, build of ${size.importBaseline.commit ?? 'b89517b'} (before the fast reader)`, size.importBaseline, 'same file, same browser, right after the runs above')
  timed('SheetJS read + sheet_to_json, same browser', size.sheetjs, isOk(size.sheetjs) ? `${num(size.sheetjs.rows)} sheet rows` : '')
  timed('soffice --convert-to csv (wall)', size.soffice, 'process start included')
  timed('fast .xlsx reader, same browser', size.fastBrowser, isOk(size.fastBrowser) ? `${num(size.fastBrowser.rows)} sheet rows; src/io/read/fastXlsx alone` : '')
  timed('fast .xlsx reader, Node', size.fastNode, isOk(size.fastNode) ? `SheetJS path (readSpreadsheet) in the same process: ${formatMs(size.fastNode.sheetjsMedian)}` : '')
  const ratio = (a, b) => (isOk(a) && isOk(b) ? formatRatio(a.median / b.median) : '—')
  rows.push(['ratio Jindu / SheetJS', ratio(size.import, size.sheetjs), '', ''])
  if (size.importBaseline) rows.push(['ratio Jindu / build before the fast reader', ratio(size.import, size.importBaseline), '', ''])
  rows.push(['ratio Jindu / soffice', ratio(size.import, size.soffice), '', ''])
  rows.push(['ratio fast reader / SheetJS (Chromium)', ratio(size.fastBrowser, size.sheetjs), '', ''])
  rows.push(['ratio fast reader / SheetJS path (Node)', isOk(size.fastNode) ? formatRatio(size.fastNode.median / size.fastNode.sheetjsMedian) : '—', '', ''])
  if (size.edit) {
    rows.push([
      'cell edit: committed → saved, p50 / p95',
      isOk(size.edit) ? `${formatMs(size.edit.p50)} / ${formatMs(size.edit.p95)}` : whyNot(size.edit),
      isOk(size.edit) ? `${size.edit.edits} edits` : '',
      isOk(size.edit) ? `${(size.edit.commitKey ?? 'commit key').replace('ControlOrMeta', 'Ctrl')} keydown → saved p50 / p95: ${formatMs(size.edit.enterP50)} / ${formatMs(size.edit.enterP95)}; column ${size.edit.column}${size.edit.misses ? `; ${size.edit.misses} edits missed` : ''}${size.edit.note ? `; ${size.edit.note}` : ''}` : '',
    ])
  }
  if (size.export) {
    timed('export xlsx: export-start → export-done', size.export, isOk(size.export) ? `${size.export.fileName ?? ''}${size.export.downloadBytes ? `, ${num(size.export.downloadBytes / 1e6, 2)} MB` : ''}` : '')
  }
  if (size.overview) timed('overview: 总览 clicked → both charts drawn', size.overview, 'the app\'s jindu:overview-drawn marks')
  if (size.scroll) {
    rows.push([
      'scroll: p95 / worst frame',
      isOk(size.scroll) ? `${formatMs(size.scroll.p95)} / ${formatMs(size.scroll.worst)}` : whyNot(size.scroll),
      isOk(size.scroll) ? `${size.scroll.frames} frames` : '',
      isOk(size.scroll) ? `${size.scroll.longFrames} frames > 50 ms, ${size.scroll.blankFrames} blank; step ${size.scroll.stepPx} px of ${num(size.scroll.scrollHeightPx)} px in .${size.scroll.scroller}` : '',
    ])
  }
  return rows
}

const table = (head, rows) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n')

export function renderMarkdown(results) {
  const m = results.machine
  const out = []
  out.push('# Benchmarks', '')
  out.push(`Written by \`npm run bench\` (bench/run.mjs) on ${results.startedAt} in ${formatMs(results.durationMs)}. Benchmarks are not tests: a step that fails is recorded here and the run goes on.`, '')
  out.push('## Machine', '')
  out.push(table(['', ''], [
    ['OS', m.os], ['CPU', `${m.cpu} × ${m.cores}`], ['memory', `${num(m.memoryGb, 1)} GB`], ['Node', m.node], ['Chromium', m.chromium ?? '—'],
    // Other processes on the machine skew every figure; the load average shows whether it was idle.
    ['load average (1/5/15 min)', `${m.loadAverage.map((l) => num(l, 2)).join(' / ')} at start, ${(m.loadAverageAtEnd ?? []).map((l) => num(l, 2)).join(' / ')} at end`],
    ['sizes / runs', results.config.sizes.map((s) => `${s.label} × ${s.runs}`).join(', ')],
    ['build', isOk(results.build) ? (results.build.built ? `vite build ran (${formatMs(results.build.ms)})` : 'dist/ was up to date') : whyNot(results.build)],
  ]), '')
  out.push('## Budgets', '')
  out.push(table(['budget', 'limit', 'measured', 'result'], results.budgets.map((b) => [b.name, b.limit, b.measured, b.result])), '')
  for (const size of results.sizes) {
    out.push(`## ${size.label} rows`, '')
    out.push(size.file ? `Workbook \`bench/out/${size.file.name}\`: ${num(size.rows)} tasks, ${num(size.file.bytes / 1e6, 2)} MB, medians of ${size.runs} runs.` : `Workbook: ${whyNot(size.fileError)}`, '')
    out.push(table(['measure', 'median', 'runs (ms)', 'notes'], sizeRows(size)), '')
  }
  out.push('## Bundle', '')
  if (isOk(results.bundle)) {
    const b = results.bundle
    out.push(`Initial JS (module scripts and modulepreloads of dist/index.html, plus their static imports): **${formatKb(b.initialGzip)} gzip** — ${b.pass ? 'PASS' : 'OVER'} (budget ${formatKb(b.budget)}).`, '')
    out.push(table(['initial file', 'bytes', 'gzip'], b.initialFiles.map((f) => [f.file, num(f.bytes), formatKb(f.gzip)])), '')
    out.push(b.lazyFiles.length ? table(['lazy chunk', 'bytes', 'gzip'], b.lazyFiles.map((f) => [f.file, num(f.bytes), formatKb(f.gzip)])) : 'No lazy chunks.', '')
    if (b.serviceWorkerFiles.length) out.push(`Service worker files, not counted: ${b.serviceWorkerFiles.map((f) => `${f.file} (${formatKb(f.gzip)} gzip)`).join(', ')}.`, '')
  } else out.push(whyNot(results.bundle), '')
  out.push('## Node-side measures (vitest)', '')
  for (const [name, o] of Object.entries(results.vitest ?? {})) {
    out.push(`### ${name}`, '')
    if (isOk(o)) out.push(`From bench/${name}.measure.ts → bench/out/${name}.json (ran in ${formatMs(o.ms)}):`, '', '```json', JSON.stringify(o.data, null, 2).slice(0, 6000), '```', '')
    else out.push(whyNot(o), '')
  }
  if (results.harnessErrors.length) out.push('## Harness errors', '', ...results.harnessErrors.map((e) => `- ${e}`), '')
  out.push('## What is measured', '')
  out.push(
    '- **file → grid painted**: `setInputFiles` on `input[data-testid="file-input"]` in a fresh browser profile (empty IndexedDB, service workers blocked); the time between the app\'s `jindu:import-start` and `jindu:grid-painted` marks, minus `jindu:import-confirmed − jindu:import-confirm-shown` when the app asks for a confirmation (the harness clicks `[data-testid="import-confirm"]`).',
    '- **build before the fast reader**: the sources of commit b89517b (`git archive`, built with the current `node_modules` into bench/out/baseline-app/), served like dist/ and timed on the 10k file exactly like the app, right after it: the figure issue 19 calls "today\'s", measured on this machine in this run.',
    '- **SheetJS**: the standalone `xlsx.full.min.js` of the installed `@e965/xlsx` in a blank page on the same server; `XLSX.read(bytes, { type: "array" })` + `sheet_to_json(first sheet, { header: 1 })`, bytes fetched before the clock starts.',
    '- **fast .xlsx reader**: `readXlsxFast` of src/io/read/fastXlsx (bundled with fflate and SheetJS\'s SSF into bench/out/fastxlsx/), in a blank page of the same browser (fresh context per run, bytes fetched before the clock) and in Node (one warm-up, then alternating with `readSpreadsheet`, the SheetJS path it replaces).',
    '- **soffice**: wall time of `soffice --headless --convert-to csv` with a private `-env:UserInstallation` profile, after one untimed warm-up conversion.',
    '- **cell edit**: in a session of its own, in a fresh browser profile on disk (a clerk\'s browser keeps IndexedDB in files; the other steps\' off-the-record contexts keep it in memory), the list is imported (untimed), then 30 edits (rows 1–8 of a text column): double-click (or F2), replace the text, commit with Ctrl+Enter (else Enter, else Tab: the first that makes the app mark a commit). Budgeted figure: `jindu:edit-committed` → the next `jindu:saved` (IndexedDB write durable); also shown: the commit keydown → `jindu:saved`.',
    '- **export**: `[data-testid="export-button"]` then `[data-testid="export-confirm"]` (xlsx default) on the imported 10k list; `jindu:export-start` → `jindu:export-done`, download awaited.',
    '- **scroll**: the grid\'s vertical scroller (the rows\' nearest scrollable ancestor: `.ag-grid-viewport` in AG Grid 36) moved by half a view per animation frame over the 10k list; frame intervals from `requestAnimationFrame`, and frames whose view centre has no rendered row counted as blank.',
    '- **bundle**: gzip level 9 with node:zlib; the service worker and workbox files are not counted.',
    '',
  )
  out.push('## How to reproduce', '')
  out.push(
    '```sh',
    'npm run bench                                # 1k, 10k, 100k; 5/5/3 runs',
    'BENCH_SIZES=1k,10k BENCH_RUNS=3 npm run bench  # fewer sizes or runs',
    'node bench/generate.mjs                      # only (re)generate the workbooks in bench/out/',
    '```',
    '',
    'The workbooks are deterministic (seeded PRNG) and cached in bench/out/ by generator version. dist/ is rebuilt with `npx vite build` when older than src/. Raw figures: bench/out/results.json. Details: bench/README.md.',
    '',
  )
  return out.join('\n')
}

export function renderSummary(results) {
  const lines = ['', '== Jindu bench summary ==']
  for (const size of results.sizes) {
    lines.push(`-- ${size.label}`)
    for (const [name, value, , note] of sizeRows(size)) lines.push(`   ${name.padEnd(44)} ${value}${note && value !== '—' ? `  (${note})` : ''}`)
  }
  lines.push(`-- bundle: ${isOk(results.bundle) ? `initial JS ${formatKb(results.bundle.initialGzip)} gzip, ${results.bundle.pass ? 'PASS' : 'OVER'}` : whyNot(results.bundle)}`)
  lines.push('-- budgets')
  for (const b of results.budgets) lines.push(`   ${b.result.padEnd(12)} ${b.name}: ${b.measured}`)
  return lines.join('\n')
}
