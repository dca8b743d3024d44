import { ApiError } from '@google/genai'
import type { AppError } from '../../shared/errors'
import { codeForStatus, providerError, transportError } from './errors'

/** Google's error object: `{ error: { code, message, status, details } }`. */
interface GoogleError {
  message?: unknown
  status?: unknown
  details?: unknown
}

function errorObject(text: string): GoogleError | null {
  try {
    const parsed = JSON.parse(text) as { error?: unknown }
    return typeof parsed.error === 'object' && parsed.error !== null ? (parsed.error as GoogleError) : null
  } catch {
    return null
  }
}

/**
 * The body behind an ApiError. The SDK puts the body, as JSON text, in the
 * message; an error chunk inside a stream gets a "got status: ..." prefix.
 * When the response was not labelled application/json (a 404 sent as
 * text/event-stream, say), the SDK wraps the raw text as `error.message`,
 * so the real error object is one level further in.
 */
function googleError(error: ApiError): GoogleError | null {
  const start = error.message.indexOf('{')
  const outer = start < 0 ? null : errorObject(error.message.slice(start))
  const inner = typeof outer?.message === 'string' ? errorObject(outer.message) : null
  return inner ?? outer
}

function details(body: GoogleError | null): Array<Record<string, unknown>> {
  return Array.isArray(body?.details) ? body.details.filter((d): d is Record<string, unknown> => typeof d === 'object' && d !== null) : []
}

/** `RetryInfo.retryDelay` ("7s", "34.4s") in whole seconds, rounded up so a retry is never early. */
function retryDelaySeconds(body: GoogleError | null): number | undefined {
  for (const detail of details(body)) {
    if (!String(detail['@type']).endsWith('google.rpc.RetryInfo')) continue
    const match = /^(\d+(?:\.\d+)?)s$/.exec(String(detail.retryDelay))
    if (match?.[1]) return Math.ceil(Number(match[1]))
  }
  return undefined
}

// Gemini reports a bad key as 400 INVALID_ARGUMENT; only the reason (or the text) says it is the key.
const BAD_KEY_REASONS = new Set(['API_KEY_INVALID', 'API_KEY_EXPIRED'])

/** Maps whatever a @google/genai call threw onto the shared error taxonomy. */
export function toProviderError(error: unknown): AppError {
  const transport = transportError(error)
  if (transport) return transport
  if (!(error instanceof ApiError)) return providerError('provider', error)
  const body = googleError(error)
  const text = typeof body?.message === 'string' ? body.message : error.message
  const badKey = details(body).some((d) => BAD_KEY_REASONS.has(String(d.reason))) || /API key not valid/i.test(text)
  if (badKey) return providerError('auth', error)
  if (error.status === 429) return providerError('rate_limit', error, retryDelaySeconds(body))
  if (body?.status === 'UNAVAILABLE') return providerError('overloaded', error)
  if (body?.status === 'DEADLINE_EXCEEDED' || error.status === 504) return providerError('timeout', error)
  return providerError(codeForStatus(error.status, text), error)
}
