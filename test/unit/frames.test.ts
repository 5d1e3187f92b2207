// afterNextPaint: after the next frame when frames come, on a timer when they do not (a hidden tab, Node).
import { afterEach, describe, expect, it, vi } from 'vitest'
import { afterNextPaint, nextPaint } from '../../src/stores/frames'

afterEach(() => { vi.useRealTimers(); vi.unstubAllGlobals() })

describe('afterNextPaint', () => {
  it('runs once, in the task after the next frame', () => {
    vi.useFakeTimers()
    let frame: (() => void) | null = null
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => { frame = cb; return 1 })
    const callback = vi.fn()
    afterNextPaint(callback)
    vi.advanceTimersByTime(100)
    expect(callback).not.toHaveBeenCalled()
    frame!()
    expect(callback).not.toHaveBeenCalled()
    vi.advanceTimersByTime(0)
    expect(callback).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(1000)
    expect(callback).toHaveBeenCalledTimes(1)
  })

  it('still runs when no frame comes', async () => {
    vi.useFakeTimers()
    vi.stubGlobal('requestAnimationFrame', () => 1)
    const done = vi.fn()
    void nextPaint().then(done)
    await vi.advanceTimersByTimeAsync(300)
    expect(done).toHaveBeenCalledTimes(1)
  })
})
