// Today's engine against the engine before issue 13 (commit a99b4ce), in one process, on the same
// rows, interleaved: the machine is shared, and only figures taken side by side are comparable.
// `node bench/lib/engine-compare.mjs` prints the figures; `--json` prints them as JSON (what
// bench/assess.measure.ts reads); `--parts` adds the fixture and generated rows on their own.
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'vite'

/** The last commit before issue 13 (rules §5 read sentence by sentence, amounts, shortfalls). */
export const BEFORE_COMMIT = 'a99b4ce'
const GENERATED_ROWS = 5000

/** Bundles one `src/core/assess.ts` (or any entry) as the app ships it: Vite, minified, one module. */
async function bundle(entry, outDir, minify = true) {
  await build({
    configFile: false, logLevel: 'warn',
    build: { ssr: entry, outDir, emptyOutDir: true, minify, rollupOptions: { output: { format: 'es', entryFileNames: 'out.mjs' } } },
  })
  return await import(`${pathToFileURL(join(outDir, 'out.mjs')).href}?t=${Date.now()}`)
}

/** Both engines and the rows module, built under bench/out/compare. */
export async function buildEngines(root) {
  const out = join(root, 'bench', 'out', 'compare')
  const beforeSrc = join(out, 'before-src')
  rmSync(beforeSrc, { recursive: true, force: true })
  mkdirSync(beforeSrc, { recursive: true })
  // The old src/core from git, no worktree: src/core imports nothing outside itself.
  const tar = execFileSync('git', ['-C', root, 'archive', BEFORE_COMMIT, 'src/core'], { maxBuffer: 64 * 1024 * 1024 })
  execFileSync('tar', ['-x', '-C', beforeSrc], { input: tar })
  const before = await bundle(join(beforeSrc, 'src', 'core', 'assess.ts'), join(out, 'before'))
  const now = await bundle(join(root, 'src', 'core', 'assess.ts'), join(out, 'now'))
  const rows = await bundle(join(root, 'bench', 'lib', 'assess-rows.ts'), join(out, 'rows'), false)
  return { before, now, rows }
}

/**
 * One first-read pass (an import: nothing kept): rows per second of wall time, and of the
 * process's CPU time (which time spent waiting for a core on a busy machine does not inflate).
 */
function pass(engine, rows, readReasons) {
  engine.forgetReadings()
  let sink = 0
  const cpu = process.cpuUsage()
  const start = performance.now()
  if (readReasons) {
    // Every sentence read, as an export of every row's reasons would: today's engine makes them
    // when read (core/lazyReasons.ts), the engine before #13 made them all during the pass.
    for (const row of rows) {
      const a = engine.assessTask(row.fields, { year: row.year, asOf: row.asOf })
      for (const m of a.milestones) sink += m.reason.length + (m.reasons?.en.length ?? 0)
      sink += a.reasons?.zh.length ?? 0
    }
  } else for (const row of rows) sink += engine.assessTask(row.fields, { year: row.year, asOf: row.asOf }).milestones.length
  const seconds = (performance.now() - start) / 1000
  const used = process.cpuUsage(cpu)
  if (sink < 0) throw new Error('unreachable: keeps the work from being optimised away')
  return { wall: rows.length / seconds, cpu: rows.length / ((used.user + used.system) / 1e6) }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/**
 * Warm-up passes of each, then `rounds` rounds of one pass each, the order swapped every round.
 * The ratio is the median of the rounds' ratios (now / before): a round's two passes run under
 * the same load, so a busy moment on the machine moves both.
 */
export function compareOn(engines, rows, rounds = 21, warmup = 8, readReasons = false) {
  for (let i = 0; i < warmup; i++) { pass(engines.before, rows, readReasons); pass(engines.now, rows, readReasons) }
  const before = []
  const now = []
  const ratios = []
  const cpuRatios = []
  for (let r = 0; r < rounds; r++) {
    let b, n
    if (r % 2 === 0) { b = pass(engines.before, rows, readReasons); n = pass(engines.now, rows, readReasons) } else { n = pass(engines.now, rows, readReasons); b = pass(engines.before, rows, readReasons) }
    before.push(b.wall)
    now.push(n.wall)
    ratios.push(n.wall / b.wall)
    cpuRatios.push(n.cpu / b.cpu)
  }
  const round3 = (x) => Math.round(x * 1000) / 1000
  return {
    rows: rows.length, rounds, beforeRowsPerSecond: Math.round(median(before)), nowRowsPerSecond: Math.round(median(now)), ratio: round3(median(ratios)),
    // The same ratio from CPU time: steadier when other processes compete for the cores.
    cpuRatio: round3(median(cpuRatios)),
  }
}

/** The whole-row comparison of the bench: fixture rows and generated rows, first reads. */
export async function compareEngines(root, { rounds = 21, parts = false } = {}) {
  const engines = await buildEngines(root)
  const fixtures = engines.rows.loadFixtureRows(root)
  const generated = engines.rows.generateRows(GENERATED_ROWS)
  const all = [...fixtures, ...generated]
  const result = {
    commit: BEFORE_COMMIT, ...compareOn(engines, all, rounds),
    // The same rows with every reason read in the pass: not the budget figure (an import reads
    // none), shown beside it so the saving of making reasons on demand is not mistaken for a
    // faster reading of the cells.
    everyReasonRead: compareOn(engines, all, Math.max(5, Math.floor(rounds / 2)), 4, true),
  }
  if (parts) {
    result.fixtures = compareOn(engines, fixtures, rounds)
    result.generated = compareOn(engines, generated, rounds)
  }
  return result
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
  const args = process.argv.slice(2)
  const result = await compareEngines(root, { parts: args.includes('--parts'), rounds: Number(args.find((a) => /^\d+$/.test(a)) ?? 21) })
  if (args.includes('--json')) console.log(JSON.stringify(result))
  else {
    const line = (name, r) => `${name.padEnd(10)} ${String(r.rows).padStart(5)} rows: before #13 ${r.beforeRowsPerSecond.toLocaleString('en-US')} rows/s, now ${r.nowRowsPerSecond.toLocaleString('en-US')} rows/s, ratio ${r.ratio.toFixed(3)} (CPU time ${r.cpuRatio.toFixed(3)})`
    console.log(line('all', result))
    console.log(line('reasons', result.everyReasonRead))
    if (result.fixtures) console.log(line('fixtures', result.fixtures))
    if (result.generated) console.log(line('generated', result.generated))
  }
}
