import { readdirSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'
import OpenAI from 'openai'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  DEFAULT_API_KEY,
  FIXTURES_DIR,
  loadFixture,
  splitBytes,
  splitEvents,
  startMockProvider
} from '../support/mock-provider'
import type { Chunking, MockProvider } from '../support/mock-provider'

const STREAM_FIXTURES = readdirSync(FIXTURES_DIR)
  .filter((name) => name.endsWith('.sse') || name.endsWith('.ndjson'))
  .sort()
const AUTH = { authorization: `Bearer ${DEFAULT_API_KEY}` }
const OPENAI_TEXT =
  "I'm unable to provide real-time weather updates. To get the current weather in San Francisco, " +
  'I recommend checking a reliable weather website or a weather app.'

let mock: MockProvider

beforeEach(async () => {
  mock = await startMockProvider()
})
afterEach(async () => {
  await mock.close()
})

function post(path = '/v1/chat/completions', init: RequestInit = {}): Promise<Response> {
  return fetch(mock.origin + path, {
    method: 'POST',
    headers: { ...AUTH, 'content-type': 'application/json' },
    body: '{"model":"gpt-4o","stream":true}',
    ...init
  })
}

async function bodyBytes(res: Response): Promise<Buffer> {
  return Buffer.from(await res.arrayBuffer())
}

function readerOf(res: Response): ReadableStreamDefaultReader<Uint8Array> {
  if (!res.body) throw new Error(`response ${res.status} has no body`)
  return res.body.getReader()
}

/** Reads until at least `count` bytes arrived (or the stream ends). */
async function readAtLeast(reader: ReadableStreamDefaultReader<Uint8Array>, count: number): Promise<Buffer> {
  const parts: Buffer[] = []
  let total = 0
  while (total < count) {
    const { done, value } = await reader.read()
    if (done) break
    parts.push(Buffer.from(value))
    total += value.length
  }
  return Buffer.concat(parts)
}

describe('replay', () => {
  it('finds the stream fixtures', () => {
    expect(STREAM_FIXTURES).toContain('gemini-stream-text.sse')
    expect(STREAM_FIXTURES).toContain('ollama-chat-stream.ndjson')
    expect(STREAM_FIXTURES.length).toBeGreaterThanOrEqual(20)
  })

  const chunkings: Chunking[] = ['event', { bytes: 7 }]
  for (const chunk of chunkings) {
    for (const fixture of STREAM_FIXTURES) {
      it(`replays ${fixture} byte for byte (chunk ${JSON.stringify(chunk)})`, async () => {
        mock.setScenario({ kind: 'replay', fixture, chunk })
        const res = await post()
        expect(res.status).toBe(200)
        const type = fixture.endsWith('.sse') ? 'text/event-stream' : 'application/x-ndjson'
        expect(res.headers.get('content-type')).toBe(type)
        expect((await bodyBytes(res)).equals(loadFixture(fixture))).toBe(true)
      })
    }
  }

  it('keeps the CRLF framing of gemini-stream-text.sse on the Gemini route', async () => {
    mock.setScenario({ kind: 'replay', fixture: 'gemini-stream-text.sse' })
    const res = await post('/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse', {
      headers: { 'x-goog-api-key': DEFAULT_API_KEY }
    })
    const body = await bodyBytes(res)
    expect(body.equals(loadFixture('gemini-stream-text.sse'))).toBe(true)
    expect(body.subarray(-4).toString('latin1')).toBe('\r\n\r\n')
    expect(/[^\r]\n/.test(body.toString('latin1'))).toBe(false)
  })

  it('answers with the default scenario before any setScenario', async () => {
    const body = await bodyBytes(await post())
    expect(body.equals(loadFixture('openai-chat-stream-text.sse'))).toBe(true)
  })

  it('serves .json with application/json and honours status', async () => {
    mock.setScenario({ kind: 'replay', fixture: 'ollama-error.json', status: 500 })
    const res = await post('/api/chat', { headers: {} })
    expect(res.status).toBe(500)
    expect(res.headers.get('content-type')).toBe('application/json')
    expect((await bodyBytes(res)).equals(loadFixture('ollama-error.json'))).toBe(true)
  })

  it('applies the scenario to the Anthropic and Ollama routes too', async () => {
    mock.setScenario({ kind: 'replay', fixture: 'anthropic-messages-stream-text.sse' })
    const anthropic = await post('/v1/messages', { headers: { 'x-api-key': DEFAULT_API_KEY } })
    expect((await bodyBytes(anthropic)).equals(loadFixture('anthropic-messages-stream-text.sse'))).toBe(true)
    mock.setScenario({ kind: 'replay', fixture: 'ollama-chat-stream.ndjson' })
    const ollama = await post('/api/chat', { headers: {} })
    expect((await bodyBytes(ollama)).equals(loadFixture('ollama-chat-stream.ndjson'))).toBe(true)
  })

  it('sends one event per write when chunked by event', async () => {
    const fixture = 'ollama-chat-stream.ndjson'
    mock.setScenario({ kind: 'replay', fixture, delayMs: 150 })
    const reader = readerOf(await post())
    const first = splitEvents(loadFixture(fixture), fixture)[0] ?? Buffer.alloc(0)
    expect(first.length).toBeGreaterThan(0)
    expect((await readAtLeast(reader, first.length)).equals(first)).toBe(true)
    await reader.cancel()
  })

  it('rejects an unknown fixture at setScenario time', () => {
    expect(() => mock.setScenario({ kind: 'replay', fixture: 'no-such-file.sse' })).toThrow()
    expect(() => mock.setScenario({ kind: 'replay', fixture: '../unit/x.sse' })).toThrow()
  })

  it('sends raw chunks as given', async () => {
    mock.setScenario({ kind: 'raw', contentType: 'text/event-stream', chunks: ['data: {bad\n\n', 'data: [DONE]\n\n'] })
    const res = await post()
    expect(await res.text()).toBe('data: {bad\n\ndata: [DONE]\n\n')
  })
})

describe('chunk splitting', () => {
  it('splits SSE at blank lines, keeping LF, CRLF, CR and mixed separators', () => {
    const input = Buffer.from('data: a\n\ndata: b\r\n\r\nid: 1\r\ndata: c\r\rdata: d\n\r\ntail')
    const pieces = splitEvents(input, 'x.sse').map((piece) => piece.toString('latin1'))
    expect(pieces).toEqual(['data: a\n\n', 'data: b\r\n\r\n', 'id: 1\r\ndata: c\r\r', 'data: d\n\r\n', 'tail'])
  })

  it('cuts every CRLF Gemini event after its \\r\\n\\r\\n', () => {
    const bytes = loadFixture('gemini-stream-usage.sse')
    const pieces = splitEvents(bytes, 'gemini-stream-usage.sse')
    expect(pieces.length).toBe(bytes.toString('latin1').split('\r\n\r\n').length - 1)
    for (const piece of pieces) expect(piece.subarray(-4).toString('latin1')).toBe('\r\n\r\n')
    expect(Buffer.concat(pieces).equals(bytes)).toBe(true)
  })

  it('cuts NDJSON after each newline', () => {
    const pieces = splitEvents(loadFixture('ollama-generate-stream-error.ndjson'), 'x.ndjson')
    expect(pieces.length).toBe(5)
    for (const piece of pieces) expect(piece.toString('utf8')).toMatch(/^\{.*\}\n$/)
  })

  it('fixed-size chunks can split a multi-byte UTF-8 character', () => {
    const bytes = loadFixture('deepseek-chat-stream-text.sse')
    const pieces = splitBytes(bytes, 7)
    expect(pieces.every((piece) => piece.length <= 7)).toBe(true)
    expect(Buffer.concat(pieces).equals(bytes)).toBe(true)
    const strict = new TextDecoder('utf-8', { fatal: true })
    const broken = pieces.filter((piece) => {
      try {
        strict.decode(piece)
        return false
      } catch {
        return true
      }
    })
    expect(broken.length).toBeGreaterThan(0)
  })
})

describe('auth', () => {
  const unauthorized = loadFixture('openai-error-401-invalid-api-key.json')

  it('rejects a missing or wrong key with the OpenAI 401 body', async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer sk-wrong' }]
    for (const headers of attempts) {
      const res = await post('/v1/chat/completions', { headers })
      expect(res.status).toBe(401)
      expect(res.headers.get('content-type')).toBe('application/json')
      expect((await bodyBytes(res)).equals(unauthorized)).toBe(true)
    }
    const models = await fetch(`${mock.baseUrl}/models`)
    expect(models.status).toBe(401)
    expect((await bodyBytes(models)).equals(unauthorized)).toBe(true)
  })

  it('uses the provider error shape on the Anthropic and Gemini routes', async () => {
    const anthropic = await post('/v1/messages', { headers: { 'x-api-key': 'nope' } })
    expect(anthropic.status).toBe(401)
    expect((await bodyBytes(anthropic)).equals(loadFixture('anthropic-error-401-authentication.json'))).toBe(true)
    const gemini = await post('/v1beta/models/g:streamGenerateContent?key=nope', { headers: {} })
    expect(gemini.status).toBe(400)
    expect((await bodyBytes(gemini)).equals(loadFixture('gemini-error-400-api-key-invalid.json'))).toBe(true)
  })

  it('accepts a custom key, and anything when auth is off', async () => {
    const custom = await startMockProvider({ apiKey: 'sk-other' })
    const open = await startMockProvider({ apiKey: null })
    try {
      const ok = await fetch(`${custom.baseUrl}/models`, { headers: { authorization: 'Bearer sk-other' } })
      expect(ok.status).toBe(200)
      expect((await fetch(`${custom.baseUrl}/models`, { headers: AUTH })).status).toBe(401)
      const anon = await fetch(`${open.baseUrl}/chat/completions`, { method: 'POST', body: '{}' })
      expect(anon.status).toBe(200)
      expect((await bodyBytes(anon)).equals(loadFixture('openai-chat-stream-text.sse'))).toBe(true)
    } finally {
      await Promise.all([custom.close(), open.close()])
    }
  })
})

describe('failure scenarios', () => {
  it('http-error sends the status, headers and fixture body', async () => {
    const fixture = 'openai-error-429-rate-limit.json'
    mock.setScenario({ kind: 'http-error', status: 429, fixture, headers: { 'retry-after': '7' } })
    const res = await post()
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('7')
    expect(res.headers.get('content-type')).toBe('application/json')
    expect((await bodyBytes(res)).equals(loadFixture(fixture))).toBe(true)
  })

  it('reset-after delivers exactly N bytes, then the read fails', async () => {
    const fixture = 'openai-chat-stream-text.sse'
    mock.setScenario({ kind: 'reset-after', fixture, bytes: 1000 })
    const reader = readerOf(await post())
    const received: Buffer[] = []
    let failure: unknown = null
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        received.push(Buffer.from(value))
      }
    } catch (error) {
      failure = error
    }
    expect(failure).toBeInstanceOf(Error)
    expect(Buffer.concat(received).equals(loadFixture(fixture).subarray(0, 1000))).toBe(true)
    expect(mock.requests[0]?.clientClosed).toBe(false)
  })

  it('stall sends N events, then nothing, and close() still resolves', async () => {
    const fixture = 'openai-chat-stream-text.sse'
    mock.setScenario({ kind: 'stall', fixture, afterEvents: 2 })
    const reader = readerOf(await post())
    const expected = Buffer.concat(splitEvents(loadFixture(fixture), fixture).slice(0, 2))
    expect((await readAtLeast(reader, expected.length)).equals(expected)).toBe(true)

    const next = reader.read()
    next.catch(() => undefined) // it fails once close() drops the socket
    const outcome = await Promise.race([next.then(() => 'data'), sleep(300).then(() => 'silence')])
    expect(outcome).toBe('silence')

    await mock.close()
    await expect(next).rejects.toThrow()
    expect(mock.requests[0]?.clientClosed).toBe(false)
  })
})

describe('request log and hang-ups', () => {
  it('records method, path, query, lowercased headers and body', async () => {
    const body = JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'héllo' }] })
    await (await post('/v1/chat/completions?x=1', { body, headers: { ...AUTH, 'X-Custom': 'yes' } })).arrayBuffer()
    const [request] = mock.requests
    expect(request).toMatchObject({ method: 'POST', path: '/v1/chat/completions', url: '/v1/chat/completions?x=1', body })
    expect(request?.headers['x-custom']).toBe('yes')
    expect(request?.headers.authorization).toBe(AUTH.authorization)
    expect(request?.clientClosed).toBe(false)
  })

  it('waitForClientClose resolves when the client aborts a stalled stream', async () => {
    mock.setScenario({ kind: 'stall', fixture: 'openai-chat-stream-text.sse', afterEvents: 1 })
    const controller = new AbortController()
    const res = await post('/v1/chat/completions', { body: '{"n":1}', signal: controller.signal })
    await readerOf(res).read()
    controller.abort()
    const closed = await mock.waitForClientClose()
    expect(closed.clientClosed).toBe(true)
    expect(closed.body).toBe('{"n":1}')
  })

  it('waitForClientClose called first resolves on a later abort mid-replay', async () => {
    mock.setScenario({ kind: 'replay', fixture: 'openai-chat-stream-text.sse', delayMs: 50 })
    const waiting = mock.waitForClientClose()
    const controller = new AbortController()
    const res = await post('/v1/chat/completions', { signal: controller.signal })
    await readerOf(res).read()
    controller.abort()
    const closed = await waiting
    expect(closed).toBe(mock.requests[0])
    expect(closed.clientClosed).toBe(true)
  })

  it('pending waitForClientClose rejects on close()', async () => {
    const waiting = mock.waitForClientClose()
    await mock.close()
    await expect(waiting).rejects.toThrow(/closed/)
  })
})

describe('model lists', () => {
  const ANTHROPIC = { authorization: `Bearer ${DEFAULT_API_KEY}`, 'anthropic-version': '2026-10-21' }
  const GEMINI = { 'x-goog-api-key': DEFAULT_API_KEY }

  it('keeps serving the OpenAI list byte for byte to bearer requests without anthropic-version', async () => {
    const res = await fetch(`${mock.baseUrl}/models`, { headers: AUTH })
    expect(res.status).toBe(200)
    expect((await bodyBytes(res)).equals(loadFixture('openai-models-list.json'))).toBe(true)
  })

  it('serves the Anthropic example as a single page to requests with anthropic-version or x-api-key', async () => {
    const fixture = JSON.parse(loadFixture('anthropic-models-list.json').toString('utf8')) as Record<string, unknown>
    for (const headers of [ANTHROPIC, { 'x-api-key': DEFAULT_API_KEY }]) {
      const res = await fetch(`${mock.origin}/v1/models`, { headers })
      expect(res.status).toBe(200)
      expect(await res.json()).toEqual({ ...fixture, has_more: false })
    }
  })

  it('rejects a wrong key on the Anthropic list with the Anthropic 401 body', async () => {
    const res = await fetch(`${mock.origin}/v1/models`, { headers: { 'x-api-key': 'nope', 'anthropic-version': '2026-10-21' } })
    expect(res.status).toBe(401)
    expect((await bodyBytes(res)).equals(loadFixture('anthropic-error-401-authentication.json'))).toBe(true)
  })

  it('serves a default Gemini list at /v1beta/models, with a chat and a non-chat model', async () => {
    const res = await fetch(`${mock.origin}/v1beta/models`, { headers: GEMINI })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { models: Array<{ supportedGenerationMethods: string[] }> }
    expect(body.models.map((m) => m.supportedGenerationMethods.includes('generateContent'))).toEqual([true, false])
    const bad = await fetch(`${mock.origin}/v1beta/models?key=nope`)
    expect(bad.status).toBe(400)
    expect((await bodyBytes(bad)).equals(loadFixture('gemini-error-400-api-key-invalid.json'))).toBe(true)
  })

  it('picks the page by each API\'s cursor parameter, and answers an unknown cursor with 400', async () => {
    mock.setModelPages('anthropic', [
      { cursor: null, body: { data: [{ id: 'a' }], has_more: true, last_id: 'a' } },
      { cursor: 'a', body: { data: [{ id: 'b' }], has_more: false, last_id: 'b' } }
    ])
    mock.setModelPages('gemini', [
      { cursor: null, body: { models: [], nextPageToken: 't2' } },
      { cursor: 't2', body: { models: [{ name: 'models/x' }] } }
    ])
    mock.setModelPages('openai', [{ cursor: null, body: { object: 'list', data: [] } }])
    expect(await (await fetch(`${mock.origin}/v1/models?after_id=a`, { headers: ANTHROPIC })).json()).toMatchObject({ data: [{ id: 'b' }] })
    expect(await (await fetch(`${mock.origin}/v1/models`, { headers: ANTHROPIC })).json()).toMatchObject({ data: [{ id: 'a' }] })
    expect(await (await fetch(`${mock.origin}/v1beta/models?pageToken=t2`, { headers: GEMINI })).json()).toEqual({ models: [{ name: 'models/x' }] })
    expect(await (await fetch(`${mock.baseUrl}/models`, { headers: AUTH })).json()).toEqual({ object: 'list', data: [] })
    const unknown = await fetch(`${mock.origin}/v1/models?after_id=zzz`, { headers: ANTHROPIC })
    expect(unknown.status).toBe(400)
    expect(await unknown.text()).toMatch(/no anthropic model page for cursor zzz/)
  })

  it('rejects pages a lookup could not choose between', () => {
    expect(() => mock.setModelPages('gemini', [])).toThrow()
    expect(() => mock.setModelPages('gemini', [{ cursor: 'x', body: {} }])).toThrow(/cursor null/)
    expect(() =>
      mock.setModelPages('gemini', [
        { cursor: null, body: {} },
        { cursor: null, body: {} }
      ])
    ).toThrow(/unique/)
  })
})

describe('Gemini stream route', () => {
  it('matches /v1beta/models/<model>:streamGenerateContent only', async () => {
    mock.setScenario({ kind: 'replay', fixture: 'gemini-stream-text.sse' })
    const headers = { 'x-goog-api-key': DEFAULT_API_KEY }
    const ok = await post('/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse', { headers })
    expect(ok.status).toBe(200)
    await ok.arrayBuffer()
    for (const path of ['/v1beta/gemini-2.5-flash:streamGenerateContent', '/v1beta/models/a/b:streamGenerateContent']) {
      const res = await post(path, { headers })
      expect(res.status).toBe(404)
      await res.arrayBuffer()
    }
  })
})

describe('with the openai SDK', () => {
  const client = (): OpenAI => new OpenAI({ apiKey: DEFAULT_API_KEY, baseURL: mock.baseUrl, maxRetries: 0 })

  it('streams the text of openai-chat-stream-text.sse', async () => {
    const stream = await client().chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'weather in SF?' }],
      stream: true
    })
    let text = ''
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? ''
    expect(text).toBe(OPENAI_TEXT)
    const sent = JSON.parse(mock.requests[0]?.body ?? '{}') as { model?: string; stream?: boolean }
    expect(sent).toMatchObject({ model: 'gpt-4o', stream: true })
  })

  it('lists models', async () => {
    const ids: string[] = []
    for await (const model of client().models.list()) ids.push(model.id)
    expect(ids).toEqual(['model-id-0', 'model-id-1', 'model-id-2'])
  })

  it('surfaces a 401 as an AuthenticationError', async () => {
    const bad = new OpenAI({ apiKey: 'sk-wrong', baseURL: mock.baseUrl, maxRetries: 0 })
    await expect(bad.models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError)
  })
})
