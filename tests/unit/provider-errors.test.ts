import { createServer } from 'node:net'
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROVIDER_ERROR_MESSAGES } from '../../src/main/providers/errors'
import { toProviderError } from '../../src/main/providers/openai-errors'
import { AppError } from '../../src/shared/errors'
import { DEFAULT_API_KEY, startMockProvider, type MockProvider } from '../support/mock-provider'

let mock: MockProvider

beforeAll(async () => {
  mock = await startMockProvider()
})
afterAll(async () => {
  await mock.close()
})

function client(baseURL = mock.baseUrl, apiKey = DEFAULT_API_KEY): OpenAI {
  return new OpenAI({ apiKey, baseURL, maxRetries: 0, timeout: 10_000 })
}

/** Whatever the real SDK throws for one streaming request. */
async function sdkFailure(openai: OpenAI = client()): Promise<unknown> {
  try {
    const stream = await openai.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hello' }],
      stream: true
    })
    for await (const chunk of stream) void chunk
  } catch (error) {
    return error
  }
  throw new Error('expected the SDK call to fail')
}

describe('toProviderError on real OpenAI SDK errors', () => {
  it.each([
    [401, 'openai-error-401-invalid-api-key.json', 'auth'],
    [404, 'openai-error-404-model-not-found.json', 'model_not_found'],
    [400, 'openai-error-400-context-length.json', 'context_length'],
    [400, 'openai-error-400-unsupported-parameter.json', 'bad_request'],
    [500, 'openai-error-500-server-error.json', 'provider'],
    [503, 'openai-error-500-server-error.json', 'overloaded']
  ] as const)('HTTP %i with %s -> %s', async (status, fixture, code) => {
    mock.setScenario({ kind: 'http-error', status, fixture })
    const raw = await sdkFailure()
    expect(raw).toBeInstanceOf(OpenAI.APIError)
    const error = toProviderError(raw)
    expect(error).toBeInstanceOf(AppError)
    expect(error.code).toBe(code)
    expect(error.retryAfterSeconds).toBeUndefined()
    expect(error.cause).toBe(raw)
    // The user reads our sentence, not the provider's raw body.
    expect(error.message).toBe(PROVIDER_ERROR_MESSAGES[code])
  })

  it('429 -> rate_limit with the retry-after the provider sent', async () => {
    mock.setScenario({ kind: 'http-error', status: 429, fixture: 'openai-error-429-rate-limit.json', headers: { 'retry-after': '7' } })
    const error = toProviderError(await sdkFailure())
    expect(error.code).toBe('rate_limit')
    expect(error.retryAfterSeconds).toBe(7)
    expect(error.toShape()).toEqual({ code: 'rate_limit', message: expect.any(String), retryAfterSeconds: 7 })
  })

  it('429 without retry-after -> rate_limit with no wait', async () => {
    mock.setScenario({ kind: 'http-error', status: 429, fixture: 'openai-error-429-rate-limit.json' })
    const error = toProviderError(await sdkFailure())
    expect(error.code).toBe('rate_limit')
    expect(error.toShape()).not.toHaveProperty('retryAfterSeconds')
  })

  it('a key the mock rejects -> auth', async () => {
    mock.setScenario({ kind: 'replay', fixture: 'openai-chat-stream-text.sse' })
    expect(toProviderError(await sdkFailure(client(mock.baseUrl, 'sk-not-the-right-key'))).code).toBe('auth')
  })

  it('a refused connection -> network', async () => {
    // A port that was just free and is now closed: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const server = createServer()
      server.listen(0, '127.0.0.1', () => {
        const address = server.address()
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
      })
    })
    const raw = await sdkFailure(client(`http://127.0.0.1:${port}/v1`))
    expect(raw).toBeInstanceOf(OpenAI.APIConnectionError)
    expect(toProviderError(raw).code).toBe('network')
  })

  it('an aborted request -> cancelled', async () => {
    const controller = new AbortController()
    controller.abort()
    let raw: unknown
    try {
      await client().chat.completions.create(
        { model: 'gpt-4o', messages: [{ role: 'user', content: 'hello' }], stream: true },
        { signal: controller.signal }
      )
    } catch (error) {
      raw = error
    }
    expect(raw).toBeInstanceOf(OpenAI.APIUserAbortError)
    expect(toProviderError(raw).code).toBe('cancelled')
    const domAbort = new Error('The operation was aborted')
    domAbort.name = 'AbortError'
    expect(toProviderError(domAbort).code).toBe('cancelled')
  })

  it('passes AppErrors through and calls anything else a provider failure', () => {
    const own = new AppError('missing_key', 'no key')
    expect(toProviderError(own)).toBe(own)
    const odd = toProviderError(new Error('something odd'))
    expect(odd.code).toBe('provider')
    expect(odd.message).not.toContain('something odd')
  })
})
