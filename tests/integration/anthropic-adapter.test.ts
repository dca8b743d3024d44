import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ANTHROPIC_DEFAULT_MAX_TOKENS, createAnthropicAdapter } from '../../src/main/providers/anthropic'
import type { ChatRequest, ProviderAdapter } from '../../src/main/providers/types'
import type { ProviderErrorCode } from '../../src/shared/errors'
import { drain, drainAbortingAfter, expectAppError, firstEvents, mockConnection, pieces, sentBody, useMockProvider } from '../support/adapter-harness'
import type { ConnectionOptions, StreamOutcome } from '../support/adapter-harness'
import { anthropicTranscript } from '../support/factories/anthropic-fixture'
import { DEFAULT_API_KEY, FIXTURES_DIR, loadFixture } from '../support/mock-provider'
import type { Chunking } from '../support/mock-provider'

const FIXTURES = readdirSync(FIXTURES_DIR).filter((name) => name.startsWith('anthropic-'))
const STREAM_FIXTURES = FIXTURES.filter((name) => name.endsWith('.sse')).sort()
const ERROR_FIXTURES = FIXTURES.filter((name) => name.startsWith('anthropic-error-')).sort()

/** The code each recorded error must map to; every error fixture must be listed. */
const EXPECTED_ERROR_CODES: Record<string, ProviderErrorCode> = {
  'anthropic-error-400-prompt-too-long.http': 'context_length',
  'anthropic-error-400-prompt-too-long.json': 'context_length',
  'anthropic-error-401-authentication.json': 'auth',
  'anthropic-error-404-model-not-found.json': 'model_not_found',
  'anthropic-error-429-rate-limit.json': 'rate_limit',
  'anthropic-error-500-api-error.json': 'provider',
  'anthropic-error-529-overloaded.json': 'overloaded'
}

const REQUEST: ChatRequest = {
  model: 'claude-sonnet-4-5',
  system: null,
  messages: [{ role: 'user', content: 'Hello' }],
  params: {}
}

const mock = useMockProvider()

function adapter(options: ConnectionOptions = {}): ProviderAdapter {
  return createAnthropicAdapter(mockConnection(mock.current.origin, options))
}

function run(request: ChatRequest = REQUEST, target = adapter(), signal = new AbortController().signal): Promise<StreamOutcome> {
  return drain(target.stream(request, signal))
}

/** Status, headers and body of a recorded raw HTTP response (.http fixture). */
function parseHttp(fixture: string): { status: number; headers: Record<string, string>; body: string } {
  const text = loadFixture(fixture).toString('utf8')
  const split = text.indexOf('\n\n')
  const [statusLine = '', ...headerLines] = text.slice(0, split).split('\n')
  const headers: Record<string, string> = {}
  for (const line of headerLines) {
    const colon = line.indexOf(':')
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body: text.slice(split + 2) }
}

describe('every Anthropic streaming transcript', () => {
  it('finds the transcripts', () => {
    expect(STREAM_FIXTURES.length).toBeGreaterThanOrEqual(5)
  })

  const chunkings: Chunking[] = ['event', { bytes: 5 }]
  for (const fixture of STREAM_FIXTURES) {
    const expected = anthropicTranscript(fixture)
    for (const chunk of chunkings) {
      it(`${fixture} (chunk ${JSON.stringify(chunk)})`, async () => {
        mock.current.setScenario({ kind: 'replay', fixture, chunk })
        const { events, error } = await run()
        expect(pieces(events, 'text')).toEqual(expected.textPieces)
        expect(pieces(events, 'reasoning')).toEqual(expected.reasoningPieces)
        if (expected.errorType !== null) {
          // anthropic-stream-error-overloaded.sse: an `event: error` after HTTP 200.
          expectAppError(error, 'overloaded')
          return
        }
        expect(error).toBeUndefined()
        expect(events.filter((event) => event.type === 'usage')).toEqual([{ type: 'usage', usage: expected.usage }])
        expect(events.at(-1)).toEqual({ type: 'done', finishReason: expected.stopReason })
        expect(mock.current.requests).toHaveLength(1)
      })
    }
  }

  it('keeps the text streamed before a mid-stream overloaded error, then fails with overloaded', async () => {
    const head = firstEvents('anthropic-messages-stream-text.sse', 5)
    const tail = loadFixture('anthropic-stream-error-overloaded.sse')
    mock.current.setScenario({ kind: 'raw', contentType: 'text/event-stream', chunks: [...head, tail.toString('utf8')] })
    const { events, error } = await run()
    expect(pieces(events, 'text').join('')).toBe('Hello there')
    expectAppError(error, 'overloaded')
  })

  it('treats a stream that closes before message_stop as cut off', async () => {
    const head = firstEvents('anthropic-messages-stream-text.sse', 5)
    mock.current.setScenario({ kind: 'raw', contentType: 'text/event-stream', chunks: head })
    const { events, error } = await run()
    expect(pieces(events, 'text').join('')).toBe('Hello there')
    expectAppError(error, 'network')
  })
})

describe('every Anthropic error fixture', () => {
  it('has an expected code for each fixture', () => {
    expect(ERROR_FIXTURES.sort()).toEqual(Object.keys(EXPECTED_ERROR_CODES).sort())
  })

  for (const fixture of ERROR_FIXTURES) {
    const code = EXPECTED_ERROR_CODES[fixture] ?? 'provider'
    it(`${fixture} -> ${code}, sent once`, async () => {
      if (fixture.endsWith('.http')) {
        const recorded = parseHttp(fixture)
        mock.current.setScenario({ kind: 'raw', status: recorded.status, contentType: recorded.headers['content-type'] ?? '', chunks: [recorded.body] })
      } else {
        const status = Number(/-(\d{3})-/.exec(fixture)?.[1])
        // x-should-retry: true would make a retrying SDK try again; ours must not.
        mock.current.setScenario({ kind: 'http-error', status, fixture, headers: { 'x-should-retry': 'true' } })
      }
      const { events, error } = await run()
      expect(events).toEqual([])
      expectAppError(error, code)
      expect(mock.current.requests).toHaveLength(1)
    })
  }

  it('carries retry-after on a 429', async () => {
    mock.current.setScenario({ kind: 'http-error', status: 429, fixture: 'anthropic-error-429-rate-limit.json', headers: { 'retry-after': '7' } })
    const { error } = await run()
    expect(expectAppError(error, 'rate_limit').retryAfterSeconds).toBe(7)
    expect(mock.current.requests).toHaveLength(1)
  })

  it('maps a wrong key (the mock rejects it) to auth', async () => {
    const { error } = await run(REQUEST, adapter({ apiKey: 'sk-ant-wrong' }))
    expectAppError(error, 'auth')
  })
})

describe('the request sent', () => {
  it('puts the system prompt at the top level and defaults max_tokens', async () => {
    mock.current.setScenario({ kind: 'replay', fixture: 'anthropic-messages-stream-text.sse' })
    const messages: ChatRequest['messages'] = [
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello!' },
      { role: 'user', content: 'How are you?' }
    ]
    await run({ ...REQUEST, system: 'Be brief.', messages })
    const request = mock.current.requests[0]
    expect(request?.path).toBe('/v1/messages')
    expect(request?.headers['anthropic-version']).toBeTruthy()
    expect(request?.headers.authorization).toBe(`Bearer ${DEFAULT_API_KEY}`)
    expect(sentBody(mock.current)).toEqual({
      model: REQUEST.model,
      system: 'Be brief.',
      messages,
      max_tokens: ANTHROPIC_DEFAULT_MAX_TOKENS,
      stream: true
    })
  })

  it('never sends temperature or top_p, which API version 2026-10-21 rejects', async () => {
    mock.current.setScenario({ kind: 'replay', fixture: 'anthropic-messages-stream-text.sse' })
    await run({ ...REQUEST, params: { temperature: 0.2, topP: 0.9, maxOutputTokens: 500 } })
    const body = sentBody(mock.current)
    expect(body.max_tokens).toBe(500)
    expect(body).not.toHaveProperty('temperature')
    expect(body).not.toHaveProperty('top_p')
    expect(body).not.toHaveProperty('thinking')
  })

  it('enables thinking with the budget and keeps max_tokens above it', async () => {
    mock.current.setScenario({ kind: 'replay', fixture: 'anthropic-messages-stream-thinking.sse' })
    await run({ ...REQUEST, params: { thinkingBudget: 2000, maxOutputTokens: 16000 } })
    expect(sentBody(mock.current)).toMatchObject({ max_tokens: 16000, thinking: { type: 'enabled', budget_tokens: 2000 } })

    await run({ ...REQUEST, params: { thinkingBudget: 10000, maxOutputTokens: 4000 } })
    const raised = sentBody(mock.current, 1) as { max_tokens: number; thinking: { budget_tokens: number } }
    expect(raised.thinking.budget_tokens).toBe(10000)
    expect(raised.max_tokens).toBeGreaterThan(10000)

    // Below the API's minimum of 1024, the budget is raised to it.
    await run({ ...REQUEST, params: { thinkingBudget: 100 } })
    expect(sentBody(mock.current, 2)).toMatchObject({ max_tokens: ANTHROPIC_DEFAULT_MAX_TOKENS, thinking: { budget_tokens: 1024 } })
  })
})

describe('listModels', () => {
  const model = (id: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    id,
    display_name: `Name of ${id}`,
    created_at: '2026-01-01T00:00:00Z',
    type: 'model',
    ...extra
  })

  it('serves the documented example by default', async () => {
    const models = await adapter().listModels()
    expect(models).toEqual([
      { id: 'claude-sonnet-4-20250514', displayName: 'Claude Sonnet 4', contextWindow: null, vision: null, reasoning: null }
    ])
  })

  it('fetches every page, following has_more and last_id', async () => {
    const capabilities = { image_input: { supported: true }, thinking: { supported: true, types: {} } }
    mock.current.setModelPages('anthropic', [
      { cursor: null, body: { data: [model('a'), model('b')], has_more: true, first_id: 'a', last_id: 'b' } },
      { cursor: 'b', body: { data: [model('c', { max_input_tokens: 200000, capabilities })], has_more: true, first_id: 'c', last_id: 'c' } },
      { cursor: 'c', body: { data: [model('d')], has_more: false, first_id: 'd', last_id: 'd' } }
    ])
    const models = await adapter().listModels()
    expect(models.map((m) => m.id)).toEqual(['a', 'b', 'c', 'd'])
    expect(models[2]).toEqual({ id: 'c', displayName: 'Name of c', contextWindow: 200000, vision: true, reasoning: true })
    expect(mock.current.requests.map((r) => new URL(r.url, mock.current.origin).searchParams.get('after_id'))).toEqual([null, 'b', 'c'])
  })

  it('maps a wrong key to auth', async () => {
    await expect(adapter({ apiKey: 'sk-ant-wrong' }).listModels()).rejects.toMatchObject({ code: 'auth' })
  })
})

describe('cancel and timeouts', () => {
  it('aborting mid-stream closes the connection and ends in cancelled', async () => {
    mock.current.setScenario({ kind: 'replay', fixture: 'anthropic-messages-stream-usage.sse', delayMs: 100 })
    const { events, error } = await drainAbortingAfter((signal) => adapter().stream(REQUEST, signal), (event) => event.type === 'text')
    expect(pieces(events, 'text')).toEqual(['Hello'])
    expectAppError(error, 'cancelled')
    const closed = await mock.current.waitForClientClose()
    expect(closed.clientClosed).toBe(true)
  })

  it('a stalled stream ends in timeout, not a hang, and is not retried', async () => {
    mock.current.setScenario({ kind: 'stall', fixture: 'anthropic-messages-stream-text.sse', afterEvents: 4 })
    const { events, error } = await run(REQUEST, adapter({ idleTimeoutMs: 300 }))
    expect(pieces(events, 'text')).toEqual(['Hello'])
    expectAppError(error, 'timeout')
    expect(mock.current.requests).toHaveLength(1)
  })

  it('a connection reset mid-stream ends in network', async () => {
    const fixture = 'anthropic-messages-stream-text.sse'
    const bytes = Buffer.byteLength(firstEvents(fixture, 4).join(''))
    mock.current.setScenario({ kind: 'reset-after', fixture, bytes })
    const { events, error } = await run()
    // Bytes still buffered when the socket dies may be dropped by the client, so a prefix is all that is certain.
    expect('Hello'.startsWith(pieces(events, 'text').join(''))).toBe(true)
    expectAppError(error, 'network')
  })
})
