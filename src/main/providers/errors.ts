import { AppError, type ProviderErrorCode } from '../../shared/errors'

/** One plain sentence per code; what the user should do next is part of it. */
export const PROVIDER_ERROR_MESSAGES: Record<ProviderErrorCode, string> = {
  auth: 'The provider rejected the API key. Check or replace the key in Settings.',
  permission: 'This key is not allowed to use that model or feature. Check your plan with the provider or pick another model.',
  rate_limit: 'The provider is rate-limiting this key. Wait a moment, then retry.',
  overloaded: 'The provider is overloaded right now. Retry in a little while or pick another model.',
  context_length: 'The conversation is too long for this model. Start a new chat or pick a model with a larger context.',
  model_not_found: 'The provider does not know this model, or this key cannot see it. Pick another model.',
  bad_request: 'The provider refused the request as invalid.',
  network: 'Chofesh could not reach the provider. Check your connection and the base URL, then retry.',
  timeout: 'The provider stopped answering. Retry, or pick another model.',
  cancelled: 'Stopped.',
  provider: 'The provider failed while answering. Retry in a moment.'
}

export function providerError(code: ProviderErrorCode, cause?: unknown, retryAfterSeconds?: number): AppError {
  const options: { cause?: unknown; retryAfterSeconds?: number } = { cause }
  if (retryAfterSeconds !== undefined) options.retryAfterSeconds = retryAfterSeconds
  return new AppError(code, PROVIDER_ERROR_MESSAGES[code], options)
}

/** Seconds from a `retry-after` header (seconds or HTTP date), if present. */
export function retryAfterSeconds(headers: Headers | undefined | null): number | undefined {
  const value = headers?.get('retry-after')
  if (!value) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - Date.now()) / 1000))
}

const CONTEXT_LENGTH = /context[_ ]length|context window|maximum context|prompt is too long|too many tokens|exceeds the maximum number of tokens/i

/** The taxonomy code for an HTTP status; `body` (the error text) refines 400s. */
export function codeForStatus(status: number | undefined, body: string): ProviderErrorCode {
  if (status === 401) return 'auth'
  if (status === 403) return 'permission'
  if (status === 404) return 'model_not_found'
  if (status === 408) return 'timeout'
  if (status === 429) return 'rate_limit'
  if (status === 503 || status === 529) return 'overloaded'
  if (status === 400 || status === 413 || status === 422) return CONTEXT_LENGTH.test(body) ? 'context_length' : 'bad_request'
  return 'provider'
}

/** Thrown by the timed fetch when a response goes silent; see timed-fetch.ts. */
export class IdleTimeoutError extends Error {
  constructor(idleMs: number) {
    super(`no data from the provider for ${idleMs} ms`)
    this.name = 'IdleTimeoutError'
  }
}

/** Thrown by the timed fetch when the provider does not answer a request in time. */
export class ConnectTimeoutError extends Error {
  constructor(connectMs: number) {
    super(`the provider did not answer within ${connectMs} ms`)
    this.name = 'ConnectTimeoutError'
  }
}

const DROPPED_CONNECTION_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT'])

function findInCauses(error: unknown, test: (error: Error & { code?: unknown }) => boolean): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (test(current as Error & { code?: unknown })) return true
  }
  return false
}

/**
 * Failures that are the same whatever the SDK: our own timeouts, a dropped
 * or refused connection (Node's fetch says `TypeError: terminated` or `fetch
 * failed` with a socket code as cause), and aborts. Null when it is none of these.
 */
export function transportError(error: unknown): AppError | null {
  if (error instanceof AppError) return error
  if (findInCauses(error, (e) => e instanceof IdleTimeoutError || e instanceof ConnectTimeoutError)) {
    return providerError('timeout', error)
  }
  if (findInCauses(error, (e) => e.name === 'AbortError' || e.name === 'APIUserAbortError')) return providerError('cancelled', error)
  const dropped = findInCauses(
    error,
    (e) => e.message === 'terminated' || e.message === 'fetch failed' || (typeof e.code === 'string' && DROPPED_CONNECTION_CODES.has(e.code))
  )
  return dropped ? providerError('network', error) : null
}

/** For code above the adapters: adapters throw AppErrors already; anything else is a transport failure or a bug. */
export function asProviderError(error: unknown): AppError {
  return transportError(error) ?? providerError('provider', error)
}
