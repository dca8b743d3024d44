import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai'
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

function retryAfterSeconds(headers: Headers | undefined): number | undefined {
  const value = headers?.get('retry-after')
  if (!value) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - Date.now()) / 1000))
}

function codeForStatus(status: number | undefined, body: string): ProviderErrorCode {
  if (status === 401) return 'auth'
  if (status === 403) return 'permission'
  if (status === 404) return 'model_not_found'
  if (status === 408) return 'timeout'
  if (status === 429) return 'rate_limit'
  if (status === 503 || status === 529) return 'overloaded'
  if (status === 400 || status === 413 || status === 422) {
    return /context[_ ]length|maximum context|too long|too many tokens/i.test(body) ? 'context_length' : 'bad_request'
  }
  return 'provider'
}

const DROPPED_CONNECTION_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNREFUSED', 'ETIMEDOUT'])

/** Node's fetch reports a connection lost mid-body as `TypeError: terminated`, outside the SDK's error classes. */
function isDroppedConnection(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  const cause = error.cause as { code?: unknown } | undefined
  return error.message === 'terminated' || (typeof cause?.code === 'string' && DROPPED_CONNECTION_CODES.has(cause.code))
}

/** Maps whatever an OpenAI-SDK call threw onto the shared error taxonomy. */
export function toProviderError(error: unknown): AppError {
  if (error instanceof AppError) return error
  if (error instanceof APIUserAbortError) return new AppError('cancelled', PROVIDER_ERROR_MESSAGES.cancelled, { cause: error })
  if (error instanceof APIConnectionTimeoutError) return new AppError('timeout', PROVIDER_ERROR_MESSAGES.timeout, { cause: error })
  if (error instanceof APIConnectionError) return new AppError('network', PROVIDER_ERROR_MESSAGES.network, { cause: error })
  if (error instanceof APIError) {
    const code = codeForStatus(error.status, error.message)
    const options: { cause: unknown; retryAfterSeconds?: number } = { cause: error }
    const retryAfter = retryAfterSeconds(error.headers)
    if (retryAfter !== undefined) options.retryAfterSeconds = retryAfter
    return new AppError(code, PROVIDER_ERROR_MESSAGES[code], options)
  }
  if (isDroppedConnection(error)) return new AppError('network', PROVIDER_ERROR_MESSAGES.network, { cause: error })
  if (error instanceof Error && error.name === 'AbortError') {
    return new AppError('cancelled', PROVIDER_ERROR_MESSAGES.cancelled, { cause: error })
  }
  return new AppError('provider', PROVIDER_ERROR_MESSAGES.provider, { cause: error })
}
