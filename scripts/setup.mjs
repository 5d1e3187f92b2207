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
  // `npm ci`: the lock file was generated from an empty tree, so it holds every platform's
  // optional packages (rollup, esbuild, lightningcss) and installs the same tree everywhere.
  run('npm ci --no-audit --no-fund')
}

function isRoot() { return typeof process.getuid === 'function' && process.getuid() === 0 }
function hasApt() { return spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0 }

function fontList(pattern) {
  const out = spawnSync('sh', ['-c', `fc-list ${pattern} family 2>/dev/null`], { encoding: 'utf8' })
  return out.status === 0 ? out.stdout.trim() : ''
}
function hasCjkFont() { return fontList(':lang=zh').length > 0 }
function hasFont(family) { return fontList(`'${family}'`).length > 0 }

/**
 * Debian packages the tests use: Chromium always, a CJK font (so the suite and its screenshots
 * show what a clerk sees: real glyphs make rows taller), LibreOffice Calc when `withOffice`.
 * Set JINDU_NO_CJK_FONT=1 to skip the font and run the suite as on a machine without one.
 */
export function ensureSystemPackages({ withOffice = false } = {}) {
  const wanted = []
  if (!existsSync(CHROMIUM)) wanted.push('chromium')
  if (!process.env.JINDU_NO_CJK_FONT && !hasCjkFont()) wanted.push('fonts-noto-cjk')
  if (withOffice && spawnSync('sh', ['-c', 'command -v soffice'], { stdio: 'ignore' }).status !== 0) wanted.push('libreoffice-calc-nogui')
  // The row-height check reads LibreOffice's PDF with pdftotext, and LibreOffice sizes columns with
  // Carlito (Calibri's metric twin, which it ships on Windows and macOS) as clerks' copies do.
  if (withOffice && spawnSync('sh', ['-c', 'command -v pdftotext'], { stdio: 'ignore' }).status !== 0) wanted.push('poppler-utils')
  if (withOffice && !hasFont('Carlito')) wanted.push('fonts-crosextra-carlito')
  if (wanted.length === 0) return
  if (isRoot() && hasApt()) {
    run('apt-get update -qq')
    run(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${wanted.join(' ')}`)
    return
  }
  if (wanted.includes('fonts-noto-cjk') && !isRoot()) console.warn('No CJK font found: screenshots will show boxes. Install with: sudo apt-get install fonts-noto-cjk')
  if (wanted.includes('chromium')) {
    console.error(`\nChromium was not found at ${CHROMIUM}.\nInstall it with:  sudo apt-get install chromium\n(or set CHROMIUM_PATH to a Chromium/Chrome binary), then run the command again.`)
    process.exit(1)
  }
  const office = wanted.filter((p) => p !== 'chromium' && p !== 'fonts-noto-cjk')
  if (office.length) console.warn(`Some LibreOffice checks will be skipped; to run them: sudo apt-get install ${office.join(' ')}`)
}
