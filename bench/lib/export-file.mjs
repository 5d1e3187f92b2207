// Times the app's export of the imported list, from the export dialog to the downloaded file.
import { stat } from 'node:fs/promises'
import { NotAvailable, ok } from './outcome.mjs'
import { readMarks, sleep } from './browser.mjs'
import { median } from './stats.mjs'

/** Opens the export dialog, confirms the default (xlsx), waits for the download; `runs` times. */
export async function measureExport(session, runs, timeoutMs) {
  const { page } = session
  const button = page.locator('[data-testid="export-button"]')
  const confirm = page.locator('[data-testid="export-confirm"]')
  const samples = []
  let downloadBytes = null
  let fileName = null
  for (let i = 0; i < runs; i++) {
    try {
      await button.waitFor({ state: 'visible', timeout: 5_000 })
    } catch {
      throw new NotAvailable('no [data-testid="export-button"] in the toolbar')
    }
    const before = await readMarks(page, ['jindu:export-start', 'jindu:export-done'])
    const download = page.waitForEvent('download', { timeout: timeoutMs })
    download.catch(() => {})
    await button.click()
    // Some builds may export straight from the button; the confirm step is then skipped.
    const confirmShown = await confirm.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false)
    if (confirmShown) await confirm.click()
    const file = await download.catch(() => null)
    if (!file) throw new NotAvailable(`no download within ${Math.round(timeoutMs / 1000)} s of ${confirmShown ? 'export-confirm' : 'export-button (no [data-testid="export-confirm"] appeared)'}`)
    let marks = await readMarks(page, ['jindu:export-start', 'jindu:export-done'])
    for (let waited = 0; marks['jindu:export-done'].length <= before['jindu:export-done'].length && waited < 5_000; waited += 100) {
      await sleep(100)
      marks = await readMarks(page, ['jindu:export-start', 'jindu:export-done'])
    }
    const start = marks['jindu:export-start'].slice(before['jindu:export-start'].length)[0]
    const done = marks['jindu:export-done'].slice(before['jindu:export-done'].length)[0]
    if (start === undefined || done === undefined) throw new NotAvailable('the download came but jindu:export-start / jindu:export-done were not marked')
    samples.push(done - start)
    fileName = file.suggestedFilename()
    const path = await file.path().catch(() => null)
    if (path) downloadBytes = (await stat(path)).size
    // A dialog left open would cover the toolbar for the next run.
    if (await confirm.isVisible().catch(() => false)) await page.keyboard.press('Escape')
    await sleep(300)
  }
  return ok({ median: median(samples), samples, fileName, downloadBytes })
}
