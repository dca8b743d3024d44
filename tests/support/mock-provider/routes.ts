import type { IncomingHttpHeaders } from 'node:http'
import type { ModelListKind } from './types'

/** How a provider expects its key, and what it says when the key is wrong. */
export type AuthScheme = 'openai' | 'anthropic' | 'gemini' | 'none'

export interface Route {
  method: 'GET' | 'POST'
  matches(path: string): boolean
  /** Tells apart providers that share a path (both OpenAI and Anthropic list models at /v1/models). */
  when?(headers: IncomingHttpHeaders): boolean
  auth: AuthScheme
  /** A fixed fixture, whatever the current scenario says, or a page of a model list. */
  answer: { fixture: string } | 'scenario' | { models: ModelListKind }
}

// The Anthropic SDK always sends anthropic-version; its key goes as x-api-key
// or (SDK 1.x and later) as a bearer token, so the version header decides.
const fromAnthropic = (headers: IncomingHttpHeaders): boolean =>
  headers['anthropic-version'] !== undefined || headers['x-api-key'] !== undefined

// Gemini paths name the model and the method: /v1beta/models/<model>:streamGenerateContent.
const GEMINI_STREAM = /^\/v1(?:alpha|beta)?\/models\/[^/:]+:streamGenerateContent$/

// Add a row here for a new endpoint; the first match wins.
export const ROUTES: readonly Route[] = [
  { method: 'GET', matches: (p) => p === '/v1/models', when: fromAnthropic, auth: 'anthropic', answer: { models: 'anthropic' } },
  { method: 'GET', matches: (p) => p === '/v1/models', auth: 'openai', answer: { models: 'openai' } },
  { method: 'GET', matches: (p) => p === '/v1beta/models', auth: 'gemini', answer: { models: 'gemini' } },
  // Suffix match: OpenAI-compatible base URLs vary (/v1, /openai/v1, none).
  { method: 'POST', matches: (p) => p.endsWith('/chat/completions'), auth: 'openai', answer: 'scenario' },
  { method: 'POST', matches: (p) => p.endsWith('/v1/messages'), auth: 'anthropic', answer: 'scenario' },
  { method: 'POST', matches: (p) => GEMINI_STREAM.test(p), auth: 'gemini', answer: 'scenario' },
  { method: 'POST', matches: (p) => p === '/api/chat', auth: 'none', answer: 'scenario' },
  { method: 'GET', matches: (p) => p === '/api/tags', auth: 'none', answer: { fixture: 'ollama-tags.json' } }
]

export function findRoute(method: string, path: string, headers: IncomingHttpHeaders): Route | undefined {
  return ROUTES.find((route) => route.method === method && route.matches(path) && (route.when?.(headers) ?? true))
}

/** Unknown paths under /v1 still demand the key, as the real APIs do. */
export function authForUnrouted(path: string): AuthScheme {
  return path.startsWith('/v1/') ? 'openai' : 'none'
}

interface AuthRule {
  accepts(headers: IncomingHttpHeaders, query: URLSearchParams, key: string): boolean
  status: number
  fixture: string
}

const bearer = (headers: IncomingHttpHeaders, key: string): boolean => headers.authorization === `Bearer ${key}`

const RULES: Record<Exclude<AuthScheme, 'none'>, AuthRule> = {
  openai: { accepts: (h, _q, key) => bearer(h, key), status: 401, fixture: 'openai-error-401-invalid-api-key.json' },
  // The Anthropic SDK sends x-api-key, or a bearer token when given authToken.
  anthropic: {
    accepts: (h, _q, key) => h['x-api-key'] === key || bearer(h, key),
    status: 401,
    fixture: 'anthropic-error-401-authentication.json'
  },
  // Gemini takes the key as a header or ?key=, and answers a bad key with 400.
  gemini: {
    accepts: (h, q, key) => h['x-goog-api-key'] === key || q.get('key') === key,
    status: 400,
    fixture: 'gemini-error-400-api-key-invalid.json'
  }
}

/** The rejection to send, or null when the request may proceed. */
export function checkAuth(
  scheme: AuthScheme,
  apiKey: string | null,
  headers: IncomingHttpHeaders,
  query: URLSearchParams
): { status: number; fixture: string } | null {
  if (apiKey === null || scheme === 'none') return null
  const rule = RULES[scheme]
  return rule.accepts(headers, query, apiKey) ? null : { status: rule.status, fixture: rule.fixture }
}
