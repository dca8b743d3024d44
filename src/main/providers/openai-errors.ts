import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai'
import type { AppError, ProviderErrorCode } from '../../shared/errors'
import { codeForStatus, providerError, retryAfterSeconds, transportError } from './errors'
import { codeForErrorBody, errorBodyMessage } from './stream-error-code'

// xAI answers a bad key with 400 and a string `error` such as "Incorrect API key provided: ...".
const BAD_KEY_WORDING = /(incorrect|invalid) api key|api key (is )?(not valid|invalid)/i

function codeForHttpError(status: number, error: APIError): ProviderErrorCode {
  const message = errorBodyMessage(error.error) || error.message
  const code = codeForStatus(status, message)
  return code === 'bad_request' && BAD_KEY_WORDING.test(message) ? 'auth' : code
}

/** Maps whatever an OpenAI-SDK call threw onto the shared error taxonomy. */
export function toProviderError(error: unknown): AppError {
  const transport = transportError(error)
  if (transport) return transport
  if (error instanceof APIUserAbortError) return providerError('cancelled', error)
  if (error instanceof APIConnectionTimeoutError) return providerError('timeout', error)
  if (error instanceof APIConnectionError) return providerError('network', error)
  if (error instanceof APIError) {
    // No status: the SDK met `data: {"error": ...}` inside a stream that had answered 200.
    if (error.status === undefined) return providerError(codeForErrorBody(error.error), error)
    return providerError(codeForHttpError(error.status, error), error, retryAfterSeconds(error.headers))
  }
  // A SyntaxError here is the SDK refusing a malformed `data:` line: the provider sent
  // something unreadable, which the user can only retry, so it is a provider failure.
  return providerError('provider', error)
}
