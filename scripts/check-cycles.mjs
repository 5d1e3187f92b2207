// `npm run check:cycles`: fails when a module of src/ imports itself through other modules.
// A cycle makes load order matter (a store reads another's export before it is defined) and
// ties two rooms together so neither can be moved or tested alone. Type-only imports count
// too: they are erased at run time, but a cycle of types is the same tangle of ideas.
// Written here rather than taken from madge/dpdm: both pin TypeScript 5 as a peer, and the
// job is one regular expression and a depth-first search.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const EXTENSIONS = ['.ts', '.vue', '.mjs', '.js']
// Static `import … from '…'`, `export … from '…'`, bare `import '…'` and dynamic `import('…')`.
const IMPORT = /(?:\bimport\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?|\bexport\s+(?:type\s+)?[\w*{}\s,$]*?\s+from\s+|\bimport\s*\(\s*)['"](\.{1,2}\/[^'"]*)['"]/g

function sourceFiles(dir) {
  const out = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path))
    else if (EXTENSIONS.some((ext) => name.endsWith(ext)) && !name.endsWith('.d.ts')) out.push(path)
  }
  return out
}

function resolveImport(from, spec) {
  const base = resolve(dirname(from), spec)
  const candidates = [base, ...EXTENSIONS.map((ext) => base + ext), ...EXTENSIONS.map((ext) => join(base, `index${ext}`))]
  return candidates.find((path) => existsSync(path) && statSync(path).isFile()) ?? null
}

/** The import graph of every source file under `root`: file → files it imports. */
export function importGraph(root) {
  const graph = new Map()
  for (const file of sourceFiles(root)) {
    const text = readFileSync(file, 'utf8')
    const targets = new Set()
    for (const match of text.matchAll(IMPORT)) {
      const target = resolveImport(file, match[1])
      if (target) targets.add(target)
    }
    graph.set(file, [...targets])
  }
  return graph
}

/** Every elementary cycle found by one depth-first search, each as a list of files. */
export function findCycles(graph) {
  const cycles = []
  const state = new Map() // file → 'open' while on the stack, 'done' after
  const stack = []
  const visit = (file) => {
    state.set(file, 'open')
    stack.push(file)
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next])
      else if (!state.has(next)) visit(next)
    }
    stack.pop()
    state.set(file, 'done')
  }
  for (const file of graph.keys()) if (!state.has(file)) visit(file)
  return cycles
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = resolve(process.argv[2] ?? 'src')
  const cycles = findCycles(importGraph(root))
  for (const cycle of cycles) console.error(`import cycle: ${cycle.map((f) => relative(process.cwd(), f)).join(' → ')}`)
  if (cycles.length) process.exit(1)
  console.log(`no import cycle in ${relative(process.cwd(), root) || '.'}`)
}
