import type { ProviderErrorCode } from '../../shared/errors'
import { codeForStatus } from './errors'
import { isObject } from './json-fields'

/**
 * Error `code` / `type` strings seen in OpenAI-style bodies (OpenAI, Groq,
 * DeepSeek, Mistral, OpenRouter, xAI). Anything else falls through to the message.
 */
const CODE_WORDS: Record<string, ProviderErrorCode> = {
  invalid_api_key: 'auth',
  authentication_error: 'auth',
  permission_error: 'permission',
  permission_denied: 'permission',
  rate_limit_exceeded: 'rate_limit',
  rate_limit_error: 'rate_limit',
  rate_limited: 'rate_limit',
  overloaded_error: 'overloaded',
  server_overloaded: 'overloaded',
  context_length_exceeded: 'context_length',
  model_not_found: 'model_not_found',
  not_found_error: 'model_not_found',
  server_error: 'provider',
  api_error: 'provider'
}

const MODEL_NOT_FOUND = /model\b.*\b(not found|does not exist)/i
const OVERLOADED = /overloaded/i
const RATE_LIMIT = /rate.?limit/i

/** What a bare error sentence most likely means; `provider` when it says nothing we recognise. */
function codeForMessage(message: string): ProviderErrorCode {
  // codeForStatus owns the context-length wording; asking it about a 400 reuses that list.
  if (codeForStatus(400, message) === 'context_length') return 'context_length'
  if (MODEL_NOT_FOUND.test(message)) return 'model_not_found'
  if (OVERLOADED.test(message)) return 'overloaded'
  if (RATE_LIMIT.test(message)) return 'rate_limit'
  return 'provider'
}

/** The human-readable part of an error body, if it has one. */
export function errorBodyMessage(body: unknown): string {
  if (typeof body === 'string') return body
  if (isObject(body) && typeof body['message'] === 'string') return body['message']
  return ''
}

/**
 * The taxonomy code for an error that arrived inside a stream that had
 * already answered 200, so there is no HTTP status to go on. The body is
 * whatever the provider put under `error`: an object (OpenAI, OpenRouter,
 * whose `code` may be an HTTP status number) or a plain string (xAI, Ollama).
 */
export function codeForErrorBody(body: unknown): ProviderErrorCode {
  const message = errorBodyMessage(body)
  if (isObject(body)) {
    for (const key of ['status', 'code'] as const) {
      const value = body[key]
      if (typeof value === 'number') return codeForStatus(value, message)
    }
    for (const key of ['code', 'type'] as const) {
      const value = body[key]
      const known = typeof value === 'string' ? CODE_WORDS[value] : undefined
      if (known) return known
    }
  }
  return codeForMessage(message)
}
