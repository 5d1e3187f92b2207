// Measures the gzip size of the JS the app loads up front versus the chunks it loads lazily.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join, posix, relative } from 'node:path'
import { gzipSync } from 'node:zlib'
import { ok } from './outcome.mjs'

export const INITIAL_JS_BUDGET = 350_000

const listFiles = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const full = join(dir, name)
    return statSync(full).isDirectory() ? listFiles(full) : [full]
  })

const urlsIn = (html, pattern) => [...html.matchAll(pattern)].map((m) => m[1]).filter((u) => !/^(https?:)?\/\//.test(u))

/** Static `import … from "./x.js"`, `import "./x.js"` and `export … from "./x.js"`; not `import("./x.js")`. */
const staticImports = (code) =>
  [...code.matchAll(/(?:^|[;\n}\s])(?:import|export)\s*(?:[\w$*{},\s]+?\s*from\s*)?["']([^"']+\.m?js)["']/g)].map((m) => m[1])

/**
 * Initial JS = the module scripts and modulepreload links of dist/index.html plus everything
 * they import statically; every other .js file under dist/ counts as lazy.
 */
export function measureBundle(distDir) {
  const indexPath = join(distDir, 'index.html')
  if (!existsSync(indexPath)) throw new Error('dist/index.html is missing')
  const html = readFileSync(indexPath, 'utf8')
  const entries = [
    ...urlsIn(html, /<script\b[^>]*\btype=["']module["'][^>]*\bsrc=["']([^"']+)["']/g),
    ...urlsIn(html, /<script\b[^>]*\bsrc=["']([^"']+)["'][^>]*\btype=["']module["']/g),
    ...urlsIn(html, /<link\b[^>]*\brel=["']modulepreload["'][^>]*\bhref=["']([^"']+)["']/g),
    ...urlsIn(html, /<link\b[^>]*\bhref=["']([^"']+)["'][^>]*\brel=["']modulepreload["']/g),
  ].map((u) => posix.normalize(u.replace(/^\.?\//, '')))
  const initial = new Set()
  const queue = [...new Set(entries)]
  while (queue.length) {
    const rel = queue.shift()
    if (initial.has(rel)) continue
    const full = join(distDir, rel)
    if (!existsSync(full)) continue
    initial.add(rel)
    for (const spec of staticImports(readFileSync(full, 'utf8'))) {
      if (spec.startsWith('.') || spec.startsWith('/')) queue.push(posix.normalize(spec.startsWith('/') ? spec.slice(1) : posix.join(posix.dirname(rel), spec)))
    }
  }
  if (initial.size === 0) throw new Error('dist/index.html loads no module script')
  const sizeOf = (rel) => {
    const bytes = readFileSync(join(distDir, rel))
    return { file: rel, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
  }
  const allJs = listFiles(distDir).map((f) => relative(distDir, f).split('\\').join('/')).filter((f) => /\.m?js$/.test(f))
  // The service worker and workbox runtime are fetched by the browser separately, after load.
  const isServiceWorker = (f) => /^(sw|workbox-[\w-]+|registerSW)\.js$/.test(f)
  const initialFiles = [...initial].map(sizeOf)
  const lazyFiles = allJs.filter((f) => !initial.has(f) && !isServiceWorker(f)).map(sizeOf).sort((a, b) => b.gzip - a.gzip)
  const serviceWorkerFiles = allJs.filter(isServiceWorker).map(sizeOf)
  const initialGzip = initialFiles.reduce((n, f) => n + f.gzip, 0)
  return ok({ initialGzip, initialFiles, lazyFiles, serviceWorkerFiles, budget: INITIAL_JS_BUDGET, pass: initialGzip <= INITIAL_JS_BUDGET })
}
