// Cell edit → saved, two builds side by side: the bench's own import and 30-edit step, alternated
// in one browser so both see the same machine load. For work on the edit path, not part of `npm run bench`.
//
//   node bench/lib/edit-ab.mjs A=/path/to/dist B=/path/to/other/dist [--sizes=1k,100k] [--rounds=3] [--edits=30] [--profile=dir] [--trace=dir]
//
// Each round imports the list afresh in each build (the order swapped every round) and times 30
// edits; p50 / p95 per round and over all the edits of a build are printed. With --profile, a
// Chromium CPU profile of each build's 30 edits is written to dir (open it in DevTools); with --trace, a performance trace.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ensureWorkbook } from '../generate.mjs'
import { launchBrowser, openApp } from './browser.mjs'
import { measureCellEdits } from './cell-edit.mjs'
import { importInto } from './grid-import.mjs'
import { startStaticServer } from './server.mjs'
import { ALL_SIZES } from './sizes.mjs'
import { percentile } from './stats.mjs'

const args = process.argv.slice(2)
const builds = args.filter((a) => /^[^-][^=]*=/.test(a)).map((a) => { const [label, dir] = a.split('='); return { label, dir } })
const option = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback
const sizes = option('sizes', '1k,100k').split(',')
const rounds = Number(option('rounds', '3'))
// More edits than the bench's 30 show what recurs (a storage stall every so many writes).
const edits = Number(option('edits', '30'))
const waitMs = Number(option('wait', '0'))
// --disk: each session in a fresh profile on disk (as a clerk's browser) instead of an off-the-record one (IndexedDB in memory).
const onDisk = args.includes('--disk')
const profileDir = option('profile', null)
const traceDir = option('trace', null)
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8', 'v8.execute', 'disabled-by-default-v8.gc', 'toplevel', 'IndexedDB', 'disabled-by-default-v8.cpu_profiler', 'leveldb', 'sql', 'disabled-by-default-sql', 'disabled-by-default-leveldb', 'base']
if (builds.length === 0) throw new Error('usage: node bench/lib/edit-ab.mjs A=dist B=dist2 [--sizes=1k,100k] [--rounds=3] [--profile=dir]')

const browser = await launchBrowser()
for (const b of builds) b.server = await startStaticServer({ distDir: b.dir, mounts: { '/__bench/files/': join(import.meta.dirname, '..', 'out') } })
const fmt = (v) => (v == null ? '-' : v.toFixed(1).padStart(5))

try {
  for (const label of sizes) {
    const rows = ALL_SIZES.find((s) => s.label === label).rows
    const file = ensureWorkbook({ label, rows })
    const all = Object.fromEntries(builds.map((b) => [b.label, []]))
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 ? [...builds].reverse() : builds
      for (const b of order) {
        const session = await openApp(browser, b.server.base, { onDisk })
        try {
          await importInto(session, file.path, file.firstTask.slice(0, 12), Math.max(60_000, rows * 9))
          let cdp = null
          if (profileDir) {
            cdp = await session.context.newCDPSession(session.page)
            await cdp.send('Profiler.enable')
            await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
          }
          // The profiler starts after the import has settled: measureCellEdits waits for its save.
          const traceOrProfile = cdp ? () => cdp.send('Profiler.start') : traceDir ? () => browser.startTracing(session.page, { categories: TRACE_CATEGORIES }) : undefined
          // --wait: a pause before the first edit, to tell a stall that follows the import in time from one that follows it in writes.
          const start = waitMs > 0 ? async () => { await new Promise((r) => setTimeout(r, waitMs)); await traceOrProfile?.() } : traceOrProfile
          const edit = await measureCellEdits(session, edits, rows >= 100_000 ? 120_000 : 10_000, start)
          if (traceDir) {
            mkdirSync(traceDir, { recursive: true })
            writeFileSync(join(traceDir, `${label}-${b.label}-r${round}.json`), await browser.stopTracing())
          }
          if (cdp) {
            const { profile } = await cdp.send('Profiler.stop')
            mkdirSync(profileDir, { recursive: true })
            writeFileSync(join(profileDir, `${label}-${b.label}-r${round}.cpuprofile`), JSON.stringify(profile))
          }
          if (edit.status !== 'ok') { console.log(`${label} ${b.label} round ${round}: ${edit.status} ${edit.reason ?? ''}`); continue }
          all[b.label].push(...edit.samples)
          console.log(`${label} ${b.label} r${round}: p50 ${fmt(edit.p50)} p95 ${fmt(edit.p95)} | ${edit.samples.map((s) => Math.round(s)).join(' ')}`)
        } finally {
          await session.context.close()
        }
      }
    }
    for (const b of builds) {
      const s = all[b.label]
      console.log(`== ${label} ${b.label}: ${s.length} edits, p50 ${fmt(percentile(s, 50))} p95 ${fmt(percentile(s, 95))} max ${fmt(Math.max(...s))}`)
    }
  }
} finally {
  await browser.close()
  for (const b of builds) await b.server.close()
}
