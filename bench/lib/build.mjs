// Makes sure dist/ holds a build of the current sources before the browser steps run.
import { execFile } from 'node:child_process'
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** Newest modification time under `path` (a file or a folder), 0 when missing. */
const newestMtime = (path) => {
  if (!existsSync(path)) return 0
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  let newest = 0
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

/** Builds with `npx vite build` when dist/index.html is missing or older than any input. */
export async function ensureBuild(root) {
  const builtAt = newestMtime(join(root, 'dist', 'index.html'))
  const inputs = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((p) => newestMtime(join(root, p)))
  const stale = builtAt === 0 || inputs.some((t) => t > builtAt)
  if (!stale) return { built: false, ms: 0 }
  const t0 = performance.now()
  try {
    await run('npx', ['vite', 'build'], { cwd: root, maxBuffer: 64 * 1024 * 1024, timeout: 10 * 60_000 })
  } catch (err) {
    // Keep the lines that say what broke; drop stack frames, colours and npm's warnings.
    const lines = `${err.stderr ?? ''}\n${err.stdout ?? ''}`
      .replace(/\x1b\[[0-9;]*m/g, '')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('at ') && !l.startsWith('npm warn') && /error|could not|cannot|failed|unexpected|\[[A-Z_]+\]/i.test(l))
      .filter((l) => !/^(error during build:|errors: \[Getter\/Setter\]|Build failed with \d+ errors?:?|Error: Build failed with \d+ errors?:?)$/i.test(l))
    throw new Error(`vite build failed: ${[...new Set(lines)].slice(0, 5).join(' / ') || err.message}`)
  }
  return { built: true, ms: performance.now() - t0 }
}

/** Every local script, stylesheet and preload that index.html names exists in `dir`. */
const isComplete = (dir) => {
  const index = join(dir, 'index.html')
  if (!existsSync(index)) return false
  const refs = [...readFileSync(index, 'utf8').matchAll(/\b(?:src|href)=["'](\.?\/?assets\/[^"']+)["']/g)].map((m) => m[1].replace(/^\.?\//, ''))
  return refs.every((ref) => existsSync(join(dir, ref)))
}

/**
 * Copies dist/ to `target` and returns it. The working tree is shared: another script may run
 * `vite build` mid-bench and swap the hashed chunks under a page that is still loading them.
 * A copy taken while such a build is writing is retried.
 */
export async function snapshotBuild(distDir, target) {
  for (let attempt = 0; attempt < 5; attempt++) {
    rmSync(target, { recursive: true, force: true })
    cpSync(distDir, target, { recursive: true })
    if (isComplete(target)) return target
    await new Promise((resolve) => setTimeout(resolve, 3_000))
  }
  throw new Error('dist/ kept changing while it was copied (a build running alongside?)')
}
