// Builds the app as it was at an earlier commit, so a speed-up is measured against it in the same run.
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/**
 * Issue 19's "today": the import as it was when the issue was filed (commit b89517b, before the
 * fast reader). Its figure, measured in another run on another day, says nothing about this
 * machine now; the same file through both builds, one after the other, does.
 */
export const IMPORT_BASELINE_COMMIT = 'b89517b'

/**
 * The commit's sources (`git archive`, no worktree left behind) built with today's node_modules
 * (the old package.json's dependencies are a subset at the same versions) into `outDir`.
 * Reused while the stamp names the same commit.
 */
export async function buildBaselineApp(root, commit, outDir) {
  const stamp = join(outDir, 'commit.txt')
  const dist = join(outDir, 'src', 'dist')
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === commit && existsSync(join(dist, 'index.html'))) return dist
  rmSync(outDir, { recursive: true, force: true })
  const sources = join(outDir, 'src')
  mkdirSync(sources, { recursive: true })
  const archive = join(outDir, 'sources.tar')
  await run('git', ['-C', root, 'archive', '--output', archive, commit], { timeout: 60_000 })
  await run('tar', ['-xf', archive, '-C', sources], { timeout: 60_000 })
  symlinkSync(join(root, 'node_modules'), join(sources, 'node_modules'), 'dir')
  await run('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: sources, maxBuffer: 64 * 1024 * 1024, timeout: 10 * 60_000 })
  writeFileSync(stamp, commit)
  return dist
}
