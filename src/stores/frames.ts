// Scheduling work just after the browser has painted what the page shows now.

/**
 * Runs `callback` in the task after the next frame: a frame callback runs before its paint, so
 * the task queued from it runs after. A hidden tab gets no frames; the timer still fires then.
 */
export function afterNextPaint(callback: () => void): void {
  let done = false
  const run = () => { if (!done) { done = true; callback() } }
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0))
  // Frames stop in a background tab: the work must not wait for the clerk to come back.
  setTimeout(run, 250)
}

export function nextPaint(): Promise<void> {
  return new Promise((resolve) => afterNextPaint(resolve))
}

/** Runs `callback` when the page is next idle, or after `timeoutMs` at the latest (a busy page, a browser without idle callbacks). */
export function whenIdle(callback: () => void, timeoutMs: number): void {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void }).requestIdleCallback
  if (idle) idle(callback, { timeout: timeoutMs })
  else setTimeout(callback, Math.min(timeoutMs, 1000))
}
