import type { ServerResponse } from 'node:http'
import { loadFixture } from './fixtures'
import type { ModelListKind, ModelPage } from './types'

/** The query parameter each API pages its model list with. */
const CURSOR_PARAM: Record<ModelListKind, string> = {
  openai: 'after',
  anthropic: 'after_id',
  gemini: 'pageToken'
}

function fixtureJson(name: string): Record<string, unknown> {
  return JSON.parse(loadFixture(name).toString('utf8')) as Record<string, unknown>
}

/**
 * Synthesized in the documented `models.list` shape (no recording exists in
 * the fixture set): one chat model and one embedding-only model, so a
 * default listing already shows whether a client filters non-chat models.
 */
const GEMINI_DEFAULT_PAGE = {
  models: [
    {
      name: 'models/gemini-2.0-flash',
      displayName: 'Gemini 2.0 Flash',
      inputTokenLimit: 1048576,
      outputTokenLimit: 8192,
      supportedGenerationMethods: ['generateContent', 'countTokens']
    },
    {
      name: 'models/text-embedding-004',
      displayName: 'Text Embedding 004',
      inputTokenLimit: 2048,
      supportedGenerationMethods: ['embedContent']
    }
  ]
}

export function defaultModelPages(): Record<ModelListKind, ModelPage[]> {
  return {
    // The raw bytes, so this default stays a byte-for-byte replay.
    openai: [{ cursor: null, body: loadFixture('openai-models-list.json') }],
    // The documented example says has_more: true with "<string>" placeholder
    // ids; served as is, a paging client would ask for after_id=<string> for
    // ever. So it is served as the only page, with has_more turned off.
    anthropic: [{ cursor: null, body: { ...fixtureJson('anthropic-models-list.json'), has_more: false } }],
    gemini: [{ cursor: null, body: GEMINI_DEFAULT_PAGE }]
  }
}

/** Throws at once on pages a lookup could never choose between. */
export function checkModelPages(pages: readonly ModelPage[]): void {
  if (pages.length === 0) throw new Error('a model list needs at least one page')
  const cursors = new Set(pages.map((page) => page.cursor))
  if (cursors.size !== pages.length) throw new Error('model page cursors must be unique')
  if (!cursors.has(null)) throw new Error('one model page must have cursor null (the first page)')
}

/**
 * Answers with the page the request's cursor names. An unknown cursor is a
 * 400, so a client that pages wrongly fails loudly instead of looping.
 */
export function sendModelPage(res: ServerResponse, kind: ModelListKind, pages: readonly ModelPage[], query: URLSearchParams): void {
  const cursor = query.get(CURSOR_PARAM[kind])
  const page = pages.find((candidate) => candidate.cursor === cursor)
  if (!page) {
    const body = JSON.stringify({ error: { message: `mock provider has no ${kind} model page for cursor ${cursor}`, type: 'invalid_request_error' } })
    res.writeHead(400, { 'content-type': 'application/json' })
    res.end(body)
    return
  }
  const bytes = Buffer.isBuffer(page.body) ? page.body : Buffer.from(JSON.stringify(page.body), 'utf8')
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(bytes.length) })
  res.end(bytes)
}
