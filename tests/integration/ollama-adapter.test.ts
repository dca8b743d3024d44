import { describe, expect, it } from 'vitest'
import { createOllamaAdapter } from '../../src/main/providers/ollama'
import type { ChatRequest, ProviderAdapter } from '../../src/main/providers/types'
import type { TokenUsage } from '../../src/shared/domain'
import type { ProviderErrorCode } from '../../src/shared/errors'
import { drain, expectAppError, mockConnection, sentBody, useMockProvider } from '../support/adapter-harness'
import { loadFixture, type Chunking } from '../support/mock-provider'

const CHAT_FIXTURE = 'ollama-chat-stream.ndjson'

// Ollama takes no key.
const mock = useMockProvider({ apiKey: null })

function adapter(options: { idleTimeoutMs?: number } = {}): ProviderAdapter {
  return createOllamaAdapter(mockConnection(mock.current.origin, { ...options, apiKey: null }))
}

function request(overrides: Partial<ChatRequest> = {}): ChatRequest {
  return { model: 'llama3.2', system: null, messages: [{ role: 'user', content: 'why is the sky blue?' }], params: {}, ...overrides }
}

interface OllamaLine {
  message?: { content?: string; thinking?: string }
  done?: boolean
  prompt_eval_count?: number
  eval_count?: number
}

/** What the transcript says, read independently of the adapter. */
function expected(fixture: string): { text: string; usage: TokenUsage } {
  const lines = loadFixture(fixture)
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as OllamaLine)
  const last = lines.find((line) => line.done)
  if (!last) throw new Error(`${fixture} has no done line`)
  return {
    text: lines.map((line) => line.message?.content ?? '').join(''),
    usage: { inputTokens: last.prompt_eval_count ?? 0, outputTokens: last.eval_count ?? 0 }
  }
}

const ndjson = (...lines: unknown[]): string[] => lines.map((line) => `${JSON.stringify(line)}\n`)

describe('the Ollama chat transcript', () => {
  it.each<[string, Chunking]>([
    ['one write per line', 'event'],
    ['5-byte pieces', { bytes: 5 }]
  ])('%s: exactly its text and usage', async (_label, chunk) => {
    mock.current.setScenario({ kind: 'replay', fixture: CHAT_FIXTURE, chunk })
    const outcome = await drain(adapter().stream(request(), new AbortController().signal))
    const want = expected(CHAT_FIXTURE)
    expect(outcome.error).toBeUndefined()
    expect(outcome.text).toBe(want.text)
    expect(outcome.text.length).toBeGreaterThan(0)
    expect(outcome.usage).toEqual(want.usage)
    // The docs' final line predates done_reason.
    expect(outcome.finishReason).toBeNull()
    expect(outcome.events.at(-1)?.type).toBe('done')
  })

  it('thinking, text, done_reason, and a line split between writes', async () => {
    const lines = ndjson(
      { model: 'qwen3', message: { role: 'assistant', content: '', thinking: 'Greeting in Hebrew' }, done: false },
      { model: 'qwen3', message: { role: 'assistant', content: 'שלום 🎉' }, done: false },
      { model: 'qwen3', message: { role: 'assistant', content: '' }, done: true, done_reason: 'stop', prompt_eval_count: 11, eval_count: 7 }
    ).join('')
    // raw sends strings, so the split happens inside a line and the client must buffer it.
    const cut = lines.indexOf('🎉')
    mock.current.setScenario({ kind: 'raw', contentType: 'application/x-ndjson', chunks: [lines.slice(0, cut), lines.slice(cut)] })
    const outcome = await drain(adapter().stream(request({ model: 'qwen3' }), new AbortController().signal))
    expect(outcome.reasoning).toBe('Greeting in Hebrew')
    expect(outcome.text).toBe('שלום 🎉')
    expect(outcome.usage).toEqual({ inputTokens: 11, outputTokens: 7 })
    expect(outcome.finishReason).toBe('stop')
  })

  it('a multi-byte character cut between its bytes arrives whole', async () => {
    // The mock's raw chunks are strings, so bytes are cut here, in a fetch that answers from memory.
    const body = Buffer.from(
      ndjson(
        { model: 'x', message: { role: 'assistant', content: 'שלום 🎉' }, done: false },
        { model: 'x', message: { role: 'assistant', content: '' }, done: true, done_reason: 'stop', prompt_eval_count: 3, eval_count: 4 }
      ).join(''),
      'utf8'
    )
    const emoji = body.indexOf(Buffer.from('🎉', 'utf8'))
    const hebrew = body.indexOf(Buffer.from('ש', 'utf8'))
    // Cuts inside the 2-byte ש and inside the 4-byte 🎉 (after its first and third byte).
    const cuts = [hebrew + 1, emoji + 1, emoji + 3, body.length]
    const fromMemory: typeof globalThis.fetch = async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            cuts.reduce((from, to) => {
              controller.enqueue(new Uint8Array(body.subarray(from, to)))
              return to
            }, 0)
            controller.close()
          }
        }),
        { status: 200, headers: { 'content-type': 'application/x-ndjson' } }
      )
    const local = createOllamaAdapter({ baseUrl: 'http://127.0.0.1:11434', apiKey: null, fetch: fromMemory })
    const outcome = await drain(local.stream(request(), new AbortController().signal))
    expect(outcome.error).toBeUndefined()
    expect(outcome.text).toBe('שלום 🎉')
    expect(outcome.usage).toEqual({ inputTokens: 3, outputTokens: 4 })
  })

  it('the request: system message first, options, stream, and think only when asked', async () => {
    await drain(
      adapter().stream(
        request({ system: 'Be brief.', params: { temperature: 0.2, topP: 0.8, maxOutputTokens: 64, thinkingBudget: 1024 } }),
        new AbortController().signal
      )
    )
    const sent = mock.current.requests[0]
    expect(sent?.method).toBe('POST')
    expect(sent?.path).toBe('/api/chat')
    expect(sentBody(mock.current)).toEqual({
      model: 'llama3.2',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'why is the sky blue?' }
      ],
      stream: true,
      options: { temperature: 0.2, top_p: 0.8, num_predict: 64 },
      think: true
    })
    await drain(adapter().stream(request(), new AbortController().signal))
    expect(sentBody(mock.current, 1)).not.toHaveProperty('think')
  })
})

describe('Ollama errors', () => {
  it('an {"error"} line mid-stream (the documented shape) -> provider', async () => {
    mock.current.setScenario({ kind: 'replay', fixture: 'ollama-generate-stream-error.ndjson' })
    const outcome = await drain(adapter().stream(request(), new AbortController().signal))
    expectAppError(outcome.error, 'provider')
    expect(outcome.events.some((e) => e.type === 'done')).toBe(false)
  })

  it('an error line that says the model is missing -> model_not_found, text before it kept', async () => {
    mock.current.setScenario({
      kind: 'raw',
      contentType: 'application/x-ndjson',
      chunks: ndjson(
        { model: 'x', message: { role: 'assistant', content: 'Hi' }, done: false },
        { error: 'model "llama9" not found, try pulling it first' }
      )
    })
    const outcome = await drain(adapter().stream(request(), new AbortController().signal))
    expect(outcome.text).toBe('Hi')
    expectAppError(outcome.error, 'model_not_found')
  })

  it.each<[number, ProviderErrorCode]>([
    [404, 'model_not_found'],
    [500, 'provider']
  ])('HTTP %i with the documented error body -> %s', async (status, code) => {
    mock.current.setScenario({ kind: 'http-error', status, fixture: 'ollama-error.json' })
    const outcome = await drain(adapter().stream(request(), new AbortController().signal))
    expectAppError(outcome.error, code)
    expect(outcome.events).toEqual([])
  })

  it('HTTP 429 with retry-after -> rate_limit with the wait', async () => {
    mock.current.setScenario({ kind: 'http-error', status: 429, fixture: 'ollama-error.json', headers: { 'retry-after': '4' } })
    expect(expectAppError((await drain(adapter().stream(request(), new AbortController().signal))).error, 'rate_limit').retryAfterSeconds).toBe(4)
  })

  it('a malformed line -> provider, text before it kept', async () => {
    mock.current.setScenario({
      kind: 'raw',
      contentType: 'application/x-ndjson',
      chunks: [...ndjson({ model: 'x', message: { role: 'assistant', content: 'Hi' }, done: false }), '{not json}\n']
    })
    const outcome = await drain(adapter().stream(request(), new AbortController().signal))
    expect(outcome.text).toBe('Hi')
    expectAppError(outcome.error, 'provider')
  })

  it('a body that ends before done:true -> provider, not a finished answer', async () => {
    const unfinished = ndjson({ model: 'x', message: { role: 'assistant', content: 'Hal' }, done: false })
    mock.current.setScenario({ kind: 'raw', contentType: 'application/x-ndjson', chunks: unfinished })
    const outcome = await drain(adapter().stream(request(), new AbortController().signal))
    expect(outcome.text).toBe('Hal')
    expectAppError(outcome.error, 'provider')
  })

  it('connection reset -> network', async () => {
    mock.current.setScenario({ kind: 'reset-after', fixture: CHAT_FIXTURE, bytes: 60 })
    expectAppError((await drain(adapter().stream(request(), new AbortController().signal))).error, 'network')
  })

  it('a stall longer than the idle timeout -> timeout', async () => {
    mock.current.setScenario({ kind: 'stall', fixture: CHAT_FIXTURE, afterEvents: 1 })
    const outcome = await drain(adapter({ idleTimeoutMs: 300 }).stream(request(), new AbortController().signal))
    expect(outcome.text).toBe('The')
    expectAppError(outcome.error, 'timeout')
  })

  it('nothing listening -> network', async () => {
    const port = new URL(mock.current.origin).port
    await mock.current.close()
    const closed = createOllamaAdapter({ baseUrl: `http://127.0.0.1:${port}`, apiKey: null, fetch: globalThis.fetch })
    expectAppError((await drain(closed.stream(request(), new AbortController().signal))).error, 'network')
    await mock.restart()
  })
})

describe('Ollama cancel and models', () => {
  it('cancel closes the connection and ends in cancelled, keeping what came', async () => {
    mock.current.setScenario({ kind: 'stall', fixture: CHAT_FIXTURE, afterEvents: 1 })
    const controller = new AbortController()
    let text = ''
    let caught: unknown
    try {
      for await (const event of adapter().stream(request(), controller.signal)) {
        if (event.type === 'text') {
          text += event.text
          controller.abort()
        }
      }
    } catch (error) {
      caught = error
    }
    expect(text).toBe('The')
    expectAppError(caught, 'cancelled')
    const hungUp = await mock.current.waitForClientClose()
    expect(hungUp.path).toBe('/api/chat')
    expect(hungUp.clientClosed).toBe(true)
  })

  it('listModels reads /api/tags', async () => {
    const models = await adapter().listModels()
    expect(models.map((m) => m.id)).toEqual(['deepseek-r1:latest', 'llama3.2:latest'])
    expect(models[1]).toEqual({ id: 'llama3.2:latest', displayName: 'llama3.2:latest', contextWindow: null, vision: null, reasoning: null })
    expect(mock.current.requests[0]?.path).toBe('/api/tags')
  })

  it('a trailing slash on the base URL does not double up', async () => {
    const slashed = createOllamaAdapter({ baseUrl: `${mock.current.origin}/`, apiKey: null, fetch: globalThis.fetch })
    await slashed.listModels()
    expect(mock.current.requests[0]?.path).toBe('/api/tags')
  })
})
