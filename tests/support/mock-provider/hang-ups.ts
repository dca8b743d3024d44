import type { RecordedRequest } from './types'

/**
 * Pairs client hang-ups with waiters in order. A hang-up nobody waits for
 * yet is kept, because a test usually aborts first and awaits second.
 */
export class HangUps {
  private readonly unclaimed: RecordedRequest[] = []
  private readonly waiters: Array<{ resolve(r: RecordedRequest): void; reject(e: Error): void }> = []
  private closedError: Error | null = null

  record(request: RecordedRequest): void {
    const waiter = this.waiters.shift()
    if (waiter) waiter.resolve(request)
    else this.unclaimed.push(request)
  }

  next(): Promise<RecordedRequest> {
    const ready = this.unclaimed.shift()
    if (ready) return Promise.resolve(ready)
    if (this.closedError) return Promise.reject(this.closedError)
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }))
  }

  /** Fails pending waits so a test awaiting a hang-up that never came does not hang. */
  close(error: Error): void {
    this.closedError = error
    for (const waiter of this.waiters.splice(0)) waiter.reject(error)
  }
}
