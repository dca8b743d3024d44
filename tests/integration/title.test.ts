import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createChatService } from '../../src/main/chat/chat-service'
import { cleanTitle } from '../../src/main/chat/title'
import { createAdapterFactory } from '../../src/main/providers/registry'
import { createKeyVault } from '../../src/main/secrets/key-vault'
import { openStore, type Store } from '../../src/main/store'
import { startMockProvider, type MockProvider } from '../support/mock-provider'
import { makeProviderConfig } from '../support/factories/provider-config'
import { createRecordingBus, type RecordingBus } from '../support/factories/recording-bus'
import { makeTempDir, removeTempDir } from '../support/factories/temp-dir'

/** Serves one answer whose whole text is `text`, the way an OpenAI-compatible server streams. */
function answerWith(text: string) {
  const chunk = (delta: object, finish: string | null) =>
    `data: ${JSON.stringify({ id: 'x', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`
  return { kind: 'raw' as const, contentType: 'text/event-stream', chunks: [chunk({ role: 'assistant', content: text }, null), chunk({}, 'stop'), 'data: [DONE]\n\n'] }
}

let dir: string
let store: Store
let mock: MockProvider
let bus: RecordingBus

beforeEach(async () => {
  dir = makeTempDir()
  store = openStore(join(dir, 'chofesh.sqlite'))
  mock = await startMockProvider({ apiKey: null })
  bus = createRecordingBus()
  store.providers.save(makeProviderConfig(mock.baseUrl, { id: 'local' }), 1)
})

afterEach(async () => {
  await mock.close()
  store.close()
  removeTempDir(dir)
})

function chat() {
  return createChatService({ store, vault: createKeyVault({ service: 'unused', loadBackend: async () => Promise.reject(new Error('no keychain')) }), bus, adapterFor: createAdapterFactory() })
}

describe('generated titles', () => {
  it('after the first exchange, the chat’s model names the conversation', async () => {
    mock.queueScenarios(answerWith('Paris is lovely in spring.'), answerWith('"Spring in Paris."'))
    const service = chat()
    const sent = service.send({ conversationId: null, providerId: 'local', model: 'm', text: 'Tell me when to visit Paris, and what to see there first' })
    await service.settled(sent.streamId)
    expect(store.conversations.get(sent.conversationId)?.title).toBe('Spring in Paris')
    expect(bus.all).toContainEqual({ event: 'conversations:changed', payload: { conversationId: sent.conversationId } })
    const titleRequest = JSON.parse(mock.requests[1]?.body ?? '{}') as { messages: Array<{ content: string }> }
    expect(titleRequest.messages.at(-1)?.content).toContain('Tell me when to visit Paris')
  })

  it('keeps the first words when the model fails, and asks only once per conversation', async () => {
    mock.queueScenarios(answerWith('An answer.'), { kind: 'http-error', status: 500, fixture: 'openai-error-500-server-error.json' })
    const service = chat()
    const first = service.send({ conversationId: null, providerId: 'local', model: 'm', text: 'What should I cook tonight?' })
    await service.settled(first.streamId)
    expect(store.conversations.get(first.conversationId)?.title).toBe('What should I cook tonight?')
    const second = service.send({ conversationId: first.conversationId, providerId: 'local', model: 'm', text: 'Something vegetarian' })
    await service.settled(second.streamId)
    expect(mock.requests).toHaveLength(3)
  })

  it('cleans what models answer', () => {
    expect(cleanTitle('Title: "Spring in Paris."\nMore text')).toBe('Spring in Paris')
    expect(cleanTitle('  **Cooking Tonight**  ')).toBe('Cooking Tonight')
    expect(cleanTitle('   ')).toBeNull()
    expect(cleanTitle('x'.repeat(100))).toHaveLength(60)
  })
})
