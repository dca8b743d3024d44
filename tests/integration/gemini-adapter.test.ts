import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createGeminiAdapter } from '../../src/main/providers/gemini'
import type { ChatRequest, ProviderAdapter, StreamEvent } from '../../src/main/providers/types'
import type { ProviderErrorCode } from '../../src/shared/errors'
import { drain, drainAbortingAfter, expectAppError, firstEvents, mockConnection, pieces, sentBody, useMockProvider } from '../support/adapter-harness'
import type { ConnectionOptions, StreamOutcome } from '../support/adapter-harness'
import { geminiRetryDelay, geminiTranscript, geminiTranscriptOf, type GeminiChunk } from '../support/factories/gemini-fixture'
import { DEFAULT_API_KEY, FIXTURES_DIR, loadFixture } from '../support/mock-provider'
import type { Chunking } from '../support/mock-provider'

const FIXTURES = readdirSync(FIXTURES_DIR).filter((name) => name.startsWith('gemini-'))
const STREAM_FIXTURES = FIXTURES.filter((name) => name.endsWith('.sse')).sort()
const ERROR_FIXTURES = FIXTURES.filter((name) => name.startsWith('gemini-error-') || name.startsWith('gemini-stream-error-')).sort()

/** The code each recorded error must map to; every error fixture must be listed. */
const EXPECTED_ERROR_CODES: Record<string, ProviderErrorCode> = {
  'gemini-error-400-api-key-invalid.json': 'auth',
  'gemini-error-400-context-length.json': 'context_length',
  'gemini-error-400-invalid-argument.json': 'bad_request',
  'gemini-error-429-resource-exhausted.json': 'rate_limit',
  'gemini-error-503-overloaded.json': 'overloaded',
  'gemini-stream-error-404-not-found.json': 'model_not_found'
}

const MODEL = 'gemini-2.0-flash'
const REQUEST: ChatRequest = { model: MODEL, system: null, messages: [{ role: 'user', content: 'Hello' }], params: {} }

const mock = useMockProvider()

function adapter(options: ConnectionOptions = {}): ProviderAdapter {
  return createGeminiAdapter(mockConnection(mock.current.origin, options))
}

function run(request: ChatRequest = REQUEST, target = adapter(), signal = new AbortController().signal): Promise<StreamOutcome> {
  return drain(target.stream(request, signal))
}

function expectTranscript(events: StreamEvent[], expected: ReturnType<typeof geminiTranscript>): void {
  expect(pieces(events, 'text')).toEqual(expected.textPieces)
  expect(pieces(events, 'reasoning')).toEqual(expected.reasoningPieces)
  const usage = expected.usage ? [{ type: 'usage', usage: expected.usage }] : []
  expect(events.filter((event) => event.type === 'usage')).toEqual(usage)
  expect(events.at(-1)).toEqual({ type: 'done', finishReason: expected.finishReason })
}

describe('every Gemini streaming transcript', () => {
  it('finds the transcripts', () => {
    expect(STREAM_FIXTURES.length).toBeGreaterThanOrEqual(3)
  })

  const chunkings: Chunking[] = ['event', { bytes: 5 }]
  for (const fixture of STREAM_FIXTURES) {
    for (const chunk of chunkings) {
      it(`${fixture} (chunk ${JSON.stringify(chunk)})`, async () => {
        mock.current.setScenario({ kind: 'replay', fixture, chunk })
        const { events, error } = await run()
        expect(error).toBeUndefined()
        expectTranscript(events, geminiTranscript(fixture))
        expect(events.some((event) => event.type === 'text' && event.text === '')).toBe(false)
        expect(mock.current.requests).toHaveLength(1)
      })
    }
  }

  it('yields thought parts as reasoning (the recorded thought-part response, reframed as one SSE event)', async () => {
    const json = JSON.parse(loadFixture('gemini-generate-thinking-thought-part.json').toString('utf8')) as GeminiChunk
    mock.current.setScenario({ kind: 'raw', contentType: 'text/event-stream', chunks: [`data: ${JSON.stringify(json)}\r\n\r\n`] })
    const { events, error } = await run()
    expect(error).toBeUndefined()
    const expected = geminiTranscriptOf([json])
    expect(expected.reasoningPieces).toHaveLength(1)
    expectTranscript(events, expected)
  })

  it('keeps the text streamed before an error chunk, then fails with its code', async () => {
    const head = firstEvents('gemini-stream-usage.sse', 2)
    const errorChunk = `data: ${JSON.stringify(JSON.parse(loadFixture('gemini-error-503-overloaded.json').toString('utf8')))}\r\n\r\n`
    mock.current.setScenario({ kind: 'raw', contentType: 'text/event-stream', chunks: [...head, errorChunk] })
    const { events, error } = await run()
    expect(pieces(events, 'text').join('')).toBe('The sky is blue')
    expectAppError(error, 'overloaded')
  })

  it('treats a stream that closes without a finishReason as cut off', async () => {
    mock.current.setScenario({ kind: 'raw', contentType: 'text/event-stream', chunks: firstEvents('gemini-stream-usage.sse', 2) })
    const { events, error } = await run()
    expect(pieces(events, 'text').join('')).toBe('The sky is blue')
    expectAppError(error, 'network')
    expect(mock.current.requests).toHaveLength(1)
  })

  it('does not silently re-send a stream that closes after a continuation checkpoint', async () => {
    const checkpoint = { candidates: [{ content: { parts: [{ text: 'The' }], role: 'model' }, continuationToken: 'dG9rZW4=' }] }
    mock.current.setScenario({ kind: 'raw', contentType: 'text/event-stream', chunks: [`data: ${JSON.stringify(checkpoint)}\r\n\r\n`] })
    const { events, error } = await run()
    expect(pieces(events, 'text')).toEqual(['The'])
    expectAppError(error, 'network')
    expect(mock.current.requests).toHaveLength(1)
  })
})

describe('every Gemini error fixture', () => {
  it('has an expected code for each fixture', () => {
    expect(ERROR_FIXTURES).toEqual(Object.keys(EXPECTED_ERROR_CODES).sort())
  })

  for (const fixture of ERROR_FIXTURES) {
    const code = EXPECTED_ERROR_CODES[fixture] ?? 'provider'
    const status = Number(JSON.parse(loadFixture(fixture).toString('utf8')).error.code)
    it(`${fixture} (${status}) -> ${code}, sent once`, async () => {
      mock.current.setScenario({ kind: 'http-error', status, fixture })
      const { events, error } = await run()
      expect(events).toEqual([])
      const appError = expectAppError(error, code)
      expect(appError.retryAfterSeconds).toBe(geminiRetryDelay(fixture))
      expect(mock.current.requests).toHaveLength(1)
    })
  }

  it('429 RESOURCE_EXHAUSTED carries the RetryInfo delay', async () => {
    const fixture = 'gemini-error-429-resource-exhausted.json'
    mock.current.setScenario({ kind: 'http-error', status: 429, fixture })
    const { error } = await run()
    expect(expectAppError(error, 'rate_limit').retryAfterSeconds).toBe(35)
  })

  it('still maps the 404 when it comes as text/event-stream, as recorded (the SDK then does not parse it as JSON)', async () => {
    const fixture = 'gemini-stream-error-404-not-found.json'
    mock.current.setScenario({ kind: 'http-error', status: 404, fixture, headers: { 'content-type': 'text/event-stream' } })
    const { error } = await run()
    expectAppError(error, 'model_not_found')
  })

  it('maps a wrong key (400 API_KEY_INVALID from the mock) to auth', async () => {
    const { error } = await run(REQUEST, adapter({ apiKey: 'wrong-key' }))
    expectAppError(error, 'auth')
  })
})

describe('the request sent', () => {
  it('names the model in the path, asks for SSE and sends the key as a header', async () => {
    mock.current.setScenario({ kind: 'replay', fixture: 'gemini-stream-text.sse' })
    await run()
    const request = mock.current.requests[0]
    expect(request?.path).toBe(`/v1beta/models/${MODEL}:streamGenerateContent`)
    expect(new URL(request?.url ?? '', mock.current.origin).searchParams.get('alt')).toBe('sse')
    expect(request?.headers['x-goog-api-key']).toBe(DEFAULT_API_KEY)
  })

  it('maps roles, the system prompt and params, and sends only API fields', async () => {
    mock.current.setScenario({ kind: 'replay', fixture: 'gemini-stream-text.sse' })
    const messages: ChatRequest['messages'] = [
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello!' },
      { role: 'user', content: 'Capital of Wyoming?' }
    ]
    await run({ ...REQUEST, system: 'Be brief.', messages, params: { temperature: 0.3, topP: 0.8, maxOutputTokens: 256, thinkingBudget: 1024 } })
    expect(sentBody(mock.current)).toEqual({
      contents: [
        { role: 'user', parts: [{ text: 'Hi' }] },
        { role: 'model', parts: [{ text: 'Hello!' }] },
        { role: 'user', parts: [{ text: 'Capital of Wyoming?' }] }
      ],
      systemInstruction: { parts: [{ text: 'Be brief.' }], role: 'user' },
      generationConfig: {
        temperature: 0.3,
        topP: 0.8,
        maxOutputTokens: 256,
        thinkingConfig: { includeThoughts: true, thinkingBudget: 1024 }
      }
    })
  })

  it('sends no sampling or thinking settings when the chat sets none', async () => {
    mock.current.setScenario({ kind: 'replay', fixture: 'gemini-stream-text.sse' })
    await run()
    // The SDK always sends a generationConfig object, empty here.
    expect(sentBody(mock.current)).toEqual({ contents: [{ role: 'user', parts: [{ text: 'Hello' }] }], generationConfig: {} })
  })
})

describe('listModels', () => {
  const model = (id: string, methods: string[], extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    name: `models/${id}`,
    displayName: `Name of ${id}`,
    supportedGenerationMethods: methods,
    ...extra
  })

  it('keeps only chat models from the default listing', async () => {
    expect(await adapter().listModels()).toEqual([
      { id: 'gemini-2.0-flash', displayName: 'Gemini 2.0 Flash', contextWindow: 1048576, vision: null, reasoning: null }
    ])
  })

  it('fetches every page by pageToken, filters non-chat models and strips models/', async () => {
    mock.current.setModelPages('gemini', [
      {
        cursor: null,
        body: {
          models: [model('gemini-a', ['generateContent', 'countTokens'], { inputTokenLimit: 1000, thinking: true }), model('embedding-a', ['embedContent'])],
          nextPageToken: 'page-2'
        }
      },
      { cursor: 'page-2', body: { models: [model('imagen-a', ['predict']), model('gemini-b', ['generateContent'])], nextPageToken: 'page-3' } },
      // An empty page with a token: the SDK's item iterator would yield undefined here.
      { cursor: 'page-3', body: { models: [], nextPageToken: 'page-4' } },
      { cursor: 'page-4', body: { models: [model('gemini-c', ['generateContent', 'createCachedContent'])] } }
    ])
    const models = await adapter().listModels()
    expect(models.map((m) => m.id)).toEqual(['gemini-a', 'gemini-b', 'gemini-c'])
    expect(models[0]).toEqual({ id: 'gemini-a', displayName: 'Name of gemini-a', contextWindow: 1000, vision: null, reasoning: true })
    const tokens = mock.current.requests.map((r) => new URL(r.url, mock.current.origin).searchParams.get('pageToken'))
    expect(tokens).toEqual([null, 'page-2', 'page-3', 'page-4'])
    expect(mock.current.requests.every((r) => r.path === '/v1beta/models')).toBe(true)
  })

  it('maps a wrong key to auth', async () => {
    await expect(adapter({ apiKey: 'wrong-key' }).listModels()).rejects.toMatchObject({ code: 'auth' })
  })
})

describe('cancel and timeouts', () => {
  it('aborting mid-stream closes the connection and ends in cancelled', async () => {
    mock.current.setScenario({ kind: 'replay', fixture: 'gemini-stream-usage.sse', delayMs: 100 })
    const { events, error } = await drainAbortingAfter((signal) => adapter().stream(REQUEST, signal), (event) => event.type === 'text')
    expect(pieces(events, 'text')).toEqual(['The'])
    expectAppError(error, 'cancelled')
    const closed = await mock.current.waitForClientClose()
    expect(closed.clientClosed).toBe(true)
    expect(mock.current.requests).toHaveLength(1)
  })

  it('a stalled stream ends in timeout, not a hang, and is not resumed', async () => {
    mock.current.setScenario({ kind: 'stall', fixture: 'gemini-stream-usage.sse', afterEvents: 1 })
    const { events, error } = await run(REQUEST, adapter({ idleTimeoutMs: 300 }))
    expect(pieces(events, 'text')).toEqual(['The'])
    expectAppError(error, 'timeout')
    expect(mock.current.requests).toHaveLength(1)
  })

  it('a stall before the first chunk is not silently re-sent either', async () => {
    mock.current.setScenario({ kind: 'stall', fixture: 'gemini-stream-usage.sse', afterEvents: 0 })
    const { events, error } = await run(REQUEST, adapter({ idleTimeoutMs: 300 }))
    expect(events).toEqual([])
    expectAppError(error, 'timeout')
    expect(mock.current.requests).toHaveLength(1)
  })
})
