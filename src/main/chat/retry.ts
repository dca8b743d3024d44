import type { AppError } from '../../shared/errors'
import type { ProviderErrorCode } from '../../shared/errors'
import { asProviderError } from '../providers/errors'
import type { StreamEvent } from '../providers/types'

export interface RetryPolicy {
  /** Tries in all, the first included. */
  maxAttempts: number
  /** First backoff delay; doubles each time, with jitter. */
  baseDelayMs: number
  maxDelayMs: number
  /** A provider asking us to wait longer than this gets its error shown instead. */
  maxRetryAfterMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 8000, maxRetryAfterMs: 20_000 }

const RETRYABLE: ReadonlySet<ProviderErrorCode> = new Set(['rate_limit', 'overloaded', 'provider'])

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>

export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true })
  })

/** How long to wait before the next try, or null to give up with `error`. */
export function retryDelay(error: AppError, attempt: number, policy: RetryPolicy, random = Math.random): number | null {
  if (attempt >= policy.maxAttempts || !RETRYABLE.has(error.code as ProviderErrorCode)) return null
  if (error.retryAfterSeconds !== undefined) {
    const asked = error.retryAfterSeconds * 1000
    return asked <= policy.maxRetryAfterMs ? asked : null
  }
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
  return Math.round(backoff * (0.75 + random() * 0.5))
}

/**
 * Retries a provider stream that failed before its first token (429,
 * overloaded, 5xx), honouring retry-after up to a cap, with backoff. Once
 * text has streamed it never retries: a second answer would not continue the
 * first one, so the caller keeps the partial answer and marks it interrupted.
 */
export async function* withRetry(
  start: () => AsyncIterable<StreamEvent>,
  signal: AbortSignal,
  options: { policy?: RetryPolicy; sleep?: Sleep; onRetry?: (error: AppError, delayMs: number) => void } = {}
): AsyncIterable<StreamEvent> {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY
  for (let attempt = 1; ; attempt++) {
    let streamed = false
    try {
      for await (const event of start()) {
        if (event.type === 'text' || event.type === 'reasoning') streamed = true
        yield event
      }
      return
    } catch (caught) {
      const error = asProviderError(caught)
      const delay = streamed || signal.aborted ? null : retryDelay(error, attempt, policy)
      if (delay === null) throw error
      options.onRetry?.(error, delay)
      await (options.sleep ?? sleep)(delay, signal)
    }
  }
}
