// Times file → grid painted in the real app, from the app's own performance marks.
import { NotAvailable, ok } from './outcome.mjs'
import { openApp, readMarks, sleep } from './browser.mjs'
import { median } from './stats.mjs'

const MARKS = ['jindu:import-start', 'jindu:grid-painted', 'jindu:import-confirm-shown', 'jindu:import-confirmed']

/**
 * Watches, in the page, for the imported file's own text (`snippet`, from its first task) in a
 * grid row. Records when it entered the DOM and the end of the frame after (rows on screen).
 * Rows alone prove nothing: the app may already show a sample list or a preview.
 */
function watchContent(page, snippet) {
  return page.evaluate((text) => {
    window.__benchContent = null
    let pending = false
    const shown = () => [...document.querySelectorAll('.ag-row[row-index] .ag-cell')].some((c) => c.textContent.includes(text))
    const observer = new MutationObserver(() => {
      if (pending || !shown()) return
      pending = true
      observer.disconnect()
      const domAt = performance.now()
      // The next frame's callback runs before its paint; the task after it runs after.
      requestAnimationFrame(() => setTimeout(() => { window.__benchContent = { domAt, paintedAt: performance.now() } }, 0))
    })
    observer.observe(document.body, { childList: true, subtree: true, characterData: true })
  }, snippet)
}

/**
 * Sets the file on the app's input, clicks the import confirmation whenever it shows, and returns
 * (painted − start) minus the time the confirmation dialog waited for the click. "Painted" is
 * the app's first jindu:grid-painted mark once the file's rows are in the grid (after the last
 * confirmation); when the app marks none then, the end of the frame after they appeared.
 */
export async function importInto(session, filePath, snippet, timeoutMs) {
  const { page } = session
  const confirm = page.locator('[data-testid="import-confirm"]')
  await watchContent(page, snippet)
  await page.locator('input[data-testid="file-input"]').setInputFiles(filePath)
  const began = Date.now()
  let confirmClicks = 0
  let contentSeenAt = null
  for (;;) {
    const marks = await readMarks(page, MARKS)
    const content = await page.evaluate(() => window.__benchContent)
    const start = marks['jindu:import-start'].at(-1)
    if (start === undefined && Date.now() - began > 10_000) {
      throw new NotAvailable('the app never marked jindu:import-start after the file was set')
    }
    if (start !== undefined && content) {
      contentSeenAt ??= Date.now()
      const shown = marks['jindu:import-confirm-shown'].filter((t) => t >= start)
      const confirmed = marks['jindu:import-confirmed'].filter((t) => t >= start)
      // A mark set in the same task that rendered the rows lands just before the observer sees them.
      const from = Math.max(start, confirmed.at(-1) ?? start, content.domAt - 100)
      const marked = marks['jindu:grid-painted'].find((t) => t >= from)
      // Give the app's own mark a moment to land after the rows show; then fall back.
      if (marked !== undefined || Date.now() - contentSeenAt > 2_000) {
        const painted = marked ?? content.paintedAt
        // Each dialog's wait is its confirmed mark minus the shown mark just before it.
        let confirmWaitMs = 0
        for (const c of confirmed) {
          const s = shown.filter((t) => t <= c).at(-1)
          if (s !== undefined) confirmWaitMs += c - s
        }
        const notes = []
        if (marked === undefined) notes.push('no jindu:grid-painted once the rows showed; timed to the end of the frame after they entered the DOM')
        if (confirmClicks > confirmed.length) notes.push('confirmation clicked but jindu:import-confirmed not marked; its wait is included')
        return { ms: painted - start - confirmWaitMs, rawMs: painted - start, confirmWaitMs, confirmations: confirmed.length, note: notes.join('; ') || null }
      }
    }
    if (Date.now() - began > timeoutMs) {
      const errors = session.pageErrors.length ? `; page errors: ${session.pageErrors.slice(0, 2).join(' | ')}` : ''
      // What the clerk would see: an error notice or a dialog still open.
      const visible = await page
        .evaluate(() => [...document.querySelectorAll('[role="dialog"], [role="alert"], [aria-live]')]
          .filter((el) => el.checkVisibility?.() ?? true).map((el) => el.textContent.trim().replace(/\s+/g, ' ').slice(0, 160)).filter(Boolean))
        .catch(() => [])
      const shownText = visible.length ? `; on screen: ${visible.slice(0, 3).join(' | ')}` : ''
      throw new Error(`the file's rows did not show in the grid within ${Math.round(timeoutMs / 1000)} s${start === undefined ? '' : ' (import started)'}${errors}${shownText}`)
    }
    if (await confirm.isVisible().catch(() => false)) {
      // Counted even when the click times out: a busy page may take it after Playwright gave up.
      confirmClicks++
      await confirm.click({ timeout: 10_000 }).catch(() => {})
    }
    await sleep(50)
  }
}

/**
 * `runs` imports, each in a fresh profile. The last run's page stays open (returned as
 * `session`) so later steps can edit, export and scroll the imported list.
 */
export async function measureImport(browser, base, file, runs, timeoutMs) {
  const snippet = (file.firstTask ?? '').slice(0, 12)
  if (!snippet) throw new Error('the workbook has no first-task text to wait for; regenerate it')
  const samples = []
  let session = null
  for (let i = 0; i < runs; i++) {
    if (session) await session.context.close()
    session = await openApp(browser, base)
    try {
      samples.push(await importInto(session, file.path, snippet, timeoutMs))
    } catch (err) {
      await session.context.close()
      throw err
    }
  }
  const ms = samples.map((s) => s.ms)
  return {
    result: ok({
      median: median(ms),
      samples: ms,
      confirmWaitMs: median(samples.map((s) => s.confirmWaitMs)),
      confirmations: samples[0]?.confirmations ?? 0,
      note: samples.find((s) => s.note)?.note ?? null,
    }),
    session,
  }
}
