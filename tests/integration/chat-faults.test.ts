import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createChatService, type ChatService } from '../../src/main/chat/chat-service'
import { createAdapterFactory } from '../../src/main/providers/registry'
import { createKeyVault } from '../../src/main/secrets/key-vault'
import { openStore, type Store } from '../../src/main/store'
import { PROVIDER_ERROR_CODES } from '../../src/shared/errors'
import type { PresetId } from '../../src/shared/provider-presets'
import { clearKeychainService, uniqueKeychainService } from '../support/factories/keychain'
import { makeProviderConfig } from '../support/factories/provider-config'
import { createRecordingBus } from '../support/factories/recording-bus'
import { makeTempDir, removeTempDir } from '../support/factories/temp-dir'
import { DEFAULT_API_KEY, loadFixture, splitEvents, startMockProvider, type MockProvider, type Scenario } from '../support/mock-provider'

/**
 * Every way a stream can break, through the whole chat pipeline and every
 * wire protocol: it ends in a clear error (or the right text), never a crash
 * or a hang, and the user's message is always kept.
 */
interface Protocol {
  preset: PresetId
  baseUrl: (mock: MockProvider) => string
  fixture: string
  contentType: string
  /** A line that breaks the protocol's framing, in that framing. */
  brokenLine: string
}

const PROTOCOLS: Protocol[] = [
  { preset: 'custom', baseUrl: (m) => m.baseUrl, fixture: 'openai-chat-stream-text.sse', contentType: 'text/event-stream', brokenLine: 'data: {"choices":[{"delta":\n\n' },
  { preset: 'anthropic', baseUrl: (m) => m.origin, fixture: 'anthropic-messages-stream-text.sse', contentType: 'text/event-stream', brokenLine: 'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,\n\n' },
  { preset: 'google', baseUrl: (m) => m.origin, fixture: 'gemini-stream-usage.sse', contentType: 'text/event-stream', brokenLine: 'data: {"candidates":[{"content":\r\n\r\n' },
  { preset: 'ollama', baseUrl: (m) => m.origin, fixture: 'ollama-chat-stream.ndjson', contentType: 'application/x-ndjson', brokenLine: '{"model":"llama3.2","message":{"role":\n' }
]

const PROVIDER_CODES: readonly string[] = PROVIDER_ERROR_CODES

let dir: string
let store: Store
let mock: MockProvider
const vault = createKeyVault({ service: uniqueKeychainService('faults') })
const bus = createRecordingBus()
let chat: ChatService

beforeAll(async () => {
  dir = makeTempDir()
  store = openStore(join(dir, 'chofesh.sqlite'))
  mock = await startMockProvider()
  chat = createChatService({
    store,
    vault,
    bus,
    // Short timeouts so a stall is noticed quickly; no real waiting between retries.
    adapterFor: createAdapterFactory({ connectTimeoutMs: 2000, idleTimeoutMs: 400 }),
    sleep: async () => undefined
  })
})

afterAll(async () => {
  await chat.cancelAll()
  await mock.close()
  store.close()
  await clearKeychainService(vault)
  removeTempDir(dir)
})

async function ask(protocol: Protocol, scenario: Scenario, text: string) {
  const id = `p-${protocol.preset}`
  store.providers.save(makeProviderConfig(protocol.baseUrl(mock), { id, preset: protocol.preset, name: protocol.preset }), 1)
  await vault.set(id, DEFAULT_API_KEY)
  mock.setScenario(scenario)
  const sent = chat.send({ conversationId: null, providerId: id, model: 'm', text })
  await chat.settled(sent.streamId)
  return {
    user: store.messages.get(sent.userMessageId),
    answer: store.messages.get(sent.assistantMessageId)
  }
}

describe.each(PROTOCOLS)('$preset stream faults', (protocol) => {
  const bytes = loadFixture(protocol.fixture)

  it('a connection reset mid-stream ends in a provider error, keeping the question', async () => {
    const { user, answer } = await ask(protocol, { kind: 'reset-after', fixture: protocol.fixture, bytes: Math.floor(bytes.length * 0.6) }, 'reset?')
    expect(user?.content).toBe('reset?')
    expect(['interrupted', 'error']).toContain(answer?.status)
    expect(PROVIDER_CODES).toContain(answer?.errorCode)
  })

  it('a stall ends in a timeout, not a hang', async () => {
    const { user, answer } = await ask(protocol, { kind: 'stall', fixture: protocol.fixture, afterEvents: 1 }, 'stall?')
    expect(user?.content).toBe('stall?')
    expect(answer?.errorCode).toBe('timeout')
    expect(answer?.errorMessage).toBe('The provider stopped answering. Retry, or pick another model.')
  })

  it('a malformed line ends in a clear provider error', async () => {
    const [first] = splitEvents(bytes, protocol.fixture)
    const scenario: Scenario = { kind: 'raw', contentType: protocol.contentType, chunks: [first?.toString('utf8') ?? '', protocol.brokenLine] }
    const { user, answer } = await ask(protocol, scenario, 'malformed?')
    expect(user?.content).toBe('malformed?')
    expect(['interrupted', 'error']).toContain(answer?.status)
    expect(PROVIDER_CODES).toContain(answer?.errorCode)
    expect(answer?.errorMessage).toMatch(/\.$/)
  })
})

describe('multi-byte characters split across network chunks', () => {
  it.each([
    ['custom', 'deepseek-chat-stream-text.sse'],
    ['custom', 'groq-chat-stream-reasoning.sse'],
    ['anthropic', 'anthropic-messages-stream-thinking.sse']
  ] as const)('%s %s arrives intact, one byte at a time', async (preset, fixture) => {
    const protocol = PROTOCOLS.find((candidate) => candidate.preset === preset)
    if (!protocol) throw new Error(preset)
    const whole = await ask(protocol, { kind: 'replay', fixture }, 'whole')
    const split = await ask(protocol, { kind: 'replay', fixture, chunk: { bytes: 1 } }, 'split')
    expect(whole.answer?.status).toBe('complete')
    expect(split.answer?.status).toBe('complete')
    expect(split.answer?.content).toBe(whole.answer?.content)
    expect(split.answer?.reasoning).toBe(whole.answer?.reasoning)
    expect(`${split.answer?.content}${split.answer?.reasoning}`).toMatch(/[\u0080-\u{10FFFF}]/u)
  })
})
