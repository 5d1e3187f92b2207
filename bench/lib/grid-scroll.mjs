// Measures frame times and blank gaps while the grid's viewport is scrolled through the list.
import { NotAvailable, ok } from './outcome.mjs'
import { percentile } from './stats.mjs'

/**
 * Scrolls the grid's vertical scroller (`.ag-body-viewport` before AG Grid 36, `.ag-grid-viewport`
 * since; found as the rows' nearest scrollable ancestor) by half a view per animation frame,
 * `frames` times. At each frame it records the frame interval and whether rendered rows cover
 * the middle of the view (what the previous frame painted); a frame without them is a blank gap.
 */
export async function measureScroll(session, frames = 240) {
  const { page } = session
  const found = await page.locator('.ag-row[row-index]').first().waitFor({ state: 'attached', timeout: 5_000 }).then(() => true, () => false)
  if (!found) throw new NotAvailable('no grid rows (.ag-row[row-index]) on the page')
  const r = await page.evaluate(async (count) => {
    let viewport = document.querySelector('.ag-row[row-index]')
    while (viewport && !(viewport.scrollHeight > viewport.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(viewport).overflowY))) viewport = viewport.parentElement
    if (!viewport) return null
    viewport.scrollTop = 0
    await new Promise((res) => setTimeout(res, 300))
    const step = Math.max(40, Math.floor(viewport.clientHeight / 2))
    const intervals = []
    let blank = 0
    let last = null
    const covered = () => {
      const view = viewport.getBoundingClientRect()
      const middle = view.top + view.height / 2
      return [...viewport.querySelectorAll('.ag-row[row-index]')].some((row) => {
        const b = row.getBoundingClientRect()
        return b.top <= middle && b.bottom >= middle && row.textContent.trim() !== ''
      })
    }
    for (let i = 0; i < count; i++) {
      const now = await new Promise((res) => requestAnimationFrame(res))
      if (last !== null) {
        intervals.push(now - last)
        if (!covered()) blank++
      }
      last = now
      if (viewport.scrollTop + viewport.clientHeight >= viewport.scrollHeight - 1) viewport.scrollTop = 0
      else viewport.scrollTop += step
    }
    return { intervals, blank, step, scrollHeight: viewport.scrollHeight, scroller: viewport.className.split(/\s+/).find((c) => c.startsWith('ag-')) ?? viewport.tagName }
  }, frames)
  if (!r) throw new NotAvailable('the grid rows have no scrollable container (list shorter than the view?)')
  if (r.intervals.length === 0) throw new Error('no frames were recorded')
  return ok({
    frames: r.intervals.length,
    p95: percentile(r.intervals, 95),
    worst: Math.max(...r.intervals),
    longFrames: r.intervals.filter((t) => t > 50).length,
    blankFrames: r.blank,
    stepPx: r.step,
    scrollHeightPx: r.scrollHeight,
    scroller: r.scroller,
  })
}
