import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { PROVIDER_ERROR_MESSAGES } from '../../src/main/providers/errors'
import { createOpenAICompatibleAdapter, type OpenAICompatibleOptions } from '../../src/main/providers/openai-compatible'
import type { ChatRequest, ProviderAdapter } from '../../src/main/providers/types'
import type { ProviderErrorCode } from '../../src/shared/errors'
import { drain, expectAppError, mockConnection, sentBody, useMockProvider } from '../support/adapter-harness'
import { DEFAULT_API_KEY, FIXTURES_DIR, loadFixture, startMockProvider, type Chunking } from '../support/mock-provider'
import {
  offsetAfterEvents,
  openaiAnswerText,
  openaiContentPieces,
  openaiFinalUsage,
  openaiFinishReason,
  openaiReasoningText
} from '../support/factories/openai-fixture'

const FIXTURE_NAMES = readdirSync(FIXTURES_DIR).sort()
const MIDSTREAM_ERROR = 'openai-chat-stream-error-midstream.sse'
// Every OpenAI-compatible streaming transcript, found by name so a new one is covered without editing this file.
const STREAM_FIXTURES = FIXTURE_NAMES.filter(
  (name) => /^(openai-chat-stream|deepseek|groq|mistral|xai)-.*\.sse$/.test(name) && name !== MIDSTREAM_ERROR
)
const TEXT_FIXTURE = 'openai-chat-stream-text.sse'

const mock = useMockProvider()

function adapter(options: OpenAICompatibleOptions = {}, timing: { idleTimeoutMs?: number } = {}): ProviderAdapter {
  return createOpenAICompatibleAdapter(mockConnection(mock.current.baseUrl, timing), options)
}

function request(overrides: Partial<ChatRequest> = {}): ChatRequest {
  return { model: 'gpt-4o', system: null, messages: [{ role: 'user', content: 'hello' }], params: {}, ...overrides }
}

const sse = (payload: unknown): string => `data: ${JSON.stringify(payload)}\n\n`
const chunk = (delta: Record<string, unknown>, finish: string | null = null): Record<string, unknown> => ({
  id: 'chatcmpl-test',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'gpt-4o',
  choices: [{ index: 0, delta, finish_reason: finish }]
})

describe('every OpenAI-compatible streaming transcript', () => {
  it('finds the transcripts', () => {
    expect(STREAM_FIXTURES.length).toBeGreaterThanOrEqual(10)
    for (const prefix of ['openai-', 'deepseek-', 'groq-', 'mistral-', 'xai-']) {
      expect(STREAM_FIXTURES.some((name) => name.startsWith(prefix))).toBe(true)
    }
  })

  // Per event, as recorded; then in 7-byte pieces, which cut lines, JSON and multi-byte characters apart.
  describe.each<[string, Chunking]>([
    ['one write per event', 'event'],
    ['7-byte pieces', { bytes: 7 }]
  ])('%s', (_label, chunking) => {
    it.each(STREAM_FIXTURES)('%s: exactly its text, reasoning, usage and finish reason', async (fixture) => {
      mock.current.setScenario({ kind: 'replay', fixture, chunk: chunking })
      const outcome = await drain(adapter().stream(request(), new AbortController().signal))

      expect(outcome.error).toBeUndefined()
      expect(outcome.text).toBe(openaiAnswerText(fixture))
      expect(outcome.reasoning).toBe(openaiReasoningText(fixture))
      expect(outcome.usage).toEqual(openaiFinalUsage(fixture))
      expect(outcome.finishReason).toBe(openaiFinishReason(fixture))
      // Usage once (no double count from Groq's x_groq copy), then done, last.
      expect(outcome.events.filter((e) => e.type === 'usage')).toHaveLength(outcome.usage ? 1 : 0)
      expect(outcome.events.at(-1)?.type).toBe('done')
    })
  })

  it('the reasoning transcripts really carry reasoning in each of the three shapes', () => {
    const reasoningFixtures = [
      'deepseek-chat-stream-reasoning.sse', // delta.reasoning_content
      'xai-chat-stream-text-reasoning.sse', // delta.reasoning_content
      'groq-chat-stream-reasoning.sse', // delta.reasoning
      'mistral-chat-stream-reasoning.sse' // content parts of type thinking
    ]
    for (const fixture of reasoningFixtures) expect(openaiReasoningText(fixture).length, fixture).toBeGreaterThan(0)
  })

  it('xAI counts reasoning outside completion_tokens; output tokens include it', async () => {
    mock.current.setScenario({ kind: 'replay', fixture: 'xai-chat-stream-text-reasoning.sse' })
    const outcome = await drain(adapter().stream(request({ model: 'grok-3-mini' }), new AbortController().signal))
    // prompt 12 + completion 1 + reasoning 290 = total 303.
    expect(outcome.usage).toEqual({ inputTokens: 12, outputTokens: 291, reasoningTokens: 290 })
  })

  it('the mid-stream error transcript: the text before it, then a provider error', async () => {
    mock.current.setScenario({ kind: 'replay', fixture: MIDSTREAM_ERROR })
    const outcome = await drain(adapter().stream(request(), new AbortController().signal))
    expect(outcome.text).toBe(openaiAnswerText(MIDSTREAM_ERROR))
    expect(outcome.text.length).toBeGreaterThan(0)
    // {"error": {"type": "server_error", ...}} after HTTP 200.
    expectAppError(outcome.error, 'provider')
    expect(outcome.events.some((e) => e.type === 'done')).toBe(false)
  })
})

describe('HTTP error bodies', () => {
  // [fixture, the status the provider sent it with, the code the user sees]
  const ERROR_CASES: Array<[string, number, ProviderErrorCode]> = [
    ['openai-error-400-context-length.json', 400, 'context_length'],
    ['openai-error-400-unsupported-parameter.json', 400, 'bad_request'],
    ['openai-error-401-invalid-api-key.json', 401, 'auth'],
    ['openai-error-404-model-not-found.json', 404, 'model_not_found'],
    ['openai-error-429-rate-limit.json', 429, 'rate_limit'],
    ['openai-error-500-server-error.json', 500, 'provider'],
    ['deepseek-error-401.json', 401, 'auth'],
    ['groq-error-401.json', 401, 'auth'],
    ['mistral-error-401.json', 401, 'auth'],
    ['mistral-error-401-alt.json', 401, 'auth'],
    ['mistral-error-429.json', 429, 'rate_limit'],
    ['openrouter-error-401.json', 401, 'auth']
  ]

  it('covers every OpenAI-style error fixture', () => {
    const onDisk = FIXTURE_NAMES.filter((name) => /^(openai|deepseek|groq|mistral|openrouter|xai)-error-.*\.json$/.test(name))
    expect(ERROR_CASES.map(([fixture]) => fixture).sort()).toEqual(onDisk)
  })

  it.each(ERROR_CASES)('%s (HTTP %i) -> %s, without a retry', async (fixture, status, code) => {
    mock.current.setScenario({ kind: 'http-error', status, fixture })
    const outcome = await drain(adapter().stream(request(), new AbortController().signal))
    expectAppError(outcome.error, code)
    expect(outcome.events).toEqual([])
    // maxRetries 0: the SDK's own retry of 429/5xx did not happen.
    expect(mock.current.requests).toHaveLength(1)
  })

  it('429 with retry-after: 3 -> rate_limit that says wait 3 s, and one request only', async () => {
    mock.current.setScenario({ kind: 'http-error', status: 429, fixture: 'openai-error-429-rate-limit.json', headers: { 'retry-after': '3' } })
    const outcome = await drain(adapter().stream(request(), new AbortController().signal))
    expect(expectAppError(outcome.error, 'rate_limit').retryAfterSeconds).toBe(3)
    expect(mock.current.requests).toHaveLength(1)
  })

  it("xAI's bad key: HTTP 400 with a string `error` -> auth", async () => {
    // xAI's documented shape; no recorded body is in the fixture set.
    const body = {
      code: 'Client specified an invalid argument',
      error: 'Incorrect API key provided: xa***. You can obtain an API key from https://console.x.ai.'
    }
    mock.current.setScenario({ kind: 'raw', status: 400, contentType: 'application/json', chunks: [JSON.stringify(body)] })
    const outcome = await drain(adapter().stream(request({ model: 'grok-3-mini' }), new AbortController().signal))
    expectAppError(outcome.error, 'auth')
  })

  it('a wrong key, as the mock checks it -> auth', async () => {
    const wrong = createOpenAICompatibleAdapter({ baseUrl: mock.current.baseUrl, apiKey: 'sk-wrong', fetch: globalThis.fetch })
    expectAppError((await drain(wrong.stream(request(), new AbortController().signal))).error, 'auth')
  })
})

describe('in-stream errors after HTTP 200', () => {
  it("xAI's string error -> model_not_found when it says so", async () => {
    const xaiError = { error: 'The model grok-9 does not exist or your team does not have access to it.' }
    mock.current.setScenario({ kind: 'raw', contentType: 'text/event-stream', chunks: [sse(chunk({ role: 'assistant', content: 'Hi' })), sse(xaiError)] })
    const outcome = await drain(adapter().stream(request(), new AbortController().signal))
    expect(outcome.text).toBe('Hi')
    expectAppError(outcome.error, 'model_not_found')
  })

  it("OpenRouter's error object with a numeric code -> that status's code", async () => {
    const failing = { ...chunk({ content: '' }, 'error'), error: { code: 429, message: 'Rate limit exceeded upstream' } }
    mock.current.setScenario({
      kind: 'raw',
      contentType: 'text/event-stream',
      chunks: [': OPENROUTER PROCESSING\n\n', sse(chunk({ content: 'Par' })), sse(failing)]
    })
    const outcome = await drain(adapter().stream(request(), new AbortController().signal))
    expect(outcome.text).toBe('Par')
    expectAppError(outcome.error, 'rate_limit')
  })

  it('an unrecognised string error -> provider', async () => {
    mock.current.setScenario({ kind: 'raw', contentType: 'text/event-stream', chunks: [sse({ error: 'something broke' })] })
    expectAppError((await drain(adapter().stream(request(), new AbortController().signal))).error, 'provider')
  })
})

describe('the request', () => {
  it('system prompt first, sampling params and max_tokens for a normal model, usage requested', async () => {
    await drain(
      adapter().stream(
        request({ system: 'Be brief.', params: { temperature: 0.3, topP: 0.9, maxOutputTokens: 256, reasoningEffort: 'high' } }),
        new AbortController().signal
      )
    )
    const body = sentBody(mock.current)
    expect(mock.current.requests[0]?.path).toBe('/v1/chat/completions')
    expect(mock.current.requests[0]?.headers['authorization']).toBe(`Bearer ${DEFAULT_API_KEY}`)
    expect(body).toEqual({
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'hello' }
      ],
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.3,
      top_p: 0.9,
      max_tokens: 256
    })
  })

  it('o3-mini: max_completion_tokens and reasoning_effort, no sampling params', async () => {
    await drain(
      adapter().stream(
        request({ model: 'o3-mini', params: { temperature: 0.3, topP: 0.9, maxOutputTokens: 1000, reasoningEffort: 'low' } }),
        new AbortController().signal
      )
    )
    const body = sentBody(mock.current)
    expect(body).toMatchObject({ model: 'o3-mini', max_completion_tokens: 1000, reasoning_effort: 'low', stream_options: { include_usage: true } })
    for (const refused of ['max_tokens', 'temperature', 'top_p']) expect(body).not.toHaveProperty(refused)
  })

  it('no system message when the chat has none; no params when none are set', async () => {
    await drain(adapter().stream(request(), new AbortController().signal))
    expect(sentBody(mock.current)).toEqual({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hello' }],
      stream: true,
      stream_options: { include_usage: true }
    })
  })

  it('the mistral dialect leaves stream_options out (Mistral answers 422 to it) and still gets usage', async () => {
    mock.current.setScenario({ kind: 'replay', fixture: 'mistral-chat-stream-text.sse' })
    const outcome = await drain(adapter({ dialect: 'mistral' }).stream(request({ model: 'mistral-small-latest' }), new AbortController().signal))
    expect(sentBody(mock.current)).not.toHaveProperty('stream_options')
    expect(outcome.usage).toEqual(openaiFinalUsage('mistral-chat-stream-text.sse'))
  })

  it('a keyless local server gets a placeholder key, not a missing header', async () => {
    const keyless = await startMockProvider({ apiKey: null })
    try {
      const local = createOpenAICompatibleAdapter({ baseUrl: keyless.baseUrl, apiKey: null, fetch: globalThis.fetch })
      const outcome = await drain(local.stream(request(), new AbortController().signal))
      expect(outcome.text).toBe(openaiAnswerText(TEXT_FIXTURE))
    } finally {
      await keyless.close()
    }
  })
})

describe('Azure OpenAI', () => {
  it('deployment path, api-version query and api-key header', async () => {
    // Azure authenticates with `api-key`, which the mock's bearer check does not know: auth off.
    const azureMock = await startMockProvider({ apiKey: null })
    try {
      const azure = createOpenAICompatibleAdapter(
        { baseUrl: azureMock.origin, apiKey: 'azure-key-123', fetch: globalThis.fetch },
        { azure: { apiVersion: '2024-10-21', deployment: 'chat-4o' } }
      )
      const outcome = await drain(azure.stream(request(), new AbortController().signal))
      expect(outcome.text).toBe(openaiAnswerText(TEXT_FIXTURE))
      const sent = azureMock.requests[0]
      expect(sent?.path).toBe('/openai/deployments/chat-4o/chat/completions')
      expect(new URL(sent?.url ?? '', azureMock.origin).searchParams.get('api-version')).toBe('2024-10-21')
      expect(sent?.headers['api-key']).toBe('azure-key-123')
      expect(sent?.headers).not.toHaveProperty('authorization')
    } finally {
      await azureMock.close()
    }
  })
})

describe('faults', () => {
  it('connection reset mid-stream -> network, with the text so far', async () => {
    const bytes = offsetAfterEvents(TEXT_FIXTURE, 5) + 40
    mock.current.setScenario({ kind: 'reset-after', fixture: TEXT_FIXTURE, bytes })
    const outcome = await drain(adapter().stream(request(), new AbortController().signal))
    expect(outcome.text).toBe(openaiContentPieces(TEXT_FIXTURE).slice(0, 4).join(''))
    expectAppError(outcome.error, 'network')
  })

  it('a stall longer than the idle timeout -> timeout, not a hang', async () => {
    mock.current.setScenario({ kind: 'stall', fixture: TEXT_FIXTURE, afterEvents: 3 })
    const outcome = await drain(adapter({}, { idleTimeoutMs: 300 }).stream(request(), new AbortController().signal))
    expect(outcome.text).toBe(openaiContentPieces(TEXT_FIXTURE).slice(0, 2).join(''))
    expectAppError(outcome.error, 'timeout')
    // The stalled connection was closed by us, not left open.
    expect((await mock.current.waitForClientClose()).path).toBe('/v1/chat/completions')
  })

  it('a malformed data line between valid events -> provider error (the SDK refuses it), the text before it kept', async () => {
    mock.current.setScenario({
      kind: 'raw',
      contentType: 'text/event-stream',
      chunks: [
        sse(chunk({ role: 'assistant', content: 'Hello' })),
        'data: {not json}\n\n',
        sse(chunk({ content: ' world' }, 'stop')),
        'data: [DONE]\n\n'
      ]
    })
    const outcome = await drain(adapter().stream(request(), new AbortController().signal))
    expect(outcome.text).toBe('Hello')
    const error = expectAppError(outcome.error, 'provider')
    expect(error.cause).toBeInstanceOf(SyntaxError)
  })

  it('a multi-byte character split across two writes arrives whole', async () => {
    // The DeepSeek transcript ends its answer with " 😊" (4 bytes in UTF-8); cut inside it.
    const fixture = 'deepseek-chat-stream-text.sse'
    const bytes = loadFixture(fixture)
    const emojiAt = bytes.indexOf(Buffer.from('😊', 'utf8'))
    expect(emojiAt).toBeGreaterThan(0)
    // Writes of emojiAt+2 bytes: the first boundary falls between the emoji's second and third byte.
    mock.current.setScenario({ kind: 'replay', fixture, chunk: { bytes: emojiAt + 2 } })
    const outcome = await drain(adapter().stream(request({ model: 'deepseek-chat' }), new AbortController().signal))
    expect(outcome.error).toBeUndefined()
    expect(outcome.text).toBe(openaiAnswerText(fixture))
    expect(outcome.text).toContain('😊')
    expect(outcome.text).not.toContain('\uFFFD')
  })

  it('SSE comments (keep-alive, OpenRouter processing) are ignored', async () => {
    mock.current.setScenario({
      kind: 'raw',
      contentType: 'text/event-stream',
      chunks: [
        ': OPENROUTER PROCESSING\n\n',
        sse(chunk({ role: 'assistant', content: 'שלום' })),
        ': keep-alive\n\n',
        ': OPENROUTER PROCESSING\n\n',
        sse(chunk({ content: ' 🎉' }, 'stop')),
        sse({ ...chunk({}), choices: [], usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 } }),
        'data: [DONE]\n\n'
      ]
    })
    const outcome = await drain(adapter().stream(request(), new AbortController().signal))
    expect(outcome.error).toBeUndefined()
    expect(outcome.text).toBe('שלום 🎉')
    expect(outcome.usage).toEqual({ inputTokens: 5, outputTokens: 3 })
    expect(outcome.finishReason).toBe('stop')
  })

  it('a stream that ends without a finish_reason is reported, not passed off as complete', async () => {
    mock.current.setScenario({ kind: 'raw', contentType: 'text/event-stream', chunks: [sse(chunk({ role: 'assistant', content: 'Half an ans' }))] })
    const outcome = await drain(adapter().stream(request(), new AbortController().signal))
    expect(outcome.text).toBe('Half an ans')
    // Same as every adapter (stream-end.ts): a body that stops before the answer is over was cut off.
    expectAppError(outcome.error, 'network')
  })

  it('cancel closes the connection and ends in cancelled', async () => {
    mock.current.setScenario({ kind: 'stall', fixture: TEXT_FIXTURE, afterEvents: 3 })
    const controller = new AbortController()
    const seen: string[] = []
    let caught: unknown
    try {
      for await (const event of adapter().stream(request(), controller.signal)) {
        if (event.type === 'text') seen.push(event.text)
        if (seen.length === 2) controller.abort()
      }
    } catch (error) {
      caught = error
    }
    expect(seen.join('')).toBe(openaiContentPieces(TEXT_FIXTURE).slice(0, 2).join(''))
    expectAppError(caught, 'cancelled')
    expect((await mock.current.waitForClientClose()).clientClosed).toBe(true)
  })

  it('an already-aborted signal -> cancelled, nothing sent', async () => {
    const controller = new AbortController()
    controller.abort()
    expectAppError((await drain(adapter().stream(request(), controller.signal))).error, 'cancelled')
    expect(mock.current.requests).toHaveLength(0)
  })
})

describe('listModels', () => {
  it('the OpenAI list, with the key', async () => {
    const models = await adapter().listModels()
    expect(models.map((m) => m.id)).toEqual(['model-id-0', 'model-id-1', 'model-id-2'])
    expect(models[0]).toEqual({ id: 'model-id-0', displayName: 'model-id-0', contextWindow: null, vision: null, reasoning: null })
    expect(mock.current.requests[0]?.headers['authorization']).toBe(`Bearer ${DEFAULT_API_KEY}`)
  })

  it('drops models that cannot chat', async () => {
    const ids = [
      'gpt-4o',
      'text-embedding-3-small',
      'whisper-1',
      'tts-1-hd',
      'gpt-4o-mini-tts',
      'dall-e-3',
      'gpt-image-1',
      'omni-moderation-latest',
      'davinci-002',
      'babbage-002',
      'gpt-4o-realtime-preview',
      'gpt-4o-transcribe',
      'o3-mini',
      'mistral-embed',
      'llama-3.3-70b-versatile'
    ]
    const data = ids.map((id) => ({ id, object: 'model', created: 1, owned_by: 'x' }))
    mock.current.setModelPages('openai', [{ cursor: null, body: { object: 'list', data } }])
    expect((await adapter().listModels()).map((m) => m.id)).toEqual(['gpt-4o', 'o3-mini', 'llama-3.3-70b-versatile'])
  })

  it("keeps OpenRouter's name, context length, vision and reasoning, and its :free models", async () => {
    // OpenRouter's documented /models entry shape, trimmed; no recording is in the fixture set.
    const data = [
      {
        id: 'deepseek/deepseek-r1:free',
        name: 'DeepSeek: R1 (free)',
        context_length: 163840,
        architecture: { input_modalities: ['text'], output_modalities: ['text'] },
        pricing: { prompt: '0', completion: '0' },
        supported_parameters: ['max_tokens', 'reasoning', 'include_reasoning']
      },
      {
        id: 'openai/gpt-4o',
        name: 'OpenAI: GPT-4o',
        context_length: 128000,
        architecture: { input_modalities: ['text', 'image', 'file'], output_modalities: ['text'] },
        pricing: { prompt: '0.0000025', completion: '0.00001' },
        supported_parameters: ['max_tokens', 'temperature']
      }
    ]
    mock.current.setModelPages('openai', [{ cursor: null, body: { data } }])
    expect(await adapter().listModels()).toEqual([
      { id: 'deepseek/deepseek-r1:free', displayName: 'DeepSeek: R1 (free)', contextWindow: 163840, vision: false, reasoning: true },
      { id: 'openai/gpt-4o', displayName: 'OpenAI: GPT-4o', contextWindow: 128000, vision: true, reasoning: false }
    ])
  })

  it("reads Together's bare-array list and keeps only its chat models", async () => {
    const body = [
      {
        id: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
        object: 'model',
        type: 'chat',
        display_name: 'Llama 3.3 70B Instruct Turbo',
        context_length: 131072
      },
      { id: 'BAAI/bge-large-en-v1.5', object: 'model', type: 'embedding', display_name: 'BGE Large', context_length: 512 },
      { id: 'black-forest-labs/FLUX.1-schnell', object: 'model', type: 'image', display_name: 'Flux Schnell' }
    ]
    mock.current.setModelPages('openai', [{ cursor: null, body }])
    expect(await adapter().listModels()).toEqual([
      {
        id: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
        displayName: 'Llama 3.3 70B Instruct Turbo',
        contextWindow: 131072,
        vision: null,
        reasoning: null
      }
    ])
  })

  it('a wrong key -> auth', async () => {
    const wrong = createOpenAICompatibleAdapter({ baseUrl: mock.current.baseUrl, apiKey: 'sk-wrong', fetch: globalThis.fetch })
    await expect(wrong.listModels()).rejects.toMatchObject({ code: 'auth', message: PROVIDER_ERROR_MESSAGES.auth })
  })
})
