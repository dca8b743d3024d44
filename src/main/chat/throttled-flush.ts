export interface ThrottledFlush {
  /** Something changed: flush within `intervalMs` (at most one flush per interval). */
  mark(): void
  /** Flush now if something changed since the last flush. */
  flushNow(): void
  /** Drop any pending flush. */
  cancel(): void
}

/**
 * Trailing-edge throttle shared by stream coalescing (~16 ms, one IPC message
 * per frame) and partial-answer persistence (250 ms).
 */
export function createThrottledFlush(intervalMs: number, flush: () => void): ThrottledFlush {
  let timer: NodeJS.Timeout | null = null
  let dirty = false

  const run = (): void => {
    timer = null
    if (!dirty) return
    dirty = false
    flush()
  }

  return {
    mark() {
      dirty = true
      timer ??= setTimeout(run, intervalMs)
    },
    flushNow() {
      if (timer) clearTimeout(timer)
      run()
    },
    cancel() {
      if (timer) clearTimeout(timer)
      timer = null
      dirty = false
    }
  }
}
