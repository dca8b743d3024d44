/**
 * Scaffolding shared by the provider adapter integration tests
 * (tests/integration/*-adapter.test.ts). Every adapter is tested the same way:
 * against a fresh mock provider, through the app's timed fetch, with the
 * stream drained so that partial output and the thrown error can both be
 * checked. Only that plumbing lives here; each test file keeps its own default
 * request, adapter factory and assertions.
 */
import { afterEach, beforeEach, expect } from 'vitest'
import { PROVIDER_ERROR_MESSAGES } from '../../src/main/providers/errors'
import { createTimedFetch } from '../../src/main/providers/timed-fetch'
import type { AdapterConnection, StreamEvent } from '../../src/main/providers/types'
import type { TokenUsage } from '../../src/shared/domain'
import { AppError, type ProviderErrorCode } from '../../src/shared/errors'
import { DEFAULT_API_KEY, loadFixture, splitEvents, startMockProvider } from './mock-provider'
import type { MockProvider, MockProviderOptions } from './mock-provider'

/** The mock provider of the running test; see useMockProvider. */
export interface MockProviderSlot {
  /** Throws outside a test, where no mock is running. */
  readonly current: MockProvider
  /** Starts a new mock with the same options, for a test that closed `current` itself (e.g. to hit a dead port). */
  restart(): Promise<void>
}

/**
 * Gives every test in the file its own mock provider, started before it and
 * closed after it, so no scenario, model list or recorded request leaks from
 * one test into the next.
 */
export function useMockProvider(options: MockProviderOptions = {}): MockProviderSlot {
  let current: MockProvider | undefined
  beforeEach(async () => {
    current = await startMockProvider(options)
  })
  afterEach(async () => {
    await current?.close()
    current = undefined
  })
  return {
    get current(): MockProvider {
      if (!current) throw new Error('the mock provider runs only inside a test')
      return current
    },
    async restart(): Promise<void> {
      current = await startMockProvider(options)
    }
  }
}

/**
 * The app's own fetch wrapper, so timeouts surface the way they do in the app.
 * Both limits are generous by default: only a test that lowers the idle limit
 * on purpose can time out, never one that is merely slow on a busy machine.
 */
export function timedFetch(idleTimeoutMs = 5_000): typeof globalThis.fetch {
  return createTimedFetch({ connectTimeoutMs: 5_000, idleTimeoutMs })
}

export interface ConnectionOptions {
  /** Default: the key the mock accepts. Null for keyless servers. */
  apiKey?: string | null
  /** Default 5 s; see timedFetch. */
  idleTimeoutMs?: number
}

/** What an adapter factory gets to reach the mock at `baseUrl` (its origin or baseUrl, as that API expects). */
export function mockConnection(baseUrl: string, { apiKey = DEFAULT_API_KEY, idleTimeoutMs }: ConnectionOptions = {}): AdapterConnection {
  return { baseUrl, apiKey, fetch: timedFetch(idleTimeoutMs) }
}

/** Everything a stream yielded before it ended or threw, summed up the way the assertions read it. */
export interface StreamOutcome {
  events: StreamEvent[]
  /** All text events, joined. */
  text: string
  /** All reasoning events, joined. */
  reasoning: string
  /** The last usage event's; null when none came. */
  usage: TokenUsage | null
  /** The done event's; undefined when none came. */
  finishReason: string | null | undefined
  /** What the stream threw; undefined when it ended normally. */
  error: unknown
}

/** Drains a stream; a thrown error is captured, not rethrown, so partial output can be checked too. */
export async function drain(source: AsyncIterable<StreamEvent>): Promise<StreamOutcome> {
  const outcome: StreamOutcome = { events: [], text: '', reasoning: '', usage: null, finishReason: undefined, error: undefined }
  try {
    for await (const event of source) {
      outcome.events.push(event)
      if (event.type === 'text') outcome.text += event.text
      else if (event.type === 'reasoning') outcome.reasoning += event.text
      else if (event.type === 'usage') outcome.usage = event.usage
      else outcome.finishReason = event.finishReason
    }
  } catch (error) {
    outcome.error = error
  }
  return outcome
}

/**
 * Drains a stream and aborts it, as the user's Stop button would, right after
 * the first event `shouldAbort` picks; the outcome shows what came before the
 * abort and what the stream threw because of it.
 */
export async function drainAbortingAfter(
  stream: (signal: AbortSignal) => AsyncIterable<StreamEvent>,
  shouldAbort: (event: StreamEvent) => boolean
): Promise<StreamOutcome> {
  const controller = new AbortController()
  // The abort happens once drain has taken the event, so that event is kept, as the app keeps it.
  async function* abortingAfter(): AsyncGenerator<StreamEvent> {
    for await (const event of stream(controller.signal)) {
      yield event
      if (shouldAbort(event)) controller.abort()
    }
  }
  return drain(abortingAfter())
}

/** The text (or reasoning) events one by one, for tests that check how a transcript was split, not just the sum. */
export const pieces = (events: StreamEvent[], type: 'text' | 'reasoning'): string[] =>
  events.flatMap((event) => (event.type === type ? [event.text] : []))

/**
 * Asserts the user-facing failure: an AppError with this code and the message
 * the app shows for it, so no provider's raw error text slips through.
 * Returned for further checks, e.g. retryAfterSeconds.
 */
export function expectAppError(error: unknown, code: ProviderErrorCode): AppError {
  expect(error).toBeInstanceOf(AppError)
  const appError = error as AppError
  expect(appError.code).toBe(code)
  expect(appError.message).toBe(PROVIDER_ERROR_MESSAGES[code])
  return appError
}

/** The JSON body of the mock's `index`-th request; throws if that request never came, so a missing one cannot pass as `{}`. */
export function sentBody(mock: MockProvider, index = 0): Record<string, unknown> {
  const recorded = mock.requests[index]
  if (!recorded) throw new Error(`no request #${index}`)
  return JSON.parse(recorded.body) as Record<string, unknown>
}

/** The first `count` SSE events of a fixture, as text: the start of a recorded stream, to cut it short or append to it. */
export function firstEvents(fixture: string, count: number): string[] {
  return splitEvents(loadFixture(fixture), fixture)
    .slice(0, count)
    .map((piece) => piece.toString('utf8'))
}
