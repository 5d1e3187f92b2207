// Runs the Node-side measurements (assess, export) other engineers own and reads their JSON.
import { execFile } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { NotAvailable, ok } from './outcome.mjs'

const run = promisify(execFile)

/**
 * `npx vitest run --config bench/vitest.bench.config.ts bench/<name>.measure.ts`, then
 * bench/out/<name>.json, which must be newer than the start of this run.
 */
export async function runVitestMeasure(root, name) {
  const config = join(root, 'bench', 'vitest.bench.config.ts')
  const file = join(root, 'bench', `${name}.measure.ts`)
  const output = join(root, 'bench', 'out', `${name}.json`)
  if (!existsSync(file)) throw new NotAvailable(`bench/${name}.measure.ts does not exist yet`)
  if (!existsSync(config)) throw new NotAvailable('bench/vitest.bench.config.ts does not exist yet')
  const startedAt = Date.now()
  try {
    await run('npx', ['vitest', 'run', '--config', config, file], { cwd: root, timeout: 30 * 60_000, maxBuffer: 64 * 1024 * 1024 })
  } catch (err) {
    const tail = `${err.stdout ?? ''}\n${err.stderr ?? ''}`.trim().split('\n').filter(Boolean).slice(-8).join(' ')
    throw new Error(`vitest failed (${err.code ?? err.signal ?? 'error'}): ${tail || err.message}`)
  }
  if (!existsSync(output) || statSync(output).mtimeMs < startedAt - 1_000) throw new Error(`bench/out/${name}.json was not written by the run`)
  return ok({ data: JSON.parse(readFileSync(output, 'utf8')), ms: Date.now() - startedAt })
}

/** Every number under a key that names a cells-per-second rate, with its JSON path. */
export function findRates(value, path = '') {
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, v]) => {
    const here = path ? `${path}.${key}` : key
    if (typeof v === 'number' && /cells?[_-]?per[_-]?s(ec(ond)?)?$|cells?PerS(ec(ond)?)?$/i.test(key)) return [{ path: here, value: v }]
    return findRates(v, here)
  })
}
