// Launches the system Chromium and opens the app in a fresh profile for each measured run.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { NotAvailable } from './outcome.mjs'

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

export function launchBrowser() {
  return chromium.launch({ executablePath: process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS })
}

/**
 * A new context per run: empty IndexedDB, no draft to restore, no warm caches. Service workers
 * are blocked so precaching does not compete with the import for the CPU.
 */
const CONTEXT_OPTIONS = { serviceWorkers: 'block', acceptDownloads: true, viewport: { width: 1600, height: 1000 }, locale: 'zh-CN' }

export async function newPage(browser) {
  const context = await browser.newContext(CONTEXT_OPTIONS)
  const page = await context.newPage()
  const pageErrors = []
  page.on('pageerror', (err) => pageErrors.push(err.message))
  return { context, page, pageErrors }
}

/**
 * A fresh profile on disk, as a clerk's browser has. A context from `newContext` is off the record:
 * Chromium keeps its IndexedDB in memory, so a save there is never written to a file. Closing the
 * context removes the profile.
 */
export async function newDiskPage() {
  const dir = mkdtempSync(join(tmpdir(), 'jindu-bench-profile-'))
  const context = await chromium.launchPersistentContext(dir, {
    ...CONTEXT_OPTIONS, executablePath: process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS,
  })
  // The browser may still be finishing its files as the context closes: retried, and a leftover
  // temporary directory is no reason to fail a measurement.
  context.on('close', () => { try { rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }) } catch { /* left in tmp */ } })
  const page = context.pages()[0] ?? await context.newPage()
  const pageErrors = []
  page.on('pageerror', (err) => pageErrors.push(err.message))
  return { context, page, pageErrors }
}

/**
 * Opens the app and waits for its file input; NotAvailable when the app has none yet.
 * `onDisk`: in a fresh profile on disk (newDiskPage) instead of an off-the-record context.
 */
export async function openApp(browser, base, { onDisk = false } = {}) {
  const session = onDisk ? await newDiskPage() : await newPage(browser)
  await session.page.goto(`${base}/`, { waitUntil: 'load' })
  try {
    await session.page.locator('input[data-testid="file-input"]').waitFor({ state: 'attached', timeout: 10_000 })
  } catch {
    await session.context.close()
    const errors = session.pageErrors.length ? `; page errors: ${session.pageErrors.slice(0, 2).join(' | ')}` : ''
    throw new NotAvailable(`no input[data-testid="file-input"] in the app${errors}`)
  }
  // Let start-up work (a sample list, draft restore) finish so it does not overlap the import.
  await session.page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {})
  await sleep(300)
  return session
}

/** startTime of every performance entry with each of `names`, in page time (ms). */
export function readMarks(page, names) {
  return page.evaluate((list) => Object.fromEntries(list.map((n) => [n, performance.getEntriesByName(n).map((e) => e.startTime)])), names)
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
