import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createThrottledFlush } from '../../src/main/chat/throttled-flush'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

function setup(intervalMs = 16) {
  const flushedAt: number[] = []
  const flush = vi.fn(() => {
    flushedAt.push(Date.now())
  })
  return { throttle: createThrottledFlush(intervalMs, flush), flush, flushedAt }
}

describe('createThrottledFlush', () => {
  it('flushes once, at the end of the interval, however many marks came in', () => {
    const { throttle, flush } = setup(16)
    throttle.mark()
    throttle.mark()
    vi.advanceTimersByTime(10)
    throttle.mark()
    vi.advanceTimersByTime(5)
    expect(flush).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(flush).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(100)
    expect(flush).toHaveBeenCalledTimes(1)
  })

  it('never flushes without a mark', () => {
    const { throttle, flush } = setup()
    vi.advanceTimersByTime(1000)
    throttle.flushNow()
    expect(flush).not.toHaveBeenCalled()
  })

  it('flushes at most once per interval under a steady stream of marks, and once more at the end', () => {
    const { throttle, flushedAt } = setup(16)
    const start = Date.now()
    for (let t = 0; t < 200; t++) {
      throttle.mark()
      vi.advanceTimersByTime(1)
    }
    vi.advanceTimersByTime(16)
    // Trailing flushes every 16 ms while marks keep coming: 200 ms gives about 12-13 of them.
    expect(flushedAt.length).toBeGreaterThanOrEqual(12)
    expect(flushedAt.length).toBeLessThanOrEqual(Math.ceil(200 / 16) + 1)
    for (let i = 1; i < flushedAt.length; i++) expect(flushedAt[i]! - flushedAt[i - 1]!).toBeGreaterThanOrEqual(16)
    // The last marks were not dropped: the trailing flush came after the last mark.
    expect(flushedAt.at(-1)!).toBeGreaterThanOrEqual(start + 200)
  })

  it('starts a new interval with the first mark after a flush', () => {
    const { throttle, flushedAt } = setup(16)
    const start = Date.now()
    throttle.mark()
    vi.advanceTimersByTime(16)
    vi.advanceTimersByTime(50)
    throttle.mark()
    vi.advanceTimersByTime(16)
    expect(flushedAt).toEqual([start + 16, start + 82])
  })

  it('flushNow flushes pending work at once and cancels the scheduled flush', () => {
    const { throttle, flush } = setup(16)
    throttle.mark()
    throttle.flushNow()
    expect(flush).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(100)
    expect(flush).toHaveBeenCalledTimes(1)
    // Nothing new since: flushNow does nothing.
    throttle.flushNow()
    expect(flush).toHaveBeenCalledTimes(1)
    // And marking again schedules normally.
    throttle.mark()
    vi.advanceTimersByTime(16)
    expect(flush).toHaveBeenCalledTimes(2)
  })

  it('cancel drops pending work, and later marks still flush', () => {
    const { throttle, flush } = setup(16)
    throttle.mark()
    throttle.cancel()
    vi.advanceTimersByTime(100)
    throttle.flushNow()
    expect(flush).not.toHaveBeenCalled()

    throttle.mark()
    vi.advanceTimersByTime(16)
    expect(flush).toHaveBeenCalledTimes(1)
  })
})
