import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createChatService, type ChatService, type ChatServiceDeps } from '../../src/main/chat/chat-service'
import { createOpenAICompatibleAdapter } from '../../src/main/providers/openai-compatible'
import { createKeyVault, type KeyVault } from '../../src/main/secrets/key-vault'
import { openStore, type Store } from '../../src/main/store'
import { AppError, PROVIDER_ERROR_CODES } from '../../src/shared/errors'
import type { ChatStreamEvent } from '../../src/shared/ipc/contract'
import { DEFAULT_API_KEY, startMockProvider, type MockProvider } from '../support/mock-provider'
import { clearKeychainService, randomTestKey, uniqueKeychainService } from '../support/factories/keychain'
import {
  offsetAfterEvents,
  openaiAnswerText,
  openaiContentPieces,
  openaiUsage
} from '../support/factories/openai-fixture'
import { makeProviderConfig } from '../support/factories/provider-config'
import { createRecordingBus, type RecordingBus } from '../support/factories/recording-bus'
import { makeTempDir, removeTempDir } from '../support/factories/temp-dir'

const TEXT_FIXTURE = 'openai-chat-stream-text.sse'
const MIDSTREAM_ERROR_FIXTURE = 'openai-chat-stream-error-midstream.sse'
const EXPECTED_TEXT = openaiAnswerText(TEXT_FIXTURE)
const PROVIDER_CODES: readonly string[] = PROVIDER_ERROR_CODES

let dir: string
let store: Store
let vault: KeyVault
let mock: MockProvider
let bus: RecordingBus
const services: ChatService[] = []

beforeEach(async () => {
  dir = makeTempDir()
  store = openStore(join(dir, 'chofesh.sqlite'))
  vault = createKeyVault({ service: uniqueKeychainService('chat') })
  mock = await startMockProvider()
  bus = createRecordingBus()
  store.providers.save(makeProviderConfig(mock.baseUrl), 1)
  await vault.set('mock', DEFAULT_API_KEY)
})

afterEach(async () => {
  for (const service of services.splice(0)) await service.cancelAll()
  await mock.close()
  store.close()
  await clearKeychainService(vault)
  removeTempDir(dir)
})

function chatService(
  options: Partial<Pick<ChatServiceDeps, 'coalesceMs' | 'persistMs' | 'vault' | 'adapterFor' | 'sleep' | 'retryPolicy'>> = {}
): ChatService {
  const service = createChatService({
    store,
    vault,
    bus,
    adapterFor: (provider, apiKey) => createOpenAICompatibleAdapter({ baseUrl: provider.baseUrl, apiKey, fetch: globalThis.fetch }),
    // These tests count and read provider requests; titles have their own tests.
    generateTitles: false,
    ...options
  })
  services.push(service)
  return service
}

async function sendAndSettle(chat: ChatService, text = 'hello', conversationId: string | null = null, providerId = 'mock') {
  const ids = chat.send({ conversationId, providerId, model: 'gpt-4o', text })
  await chat.settled(ids.streamId)
  const assistant = store.messages.get(ids.assistantMessageId)
  if (!assistant) throw new Error('assistant message missing')
  return { ids, assistant, events: bus.forStream(ids.streamId) }
}

type Delta = Extract<ChatStreamEvent, { type: 'delta' }>
const deltasOf = (events: ChatStreamEvent[]): Delta[] => events.filter((e): e is Delta => e.type === 'delta')

/** Rebuilds the answer from deltas, checking each one starts where the previous ended. */
function textFromDeltas(events: ChatStreamEvent[]): string {
  let text = ''
  for (const delta of deltasOf(events)) {
    expect(delta.textOffset).toBe(text.length)
    text += delta.text
  }
  return text
}

type Terminal = Extract<ChatStreamEvent, { type: 'done' | 'error' }>

/** Ends a stream: exactly one terminal event (done or error), and it is the last one. */
function terminalOf(events: ChatStreamEvent[]): Terminal {
  const terminals = events.filter((e): e is Terminal => e.type === 'done' || e.type === 'error')
  expect(terminals).toHaveLength(1)
  expect(events.at(-1)).toBe(terminals[0])
  return terminals[0] as Terminal
}

function requestMessages(index: number): Array<{ role: string; content: string }> {
  const request = mock.requests.filter((r) => r.path.endsWith('/chat/completions'))[index]
  if (!request) throw new Error(`no chat request #${index}`)
  return (JSON.parse(request.body) as { messages: Array<{ role: string; content: string }> }).messages
}

describe('chat service: a successful answer', () => {
  it('stores the question before asking, then the whole answer with its usage', async () => {
    const chat = chatService()
    const ids = chat.send({ conversationId: null, providerId: 'mock', model: 'gpt-4o', text: 'hello' })

    // Synchronously after send(): the question is on disk and nothing has reached the provider yet.
    expect(mock.requests).toHaveLength(0)
    const early = store.messages.listByConversation(ids.conversationId)
    expect(early.map((m) => [m.id, m.role, m.content, m.status])).toEqual([
      [ids.userMessageId, 'user', 'hello', 'complete'],
      [ids.assistantMessageId, 'assistant', '', 'streaming']
    ])
    expect(store.conversations.get(ids.conversationId)).toMatchObject({ title: 'hello', providerId: 'mock', model: 'gpt-4o' })

    await chat.settled(ids.streamId)

    // The request was built from the stored history, so the stored question is what was sent.
    expect(mock.requests).toHaveLength(1)
    expect(mock.requests[0]?.headers.authorization).toBe(`Bearer ${DEFAULT_API_KEY}`)
    expect(requestMessages(0)).toEqual([{ role: 'user', content: 'hello' }])

    const assistant = store.messages.get(ids.assistantMessageId)
    expect(EXPECTED_TEXT.length).toBeGreaterThan(50)
    expect(assistant).toMatchObject({
      status: 'complete',
      content: EXPECTED_TEXT,
      errorCode: null,
      parentId: ids.userMessageId,
      usage: openaiUsage(TEXT_FIXTURE)
    })
    expect(assistant?.usage).toEqual({ inputTokens: 14, outputTokens: 30 })
  })

  it('emits ordered deltas that rebuild the answer, then exactly one done', async () => {
    const chat = chatService()
    const { ids, events } = await sendAndSettle(chat)

    expect(events.length).toBe(bus.events.length)
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i))
    expect(events.every((e) => e.messageId === ids.assistantMessageId)).toBe(true)
    expect(deltasOf(events).length).toBeGreaterThan(0)
    expect(textFromDeltas(events)).toBe(EXPECTED_TEXT)
    expect(terminalOf(events)).toMatchObject({ type: 'done', status: 'complete', error: null })
  })

  it('coalesces many provider chunks into fewer stream messages', async () => {
    const pieces = openaiContentPieces(TEXT_FIXTURE)
    mock.setScenario({ kind: 'replay', fixture: TEXT_FIXTURE, chunk: 'event', delayMs: 1 })
    const chat = chatService({ coalesceMs: 50 })
    const { events, assistant } = await sendAndSettle(chat)

    const deltas = deltasOf(events)
    expect(deltas.length).toBeGreaterThan(0)
    expect(deltas.length).toBeLessThan(pieces.length)
    expect(textFromDeltas(events)).toBe(EXPECTED_TEXT)
    expect(assistant.content).toBe(EXPECTED_TEXT)
  })

  it('writes the partial answer to the database while it streams', async () => {
    mock.setScenario({ kind: 'replay', fixture: TEXT_FIXTURE, chunk: 'event', delayMs: 40 })
    const chat = chatService({ persistMs: 50 })
    const ids = chat.send({ conversationId: null, providerId: 'mock', model: 'gpt-4o', text: 'hello' })

    let finished = false
    const done = chat.settled(ids.streamId).then(() => (finished = true))
    const partials: string[] = []
    while (!finished) {
      const row = store.messages.get(ids.assistantMessageId)
      if (row?.status === 'streaming' && row.content.length > 0) partials.push(row.content)
      await sleep(10)
    }
    await done

    expect(partials.length).toBeGreaterThan(0)
    const shorter = partials.filter((text) => text.length < EXPECTED_TEXT.length)
    expect(shorter.length).toBeGreaterThan(0)
    for (const text of partials) expect(EXPECTED_TEXT.startsWith(text)).toBe(true)
    expect(store.messages.get(ids.assistantMessageId)).toMatchObject({ status: 'complete', content: EXPECTED_TEXT })
  })

  it('sends the earlier exchange as history with the next question', async () => {
    const chat = chatService()
    const first = await sendAndSettle(chat, 'hello')
    const second = await sendAndSettle(chat, 'and tomorrow?', first.ids.conversationId)

    expect(second.ids.conversationId).toBe(first.ids.conversationId)
    expect(requestMessages(1)).toEqual([
      { role: 'user', content: 'hello' },
      { role: 'assistant', content: EXPECTED_TEXT },
      { role: 'user', content: 'and tomorrow?' }
    ])
    expect(store.messages.get(second.ids.userMessageId)?.parentId).toBe(first.ids.assistantMessageId)
    expect(store.messages.listByConversation(first.ids.conversationId)).toHaveLength(4)
  })
})

describe('chat service: failures end up on the message', () => {
  it('records a rejected key as an auth error and keeps the question', async () => {
    await vault.set('mock', randomTestKey('sk-wrong-'))
    const { ids, assistant, events } = await sendAndSettle(chatService())

    expect(assistant).toMatchObject({ status: 'error', errorCode: 'auth', content: '' })
    expect(assistant.errorMessage).toBeTruthy()
    expect(store.messages.get(ids.userMessageId)).toMatchObject({ role: 'user', content: 'hello', status: 'complete' })
    const terminal = terminalOf(events)
    expect(terminal).toMatchObject({ type: 'error', messageId: ids.assistantMessageId, error: { code: 'auth' } })
    expect(deltasOf(events)).toHaveLength(0)
  })

  it('asks a local provider with no key without one, and turns its 401 into missing_key', async () => {
    await vault.delete('mock')
    const { ids, assistant, events } = await sendAndSettle(chatService())

    expect(assistant).toMatchObject({ status: 'error', errorCode: 'missing_key' })
    expect(terminalOf(events)).toMatchObject({ type: 'error', error: { code: 'missing_key' } })
    expect(mock.requests).toHaveLength(1)
    expect(mock.requests[0]?.headers.authorization).not.toContain(DEFAULT_API_KEY)
    expect(store.messages.get(ids.userMessageId)?.content).toBe('hello')
  })

  it('records missing_key for a remote provider with no key, without contacting it', async () => {
    await vault.delete('mock')
    // A provider that is not on this machine; the adapter still reaches the mock, as DNS would.
    store.providers.save(makeProviderConfig('https://api.remote.example/v1', { id: 'remote', name: 'Remote', preset: 'openai' }), 2)
    const chat = chatService({
      adapterFor: (_provider, apiKey) => createOpenAICompatibleAdapter({ baseUrl: mock.baseUrl, apiKey, fetch: globalThis.fetch })
    })
    const { ids, assistant, events } = await sendAndSettle(chat, 'hello', null, 'remote')

    expect(assistant).toMatchObject({ status: 'error', errorCode: 'missing_key' })
    expect(terminalOf(events)).toMatchObject({ type: 'error', error: { code: 'missing_key' } })
    expect(store.messages.get(ids.userMessageId)?.content).toBe('hello')
    // Without a key there is nothing to ask a remote provider: no request, no placeholder credential.
    expect(mock.requests).toHaveLength(0)
  })

  it('records keychain_unavailable for a remote provider when the keychain is down, without contacting it', async () => {
    store.providers.save(makeProviderConfig('https://api.remote.example/v1', { id: 'remote', name: 'Remote', preset: 'openai' }), 2)
    const chat = chatService({
      vault: { get: async () => Promise.reject(new AppError('keychain_unavailable', 'keychain down')) },
      adapterFor: (_provider, apiKey) => createOpenAICompatibleAdapter({ baseUrl: mock.baseUrl, apiKey, fetch: globalThis.fetch })
    })
    const { assistant } = await sendAndSettle(chat, 'hello', null, 'remote')

    expect(assistant).toMatchObject({ status: 'error', errorCode: 'keychain_unavailable' })
    expect(mock.requests).toHaveLength(0)
  })

  it('lets a keyless local server answer even when the keychain is down', async () => {
    const local = await startMockProvider({ apiKey: null })
    try {
      store.providers.save(makeProviderConfig(local.baseUrl, { id: 'local', name: 'Local' }), 2)
      const chat = chatService({ vault: { get: async () => Promise.reject(new AppError('keychain_unavailable', 'keychain down')) } })
      const { assistant } = await sendAndSettle(chat, 'hello', null, 'local')

      expect(assistant).toMatchObject({ status: 'complete', content: EXPECTED_TEXT, errorCode: null })
      expect(local.requests).toHaveLength(1)
    } finally {
      await local.close()
    }
  })

  it('retries a 429 after the wait the provider asked for, then records rate_limit', async () => {
    mock.setScenario({
      kind: 'http-error',
      status: 429,
      fixture: 'openai-error-429-rate-limit.json',
      headers: { 'retry-after': '7' }
    })
    const waits: number[] = []
    const { assistant, events } = await sendAndSettle(chatService({ sleep: async (ms) => void waits.push(ms) }))

    expect(assistant).toMatchObject({ status: 'error', errorCode: 'rate_limit' })
    expect(terminalOf(events)).toMatchObject({ type: 'error', error: { code: 'rate_limit', retryAfterSeconds: 7 } })
    // Chofesh's policy, not the SDK's (maxRetries is 0): three tries in all, each after the asked-for 7 s.
    expect(waits).toEqual([7000, 7000])
    expect(events.filter((event) => event.type === 'retry')).toHaveLength(2)
    expect(mock.requests).toHaveLength(3)
  })

  it('retries a 429 after its retry-after and then streams the answer', async () => {
    mock.queueScenarios({
      kind: 'http-error',
      status: 429,
      fixture: 'openai-error-429-rate-limit.json',
      headers: { 'retry-after': '2' }
    })
    mock.setScenario({ kind: 'replay', fixture: TEXT_FIXTURE })
    const waits: number[] = []
    const { assistant, events } = await sendAndSettle(chatService({ sleep: async (ms) => void waits.push(ms) }))

    expect(waits).toEqual([2000])
    expect(mock.requests).toHaveLength(2)
    expect(events.filter((event) => event.type === 'retry')).toMatchObject([{ error: { code: 'rate_limit' }, delayMs: 2000 }])
    expect(assistant).toMatchObject({ status: 'complete', content: EXPECTED_TEXT, errorCode: null })
  })

  it('does not retry a failure after the first token: the partial answer is kept, interrupted', async () => {
    mock.setScenario({ kind: 'replay', fixture: MIDSTREAM_ERROR_FIXTURE })
    const waits: number[] = []
    const { assistant } = await sendAndSettle(chatService({ sleep: async (ms) => void waits.push(ms) }))
    expect(assistant.status).toBe('interrupted')
    expect(assistant.content).toBe(openaiAnswerText(MIDSTREAM_ERROR_FIXTURE))
    expect(waits).toEqual([])
    expect(mock.requests).toHaveLength(1)
  })

  it('keeps the partial answer of a stream that reports an error midway', async () => {
    const partial = openaiAnswerText(MIDSTREAM_ERROR_FIXTURE)
    expect(partial.length).toBeGreaterThan(0)
    mock.setScenario({ kind: 'replay', fixture: MIDSTREAM_ERROR_FIXTURE })
    const { assistant, events } = await sendAndSettle(chatService())

    expect(assistant.status).toBe('interrupted')
    expect(assistant.content).toBe(partial)
    expect(PROVIDER_CODES).toContain(assistant.errorCode)
    expect(assistant.errorCode).not.toBe('cancelled')
    const terminal = terminalOf(events)
    expect(terminal).toMatchObject({ type: 'done', status: 'interrupted', error: { code: assistant.errorCode } })
    expect(textFromDeltas(events)).toBe(partial)
  })

  it('keeps the partial answer when the connection drops mid-stream', async () => {
    // Five whole events (role + four words) and a piece of the sixth.
    const bytes = offsetAfterEvents(TEXT_FIXTURE, 5) + 40
    mock.setScenario({ kind: 'reset-after', fixture: TEXT_FIXTURE, bytes })
    const { assistant, events } = await sendAndSettle(chatService())

    expect(assistant.status).toBe('interrupted')
    expect(assistant.content).toBe(openaiContentPieces(TEXT_FIXTURE).slice(0, 4).join(''))
    expect(['network', 'provider']).toContain(assistant.errorCode)
    expect(terminalOf(events)).toMatchObject({ type: 'done', status: 'interrupted', error: { code: assistant.errorCode } })
  })

  it('stops on cancel: the connection is closed and the text so far is kept', async () => {
    // Three events: the role chunk, "I'm", " unable"; then silence.
    mock.setScenario({ kind: 'stall', fixture: TEXT_FIXTURE, afterEvents: 3 })
    const chat = chatService({ coalesceMs: 5 })
    const ids = chat.send({ conversationId: null, providerId: 'mock', model: 'gpt-4o', text: 'hello' })
    const soFar = openaiContentPieces(TEXT_FIXTURE).slice(0, 2).join('')

    await vi.waitFor(() => expect(textFromDeltas(bus.forStream(ids.streamId))).toBe(soFar), { timeout: 5000, interval: 10 })
    expect(chat.cancel(ids.streamId)).toBe(true)

    const hungUp = await mock.waitForClientClose()
    expect(hungUp.path).toBe('/v1/chat/completions')
    expect(hungUp.clientClosed).toBe(true)

    await chat.settled(ids.streamId)
    expect(store.messages.get(ids.assistantMessageId)).toMatchObject({
      status: 'interrupted',
      errorCode: 'cancelled',
      content: soFar
    })
    expect(terminalOf(bus.forStream(ids.streamId))).toMatchObject({
      type: 'done',
      status: 'interrupted',
      error: { code: 'cancelled' }
    })
    // The stream is gone: cancelling again finds nothing.
    expect(chat.cancel(ids.streamId)).toBe(false)
  })
})
