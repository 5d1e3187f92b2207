// Times LibreOffice's headless xlsx → csv conversion, the desktop tool a clerk would otherwise use.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { NotAvailable, ok } from './outcome.mjs'
import { median } from './stats.mjs'

const run = promisify(execFile)

export async function findSoffice() {
  try {
    const { stdout } = await run('which', ['soffice'])
    return stdout.trim() || null
  } catch {
    return null
  }
}

/**
 * Wall time of `soffice --headless --convert-to csv`, with a private profile so it neither
 * touches the user's LibreOffice nor collides with one that is running. One untimed warm-up
 * conversion creates the profile, whose first start is much slower than the rest.
 */
export async function measureSoffice(filePath, runs, warmupFile) {
  const soffice = await findSoffice()
  if (!soffice) throw new NotAvailable('soffice not installed')
  const work = mkdtempSync(join(tmpdir(), 'jindu-bench-lo-'))
  const args = (file) => [`-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`, '--headless', '--convert-to', 'csv', '--outdir', join(work, 'out'), file]
  try {
    await run(soffice, args(warmupFile), { timeout: 10 * 60_000 })
    const samples = []
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now()
      await run(soffice, args(filePath), { timeout: 30 * 60_000 })
      samples.push(performance.now() - t0)
    }
    return ok({ median: median(samples), samples })
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
