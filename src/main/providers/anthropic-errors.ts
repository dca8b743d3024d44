import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk'
import type { AppError, ProviderErrorCode } from '../../shared/errors'
import { codeForStatus, providerError, retryAfterSeconds, transportError } from './errors'

/**
 * Anthropic names the failure in the body's `error.type`. It is the only
 * signal for an `event: error` inside a 200 stream (no status there), and it
 * is more precise than the status otherwise (e.g. 529 and a mid-stream
 * overload are both `overloaded_error`).
 */
const CODE_BY_TYPE: Readonly<Record<string, ProviderErrorCode>> = {
  overloaded_error: 'overloaded',
  rate_limit_error: 'rate_limit',
  authentication_error: 'auth',
  permission_error: 'permission',
  // Out of credit: the key works, the account may not use it now.
  billing_error: 'permission',
  not_found_error: 'model_not_found',
  timeout_error: 'timeout',
  api_error: 'provider'
}

function codeForType(type: string | null, message: string): ProviderErrorCode | undefined {
  // The same type covers a too-long prompt and any other invalid request; only the text tells them apart.
  if (type === 'invalid_request_error') return codeForStatus(400, message)
  return type === null ? undefined : CODE_BY_TYPE[type]
}

/** Maps whatever an Anthropic-SDK call threw onto the shared error taxonomy. */
export function toProviderError(error: unknown): AppError {
  const transport = transportError(error)
  if (transport) return transport
  if (error instanceof APIUserAbortError) return providerError('cancelled', error)
  if (error instanceof APIConnectionTimeoutError) return providerError('timeout', error)
  if (error instanceof APIConnectionError) return providerError('network', error)
  if (error instanceof APIError) {
    const message = error.apiMessage ?? error.message
    const code = codeForType(error.type, message) ?? codeForStatus(error.status, message)
    return providerError(code, error, retryAfterSeconds(error.headers))
  }
  return providerError('provider', error)
}
