import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai'
import type { AppError } from '../../shared/errors'
import { codeForStatus, providerError, retryAfterSeconds, transportError } from './errors'

/** Maps whatever an OpenAI-SDK call threw onto the shared error taxonomy. */
export function toProviderError(error: unknown): AppError {
  const transport = transportError(error)
  if (transport) return transport
  if (error instanceof APIUserAbortError) return providerError('cancelled', error)
  if (error instanceof APIConnectionTimeoutError) return providerError('timeout', error)
  if (error instanceof APIConnectionError) return providerError('network', error)
  if (error instanceof APIError) {
    return providerError(codeForStatus(error.status, error.message), error, retryAfterSeconds(error.headers))
  }
  return providerError('provider', error)
}
