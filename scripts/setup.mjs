// Makes a fresh machine ready: npm packages, and Debian's Chromium for the browser tests.
import { execSync, spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

function run(cmd) {
  console.log(`$ ${cmd}`)
  execSync(cmd, { stdio: 'inherit' })
}

/** Installs npm packages when node_modules is missing or older than the lock file. */
export function ensureNodeModules() {
  const stale = !existsSync('node_modules/.package-lock.json')
    || (existsSync('package-lock.json') && statSync('package-lock.json').mtimeMs > statSync('node_modules/.package-lock.json').mtimeMs)
  if (!stale) return
  // `npm install` rather than `npm ci`: npm 11 writes rollup's per-platform optional packages
  // into the lock only for this platform, and `npm ci` then refuses the lock as out of sync.
  run('npm install --no-audit --no-fund')
}

function isRoot() { return typeof process.getuid === 'function' && process.getuid() === 0 }
function hasApt() { return spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0 }

/** Debian packages the tests use: Chromium always, LibreOffice Calc when `withOffice`. */
export function ensureSystemPackages({ withOffice = false } = {}) {
  const wanted = []
  if (!existsSync(CHROMIUM)) wanted.push('chromium')
  if (withOffice && spawnSync('sh', ['-c', 'command -v soffice'], { stdio: 'ignore' }).status !== 0) wanted.push('libreoffice-calc-nogui')
  if (wanted.length === 0) return
  if (isRoot() && hasApt()) {
    run('apt-get update -qq')
    run(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${wanted.join(' ')}`)
    return
  }
  if (wanted.includes('chromium')) {
    console.error(`\nChromium was not found at ${CHROMIUM}.\nInstall it with:  sudo apt-get install chromium\n(or set CHROMIUM_PATH to a Chromium/Chrome binary), then run the command again.`)
    process.exit(1)
  }
  console.warn(`LibreOffice (soffice) is not installed: the LibreOffice checks will be skipped. Install with: sudo apt-get install ${wanted.join(' ')}`)
}
