// Times file → grid painted in the real app, from the app's own performance marks.
import { NotAvailable, ok } from './outcome.mjs'
import { openApp, readMarks, sleep } from './browser.mjs'
import { median } from './stats.mjs'

const MARKS = ['jindu:import-start', 'jindu:grid-painted', 'jindu:import-confirm-shown', 'jindu:import-confirmed']

/**
 * Sets the file on the app's input, clicks the import confirmation whenever it shows, and returns
 * (painted − start) minus the time the confirmation dialog waited for the click.
 */
export async function importInto(session, filePath, timeoutMs) {
  const { page } = session
  const confirm = page.locator('[data-testid="import-confirm"]')
  await page.locator('input[data-testid="file-input"]').setInputFiles(filePath)
  const began = Date.now()
  let confirmClicks = 0
  for (;;) {
    const marks = await readMarks(page, MARKS)
    const start = marks['jindu:import-start'].at(-1)
    if (start === undefined && Date.now() - began > 10_000) {
      throw new NotAvailable('the app never marked jindu:import-start after the file was set')
    }
    const painted = start === undefined ? undefined : marks['jindu:grid-painted'].find((t) => t >= start)
    if (painted !== undefined) {
      const shown = marks['jindu:import-confirm-shown'].filter((t) => t >= start && t <= painted)
      const confirmed = marks['jindu:import-confirmed'].filter((t) => t >= start && t <= painted)
      // Each dialog's wait is its confirmed mark minus the shown mark just before it.
      let confirmWaitMs = 0
      for (const c of confirmed) {
        const s = shown.filter((t) => t <= c).at(-1)
        if (s !== undefined) confirmWaitMs += c - s
      }
      const note = confirmClicks > confirmed.length ? 'confirmation clicked but jindu:import-confirmed not marked; its wait is included' : null
      return { ms: painted - start - confirmWaitMs, rawMs: painted - start, confirmWaitMs, confirmClicks, note }
    }
    if (Date.now() - began > timeoutMs) {
      const errors = session.pageErrors.length ? `; page errors: ${session.pageErrors.slice(0, 2).join(' | ')}` : ''
      throw new Error(`no jindu:grid-painted within ${Math.round(timeoutMs / 1000)} s${start === undefined ? '' : ' (import started)'}${errors}`)
    }
    if (await confirm.isVisible().catch(() => false)) {
      await confirm.click({ timeout: 2_000 }).then(() => confirmClicks++, () => {})
    }
    await sleep(50)
  }
}

/**
 * `runs` imports, each in a fresh profile. The last run's page stays open (returned as
 * `session`) so later steps can edit, export and scroll the imported list.
 */
export async function measureImport(browser, base, filePath, runs, timeoutMs) {
  const samples = []
  let session = null
  for (let i = 0; i < runs; i++) {
    if (session) await session.context.close()
    session = await openApp(browser, base)
    try {
      samples.push(await importInto(session, filePath, timeoutMs))
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
      confirmClicks: samples[0]?.confirmClicks ?? 0,
      note: samples.find((s) => s.note)?.note ?? null,
    }),
    session,
  }
}
