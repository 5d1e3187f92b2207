// A pure scheduler for long passes over a list (assessing a large document): the work runs in
// slices of a few milliseconds between tasks, so the page answers input meanwhile. It knows no
// rows, no Vue and no timers of its own: the caller gives the step, the clock and the deferral.

export interface SlicedPassOptions {
  /** Up to this many items the whole pass runs at once: slicing costs more than it saves. */
  syncLimit: number
  /** Items done at once before the first slice (a screenful, so the first paint is complete). */
  firstBatch: number
  /** Time per slice, in the clock's milliseconds. */
  sliceMs: number
  /** The clock (performance.now in the page). */
  now: () => number
  /** Runs `next` later (setTimeout 0 in the page), after input and paint had their turn. */
  defer: (next: () => void) => void
}

export interface SlicedPassEvents {
  /** After the synchronous part and after each slice: `done` of `total` items visited. */
  progress?: (done: number, total: number) => void
  /** Once, when every item was visited (synchronously for a short list). */
  finish: () => void
}

export interface SlicedPass {
  /** Stops the pass: no further step, progress or finish. */
  cancel(): void
  /** Whether every item was visited before `runSlicedPass` returned. */
  readonly finishedAtOnce: boolean
}

/** How often the clock is read: every 64 items, since reading it costs more than a cheap step. */
const CLOCK_EVERY = 64

/** Visits items 0…total−1 in order with `step`, in slices as the options say. */
export function runSlicedPass(total: number, step: (index: number) => void, options: SlicedPassOptions, events: SlicedPassEvents): SlicedPass {
  let i = 0
  let cancelled = false
  /** Steps until `end` or the deadline; true when every item is done. */
  const run = (deadline: number, end: number): boolean => {
    for (; i < end; i++) {
      if ((i & (CLOCK_EVERY - 1)) === 0 && i > 0 && options.now() > deadline) return false
      step(i)
    }
    return i >= total
  }
  if (total <= options.syncLimit) {
    run(Infinity, total)
    events.progress?.(total, total)
    events.finish()
    return { cancel: () => {}, finishedAtOnce: true }
  }
  run(Infinity, Math.min(options.firstBatch, total))
  events.progress?.(i, total)
  const next = () => {
    if (cancelled) return
    const done = run(options.now() + options.sliceMs, total)
    events.progress?.(i, total)
    if (done) events.finish()
    else options.defer(next)
  }
  options.defer(next)
  return { cancel: () => { cancelled = true }, finishedAtOnce: false }
}
