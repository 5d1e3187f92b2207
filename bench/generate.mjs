// Generates the benchmark workbooks into bench/out/, reusing files from the same generator version.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { GENERATOR_VERSION, writeTaskWorkbook } from './lib/workbook.mjs'
import { selectSizes } from './lib/sizes.mjs'

export const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), 'out')
const SEED = 20230331

/** Returns the path of the workbook for `size`, writing it first unless an identical one exists. */
export function ensureWorkbook(size) {
  mkdirSync(OUT_DIR, { recursive: true })
  const path = join(OUT_DIR, `tasks-${size.label}.xlsx`)
  const metaPath = `${path}.meta.json`
  const meta = { generatorVersion: GENERATOR_VERSION, rows: size.rows, seed: SEED }
  if (existsSync(path) && existsSync(metaPath)) {
    try {
      const old = JSON.parse(readFileSync(metaPath, 'utf8'))
      if (old.generatorVersion === meta.generatorVersion && old.rows === meta.rows && old.seed === meta.seed && old.bytes === statSync(path).size) {
        return { path, bytes: old.bytes, rows: size.rows, firstTask: old.firstTask, generated: false, ms: 0 }
      }
    } catch {
      // An unreadable meta file just means the workbook is rebuilt.
    }
  }
  const t0 = performance.now()
  const { bytes, firstTask } = writeTaskWorkbook(size.rows, SEED)
  writeFileSync(path, bytes)
  writeFileSync(metaPath, JSON.stringify({ ...meta, bytes: bytes.length, firstTask }, null, 2))
  return { path, bytes: bytes.length, rows: size.rows, firstTask, generated: true, ms: performance.now() - t0 }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const size of selectSizes()) {
    const file = ensureWorkbook(size)
    console.log(`${size.label}: ${file.path} ${(file.bytes / 1e6).toFixed(2)} MB ${file.generated ? `generated in ${(file.ms / 1000).toFixed(1)} s` : '(cached)'}`)
  }
}
