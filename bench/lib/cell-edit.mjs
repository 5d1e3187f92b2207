// Times one grid cell edit until the app reports it durably saved, over many edits.
import { NotAvailable, ok } from './outcome.mjs'
import { readMarks, sleep } from './browser.mjs'
import { percentile } from './stats.mjs'

const EDITOR = '.ag-cell-inline-editing, .ag-popup-editor, .ag-cell-editor'
const PREFERRED_HEADERS = ['进展情况', '工作事项', '备注']

/** A text column's col-id: by header text when possible, else the first column with a cell in the row. */
async function chooseColumn(page, rowIndex) {
  const found = await page.evaluate(({ preferred, rowIndex }) => {
    const headers = [...document.querySelectorAll('.ag-header-cell[col-id]')].map((h) => ({ id: h.getAttribute('col-id'), text: h.textContent ?? '' }))
    const row = document.querySelector(`.ag-center-cols-container .ag-row[row-index="${rowIndex}"]`)
    const inRow = (id) => !!row?.querySelector(`.ag-cell[col-id="${CSS.escape(id)}"]`)
    for (const want of preferred) {
      const h = headers.find((x) => x.text.includes(want) && inRow(x.id))
      if (h) return h.id
    }
    const cells = row ? [...row.querySelectorAll('.ag-cell[col-id]')] : []
    return (cells[1] ?? cells[0])?.getAttribute('col-id') ?? null
  }, { preferred: PREFERRED_HEADERS, rowIndex })
  if (!found) throw new NotAvailable(`no grid row ${rowIndex} with cells (.ag-center-cols-container .ag-row[row-index="${rowIndex}"])`)
  return found
}

/** Waits for the draft save that follows an import, so the first edits do not queue behind it. */
async function settleAfterImport(page, timeoutMs) {
  await page
    .waitForFunction(() => {
      const painted = performance.getEntriesByName('jindu:grid-painted').at(-1)?.startTime ?? 0
      return performance.getEntriesByName('jindu:saved').some((e) => e.startTime >= painted)
    }, null, { timeout: timeoutMs, polling: 100 })
    .catch(() => {})
  await sleep(500)
}

/**
 * `count` edits on rows 1–8 of a text column: open the editor (double-click, else F2), replace
 * the text, press Enter. Per edit: jindu:edit-committed → next jindu:saved (the budgeted
 * figure) and Enter keydown → jindu:saved (what the clerk waits for).
 */
export async function measureCellEdits(session, count, settleMs) {
  const { page } = session
  await settleAfterImport(page, settleMs)
  await page.evaluate(() => {
    window.__benchEnter = []
    window.addEventListener('keydown', (e) => { if (e.key === 'Enter') window.__benchEnter.push(e.timeStamp) }, true)
  })
  const colId = await chooseColumn(page, 5)
  const commitToSaved = []
  const enterToSaved = []
  let misses = 0
  for (let i = 0; i < count && misses < 3; i++) {
    const rowIndex = 1 + (i % 8)
    const cell = page.locator(`.ag-center-cols-container .ag-row[row-index="${rowIndex}"] .ag-cell[col-id="${colId}"]`).first()
    const before = await readMarks(page, ['jindu:edit-committed', 'jindu:saved'])
    await cell.dblclick({ timeout: 5_000 })
    if (!(await page.locator(EDITOR).first().isVisible().catch(() => false))) {
      await cell.click()
      await page.keyboard.press('F2')
    }
    const editor = page.locator(EDITOR).first()
    try {
      await editor.waitFor({ state: 'visible', timeout: 3_000 })
    } catch {
      if (i === 0) throw new NotAvailable('double-click and F2 open no cell editor')
      misses++
      continue
    }
    await page.keyboard.press('ControlOrMeta+a')
    await page.keyboard.insertText(`基准编辑第${i + 1}次:已完成阶段性任务`)
    await page.keyboard.press('Enter')
    const got = await page
      .waitForFunction(({ committedBefore }) => {
        const committed = performance.getEntriesByName('jindu:edit-committed')
        if (committed.length <= committedBefore) return null
        const at = committed.at(-1).startTime
        const saved = performance.getEntriesByName('jindu:saved').find((e) => e.startTime >= at)
        if (!saved) return null
        const enter = window.__benchEnter.filter((t) => t <= at).at(-1)
        return { commitToSaved: saved.startTime - at, enterToSaved: enter === undefined ? null : saved.startTime - enter }
      }, { committedBefore: before['jindu:edit-committed'].length }, { timeout: 5_000, polling: 'raf' })
      .then((h) => h.jsonValue(), () => null)
    if (!got) {
      if (i === 0) {
        const m = await readMarks(page, ['jindu:edit-committed', 'jindu:saved'])
        const which = m['jindu:edit-committed'].length > before['jindu:edit-committed'].length ? 'jindu:saved' : 'jindu:edit-committed'
        throw new NotAvailable(`no ${which} mark within 5 s of the edit`)
      }
      misses++
      await page.keyboard.press('Escape')
      continue
    }
    commitToSaved.push(got.commitToSaved)
    if (got.enterToSaved !== null) enterToSaved.push(got.enterToSaved)
    await sleep(100)
  }
  return ok({
    column: colId,
    edits: commitToSaved.length,
    misses,
    p50: percentile(commitToSaved, 50),
    p95: percentile(commitToSaved, 95),
    enterP50: percentile(enterToSaved, 50),
    enterP95: percentile(enterToSaved, 95),
  })
}
