// Times one grid cell edit until the app reports it durably saved, over many edits.
import { NotAvailable, ok } from './outcome.mjs'
import { openApp, readMarks, sleep } from './browser.mjs'
import { importInto } from './grid-import.mjs'
import { percentile } from './stats.mjs'

const EDITOR = '.ag-cell-inline-editing, .ag-popup-editor, .ag-cell-editor'
const PREFERRED_HEADERS = ['进展情况', '工作事项', '备注']
// Editors differ on which key commits: AG Grid's own commit on Enter, a multi-line editor may
// take Enter as a new line and commit on Ctrl+Enter. Ctrl+Enter adds nothing to a text box.
const COMMIT_KEYS = ['ControlOrMeta+Enter', 'Enter', 'Tab']

/** Presses each commit key in turn until the app marks the commit and its save. */
async function commitEdit(page, committedBefore, keys) {
  for (const [n, key] of keys.entries()) {
    await page.keyboard.press(key)
    const last = n === keys.length - 1
    const got = await page
      .waitForFunction((before) => {
        const committed = performance.getEntriesByName('jindu:edit-committed')
        if (committed.length <= before) return null
        const at = committed.at(-1).startTime
        const saved = performance.getEntriesByName('jindu:saved').find((e) => e.startTime >= at)
        if (!saved) return null
        const enter = window.__benchEnter.filter((t) => t <= at).at(-1)
        return { commitToSaved: saved.startTime - at, enterToSaved: enter === undefined ? null : saved.startTime - enter }
      }, committedBefore, { timeout: last ? 5_000 : 1_500, polling: 'raf' })
      .then((h) => h.jsonValue(), () => null)
    if (got) {
      // Tab may open the next cell's editor; leave it without a change.
      if (key === 'Tab') await page.keyboard.press('Escape')
      return { ...got, key, enterToSaved: key === 'Tab' ? null : got.enterToSaved }
    }
    const committed = (await readMarks(page, ['jindu:edit-committed']))['jindu:edit-committed'].length > committedBefore
    if (committed) return null // committed but never saved: another key would not help
  }
  return null
}

/** A text column's col-id: by header text when possible, else the first column with a cell in the row. */
async function chooseColumn(page, rowIndex) {
  const found = await page.evaluate(({ preferred, rowIndex }) => {
    const headers = [...document.querySelectorAll('.ag-header-cell[col-id]')].map((h) => ({ id: h.getAttribute('col-id'), text: h.textContent ?? '' }))
    // Older grids split a row over pinned and centre containers; AG Grid 36 keeps one element.
    const rows = [...document.querySelectorAll(`.ag-row[row-index="${rowIndex}"]`)]
    const inRow = (id) => rows.some((r) => r.querySelector(`.ag-cell[col-id="${CSS.escape(id)}"]`))
    for (const want of preferred) {
      const h = headers.find((x) => x.text.includes(want) && inRow(x.id))
      if (h) return { id: h.id, header: h.text.trim() }
    }
    const cells = rows.flatMap((r) => [...r.querySelectorAll('.ag-cell[col-id]')])
    const id = (cells[1] ?? cells[0])?.getAttribute('col-id')
    return id ? { id, header: headers.find((x) => x.id === id)?.text.trim() || id } : null
  }, { preferred: PREFERRED_HEADERS, rowIndex })
  if (!found) throw new NotAvailable(`no grid row ${rowIndex} with cells (.ag-row[row-index="${rowIndex}"] .ag-cell[col-id])`)
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
 * the text, commit (Ctrl+Enter, else Enter, else Tab). Per edit: jindu:edit-committed → next
 * jindu:saved (the budgeted figure) and the commit keydown → jindu:saved (what the clerk waits for).
 * `beforeEdits` runs once the import has settled, right before the first edit (e.g. to start a profiler).
 */
export async function measureCellEdits(session, count, settleMs, beforeEdits) {
  const { page } = session
  await settleAfterImport(page, settleMs)
  await beforeEdits?.()
  await page.evaluate(() => {
    window.__benchEnter = []
    window.addEventListener('keydown', (e) => { if (e.key === 'Enter') window.__benchEnter.push(e.timeStamp) }, true)
  })
  const { id: colId, header } = await chooseColumn(page, 5)
  const commitToSaved = []
  const enterToSaved = []
  let misses = 0
  let commitKeys = COMMIT_KEYS
  let unfocusedEditor = false
  for (let i = 0; i < count && misses < 3; i++) {
    const rowIndex = 1 + (i % 8)
    const cell = page.locator(`.ag-row[row-index="${rowIndex}"] .ag-cell[col-id="${colId}"]`).first()
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
    // An editor that does not focus its own text box would get the keys on the cell instead;
    // put the caret in the box, as the clerk's click would.
    if (!(await editor.evaluate((el) => el.contains(document.activeElement)))) {
      unfocusedEditor = true
      await editor.locator('textarea, input, [contenteditable="true"]').first().focus({ timeout: 2_000 }).catch(() => {})
    }
    await page.keyboard.press('ControlOrMeta+a')
    await page.keyboard.insertText(`基准编辑第${i + 1}次:已完成阶段性任务`)
    const got = await commitEdit(page, before['jindu:edit-committed'].length, commitKeys)
    if (!got) {
      if (i === 0) {
        const m = await readMarks(page, ['jindu:edit-committed', 'jindu:saved'])
        const which = m['jindu:edit-committed'].length > before['jindu:edit-committed'].length ? 'jindu:saved' : 'jindu:edit-committed'
        throw new NotAvailable(`no ${which} mark within 5 s of the edit (commit keys tried: ${commitKeys.join(', ')})`)
      }
      misses++
      await page.keyboard.press('Escape')
      continue
    }
    // Keep to the key that committed, so every later edit is timed the same way.
    commitKeys = [got.key]
    commitToSaved.push(got.commitToSaved)
    if (got.enterToSaved !== null) enterToSaved.push(got.enterToSaved)
    await sleep(100)
  }
  return ok({
    column: header,
    commitKey: commitKeys.length === 1 ? commitKeys[0] : null,
    note: unfocusedEditor ? 'the cell editor opened without focusing its text box; the harness focused it' : null,
    edits: commitToSaved.length,
    samples: commitToSaved.map((ms) => Math.round(ms * 10) / 10),
    misses,
    p50: percentile(commitToSaved, 50),
    p95: percentile(commitToSaved, 95),
    enterP50: percentile(enterToSaved, 50),
    enterP95: percentile(enterToSaved, 95),
  })
}

/**
 * The edits in a session of their own, in a fresh browser profile on disk: the list is imported
 * there (untimed), then `count` edits are timed as above. A clerk's browser keeps IndexedDB in
 * files; an off-the-record context (the import steps' `newContext`) keeps it in memory, where a
 * save is never written to a file and the store's own upkeep differs (one commit about 75 ms
 * long, always the ninth edit after a 100k import, which a profile on disk does not show).
 */
export async function measureCellEditsOnDisk(browser, base, file, count, importTimeoutMs, settleMs) {
  const session = await openApp(browser, base, { onDisk: true })
  try {
    await importInto(session, file.path, (file.firstTask ?? '').slice(0, 12), importTimeoutMs)
    return await measureCellEdits(session, count, settleMs)
  } finally {
    await session.context.close().catch(() => {})
  }
}
