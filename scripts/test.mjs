// `npm test`: every check in order — type check, lint, unit, end-to-end — stopping at the first failure.
// Ends with one line `N passed, N failed` summed over all of them.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync, mkdirSync } from 'node:fs'
import { ensureNodeModules, ensureSystemPackages } from './setup.mjs'

ensureNodeModules()
ensureSystemPackages({ withOffice: true })
mkdirSync('test-results', { recursive: true })

let passed = 0
let failed = 0

function step(name, cmd, args, count) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`)
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: process.env })
  const counted = count?.()
  if (counted) { passed += counted.passed; failed += counted.failed }
  else if (result.status === 0) passed++
  else failed++
  if (result.status !== 0) {
    if (counted && counted.failed === 0) failed++ // the runner failed outside any test
    finish(`${name} failed`)
  }
}

function finish(why) {
  if (why) console.log(`\n${why}; later checks were not run.`)
  console.log(`\n${passed} passed, ${failed} failed`)
  process.exit(failed > 0 || why ? 1 : 0)
}

function readJson(path) {
  try { return JSON.parse(readFileSync(path, 'utf8')) } catch { return null }
}

step('typecheck', 'npx', ['vue-tsc', '--noEmit', '-p', 'tsconfig.json'])
step('typecheck core without the DOM', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.core.json'])
step('lint', 'npx', ['eslint', '.'])
step('import cycles', 'node', ['scripts/check-cycles.mjs', 'src'])

rmSync('test-results/unit.json', { force: true })
step('unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json'], () => {
  const report = readJson('test-results/unit.json')
  return report ? { passed: report.numPassedTests, failed: report.numFailedTests } : null
})

rmSync('test-results/e2e.json', { force: true })
if (!existsSync('dist/index.html') || process.env.CI || process.argv.includes('--build')) {
  step('build', 'npx', ['vite', 'build'])
}
step('e2e', 'npx', ['playwright', 'test'], () => {
  const report = readJson('test-results/e2e.json')
  if (!report?.stats) return null
  return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected }
})
finish()
