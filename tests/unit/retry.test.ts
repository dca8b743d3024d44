import { describe, expect, it } from 'vitest'
import { retryDelay, withRetry, DEFAULT_RETRY_POLICY } from '../../src/main/chat/retry'
import { providerError } from '../../src/main/providers/errors'
import type { StreamEvent } from '../../src/main/providers/types'
import { AppError } from '../../src/shared/errors'

const policy = DEFAULT_RETRY_POLICY

async function collect(events: AsyncIterable<StreamEvent>): Promise<StreamEvent[]> {
  const all: StreamEvent[] = []
  for await (const event of events) all.push(event)
  return all
}

/** A fake provider: each call plays the next script, throwing where the script says. */
function scripted(...scripts: Array<Array<StreamEvent | AppError>>) {
  let calls = 0
  const start = async function* (): AsyncIterable<StreamEvent> {
    const script = scripts[calls++] ?? []
    for (const step of script) {
      if (step instanceof AppError) throw step
      yield step
    }
  }
  return { start, calls: () => calls }
}

describe('retryDelay', () => {
  it('honours retry-after within the cap and gives up beyond it', () => {
    expect(retryDelay(providerError('rate_limit', null, 7), 1, policy)).toBe(7000)
    expect(retryDelay(providerError('rate_limit', null, 60), 1, policy)).toBeNull()
  })

  it('backs off exponentially with jitter when the provider gives no wait', () => {
    expect(retryDelay(providerError('overloaded'), 1, policy, () => 0.5)).toBe(1000)
    expect(retryDelay(providerError('overloaded'), 2, policy, () => 0.5)).toBe(2000)
    expect(retryDelay(providerError('provider'), 2, policy, () => 0)).toBe(1500)
  })

  it('never retries what a retry cannot fix, nor past the last attempt', () => {
    for (const code of ['auth', 'bad_request', 'context_length', 'model_not_found', 'cancelled'] as const) {
      expect(retryDelay(providerError(code), 1, policy)).toBeNull()
    }
    expect(retryDelay(providerError('rate_limit', null, 1), policy.maxAttempts, policy)).toBeNull()
  })
})

describe('withRetry', () => {
  const signal = new AbortController().signal

  it('retries a refusal before the first token, then streams the answer', async () => {
    const provider = scripted([providerError('rate_limit', null, 2)], [{ type: 'text', text: 'hi' }, { type: 'done', finishReason: 'stop' }])
    const waits: number[] = []
    const events = await collect(withRetry(provider.start, signal, { sleep: async (ms) => void waits.push(ms) }))
    expect(events).toEqual([{ type: 'text', text: 'hi' }, { type: 'done', finishReason: 'stop' }])
    expect(waits).toEqual([2000])
    expect(provider.calls()).toBe(2)
  })

  it('does not retry once text has streamed', async () => {
    const provider = scripted([{ type: 'text', text: 'partial' }, providerError('overloaded')], [{ type: 'text', text: 'again' }])
    const seen: StreamEvent[] = []
    const run = async (): Promise<void> => {
      for await (const event of withRetry(provider.start, signal, { sleep: async () => undefined })) seen.push(event)
    }
    await expect(run()).rejects.toMatchObject({ code: 'overloaded' })
    expect(seen).toEqual([{ type: 'text', text: 'partial' }])
    expect(provider.calls()).toBe(1)
  })

  it('gives up after the last attempt with the provider error', async () => {
    const provider = scripted([providerError('overloaded')], [providerError('overloaded')], [providerError('overloaded')], [])
    const retries: number[] = []
    await expect(
      collect(withRetry(provider.start, signal, { sleep: async () => undefined, onRetry: (_e, ms) => void retries.push(ms) }))
    ).rejects.toMatchObject({ code: 'overloaded' })
    expect(provider.calls()).toBe(policy.maxAttempts)
    expect(retries).toHaveLength(policy.maxAttempts - 1)
  })

  it('stops waiting when the user cancels', async () => {
    const controller = new AbortController()
    const provider = scripted([providerError('rate_limit', null, 5)], [{ type: 'text', text: 'never' }])
    const run = collect(withRetry(provider.start, controller.signal))
    setTimeout(() => controller.abort(new Error('stopped')), 10)
    await expect(run).rejects.toThrow('stopped')
    expect(provider.calls()).toBe(1)
  })
})
