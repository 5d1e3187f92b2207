// The fuzz harness: `readWorkbook` on corpus cases in worker threads, each with a heap cap and a time limit.
// `npm run fuzz [count]` runs 10,000 and writes docs/reliability.md; the unit suite runs a few hundred.
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { corpus } from './corpus.mjs'

export const TIME_LIMIT_MS = 2000
export const HEAP_LIMIT_MB = 300
const HARD_STOP_MS = 10_000

/** readWorkbook bundled to one ES module (TS sources, SheetJS, fflate), loaded by every worker. */
export function bundleReader() {
  const dir = join(os.tmpdir(), `jindu-fuzz-${process.pid}`)
  mkdirSync(dir, { recursive: true })
  const file = join(dir, 'read.mjs')
  execFileSync('npx', ['rolldown', 'src/io/read/readWorkbook.ts', '-o', file, '-f', 'esm', '-p', 'node'], { stdio: 'pipe' })
  return file
}

const WORKER_SOURCE = `
import { parentPort, workerData } from 'node:worker_threads'
import v8 from 'node:v8'
import vm from 'node:vm'
v8.setFlagsFromString('--expose_gc')
const gc = vm.runInNewContext('gc')
const { readWorkbook } = await import(workerData.reader)
// The app starts its import worker ahead of the file (prewarmImportWorker); one tiny read here does the like,
// so the first case is not charged for compiling the reader.
await readWorkbook(new TextEncoder().encode('序号,工作事项\\r\\n1,任务'), 'warm.csv').catch(() => {})
parentPort.on('message', async ({ id, bytes, name }) => {
  gc()
  const t0 = performance.now()
  let result
  try {
    const wb = await readWorkbook(bytes, name)
    result = { outcome: 'accepted', sheets: wb.sheets.length }
  } catch (e) {
    result = e && e.name === 'ImportError' ? { outcome: 'refused', code: e.code } : { outcome: 'uncaught', error: String(e && e.stack || e).slice(0, 300) }
  }
  const heap = v8.getHeapStatistics()
  parentPort.postMessage({ id, ms: performance.now() - t0, heapMb: heap.total_heap_size / 1048576, ...result })
})
parentPort.postMessage({ ready: true })
`

function startWorker(reader) {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true, workerData: { reader },
    resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB, maxYoungGenerationSizeMb: 32 },
  })
  return new Promise((resolve, reject) => {
    worker.once('message', () => resolve(worker))
    worker.once('error', reject)
  })
}

/** Runs the cases on `threads` workers; a worker that dies (heap) or overruns is replaced. */
export async function runCases(cases, { threads = 1, reader = bundleReader(), onResult } = {}) {
  const results = []
  const queue = [...cases]
  async function lane() {
    let worker = await startWorker(reader)
    while (queue.length) {
      const c = queue.shift()
      const t0 = performance.now()
      const r = await new Promise((resolve) => {
        const timer = setTimeout(() => resolve({ outcome: 'over-time', ms: HARD_STOP_MS }), HARD_STOP_MS)
        const done = (value) => { clearTimeout(timer); worker.off('message', onMessage); worker.off('error', onError); resolve(value) }
        const onMessage = (m) => { if (m.id === c.id) done(m) }
        const onError = (e) => done({ outcome: 'uncaught', error: `worker died: ${e.code ?? e.message}`, ms: performance.now() - t0 })
        worker.on('message', onMessage)
        worker.once('error', onError)
        worker.postMessage({ id: c.id, bytes: c.bytes, name: `${c.name}.${c.ext}` })
      })
      const result = { id: c.id, name: c.name, bytes: c.bytes.length, ...r }
      results.push(result)
      onResult?.(result)
      if (r.outcome === 'over-time' || (r.outcome === 'uncaught' && String(r.error).startsWith('worker died'))) {
        await worker.terminate()
        worker = await startWorker(reader)
      }
    }
    await worker.terminate()
  }
  await Promise.all(Array.from({ length: threads }, lane))
  return results.sort((a, b) => a.id - b.id)
}

export function summarise(results) {
  const refused = {}
  for (const r of results) if (r.outcome === 'refused') refused[r.code] = (refused[r.code] ?? 0) + 1
  return {
    inputs: results.length,
    accepted: results.filter((r) => r.outcome === 'accepted').length,
    refused,
    uncaught: results.filter((r) => r.outcome === 'uncaught' || r.outcome === 'over-time'),
    over2s: results.filter((r) => r.ms > TIME_LIMIT_MS),
    peakHeapMb: Math.max(0, ...results.map((r) => r.heapMb ?? 0)),
    slowest: [...results].sort((a, b) => b.ms - a.ms).slice(0, 5),
  }
}

function report(s, seconds) {
  const line = (r) => `| ${r.name} | ${r.bytes.toLocaleString('en-US')} | ${r.outcome}${r.code ? ` (${r.code})` : ''} | ${Math.round(r.ms)} |`
  return `# Import reliability (fuzz)

Written by \`npm run fuzz\` (test/fuzz/run.mjs) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus().length} CPU(s),
${Math.round(seconds)} s, load average ${os.loadavg()[0].toFixed(1)} at the end (times are wall-clock, so a loaded machine stretches them).
The limits the refusals apply are in src/io/read/readLimits.ts.
Every input goes through \`readWorkbook\` in a worker thread capped at ${HEAP_LIMIT_MB} MB of heap; the named
attacks of issue 18 come first, then seeds (real fixtures, generated .xlsx/.ods/.csv/HTML) mutated by byte
flips, truncation, spliced junk, zip entries removed/duplicated/altered, far cells, huge repeats and spans,
entity declarations, deep nesting and invalid encodings.

| Figure | Value |
|---|---|
| Inputs | ${s.inputs.toLocaleString('en-US')} |
| Accepted | ${s.accepted.toLocaleString('en-US')} |
| Refused, by code | ${Object.entries(s.refused).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')} |
| Uncaught (not an ImportError, worker died, or past ${HARD_STOP_MS / 1000} s) | ${s.uncaught.length} |
| Over 2 s | ${s.over2s.length} |
| Peak heap per input (V8 total heap after the read, after a GC before it) | ${s.peakHeapMb.toFixed(0)} MB |

Slowest inputs:

| Input | Bytes | Outcome | ms |
|---|---|---|---|
${s.slowest.map(line).join('\n')}
${s.uncaught.length || s.over2s.length ? `\nFailures:\n\n| Input | Bytes | Outcome | ms |\n|---|---|---|---|\n${[...new Set([...s.uncaught, ...s.over2s])].map(line).join('\n')}\n` : ''}`
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop())) {
  const count = Number(process.argv[2] ?? 10_000)
  const t0 = performance.now()
  let n = 0
  const results = await runCases([...corpus(count)], {
    threads: Number(process.env.FUZZ_THREADS ?? 2),
    onResult: (r) => { if (++n % 500 === 0) console.log(`${n}/${count}`); if (r.outcome === 'uncaught' || r.ms > TIME_LIMIT_MS) console.log('FAIL', r.name, r.outcome, Math.round(r.ms), r.error ?? '') },
  })
  const s = summarise(results)
  const out = process.env.FUZZ_OUT ?? 'docs/reliability.md'
  writeFileSync(out, report(s, (performance.now() - t0) / 1000))
  console.log(`inputs ${s.inputs}, accepted ${s.accepted}, refused ${JSON.stringify(s.refused)}, uncaught ${s.uncaught.length}, over 2 s ${s.over2s.length}, peak heap ${s.peakHeapMb.toFixed(0)} MB -> ${out}`)
  process.exit(s.uncaught.length || s.over2s.length ? 1 : 0)
}
