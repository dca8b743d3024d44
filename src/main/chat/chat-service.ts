import type { ConversationSettings, ConversationSource, ProviderConfig } from '../../shared/domain'
import { PROVIDER_PRESETS } from '../../shared/provider-presets'
import { AppError } from '../../shared/errors'
import type { RequestInput, RequestOutput } from '../../shared/ipc/contract'
import type { EventBus } from '../ipc/event-bus'
import type { AdapterFactory } from '../providers/model-catalog'
import { checkParams } from '../providers/params'
import type { KeyVault } from '../secrets/key-vault'
import { randomId, type IdFactory } from '../store/ids'
import type { Store } from '../store'
import { latestMessageId, titleFromText } from './history'
import { runAnswerStream } from './answer-stream'
import { retitleAfterFirstExchange } from './title'
import type { RetryPolicy, Sleep } from './retry'

export interface ChatServiceDeps {
  store: Pick<Store, 'conversations' | 'messages' | 'providers' | 'transaction'>
  vault: Pick<KeyVault, 'get'>
  /** `apiKey` is null for a provider without a key (a local server). */
  adapterFor: AdapterFactory
  bus: Pick<EventBus, 'emit'>
  now?: () => number
  newId?: IdFactory
  /** One stream message per this many ms at most (about one per frame). */
  coalesceMs?: number
  /** The partial answer is written to SQLite at least this often. */
  persistMs?: number
  retryPolicy?: RetryPolicy
  /** Ask the chat's model for a short title after the first exchange (default true). */
  generateTitles?: boolean
  /** Waits between retries; tests pass one that does not really wait. */
  sleep?: Sleep
}

type SendResult = RequestOutput<'chat:send'>

export interface ChatService {
  send(input: RequestInput<'chat:send'>): SendResult
  /** A new answer to the same question, as a sibling of `messageId`. */
  regenerate(input: RequestInput<'chat:regenerate'>): SendResult
  cancel(streamId: string): boolean
  /** Resolves when the given stream has finished and been stored (tests, shutdown). */
  settled(streamId: string): Promise<void>
  /** Stops the conversation's running answers (before it or its messages are deleted). */
  stopConversation(conversationId: string): Promise<void>
  /** Stops every running answer, keeping what arrived; resolves once all are stored. */
  cancelAll(): Promise<void>
}

export function createChatService(deps: ChatServiceDeps): ChatService {
  const { store, now = Date.now, newId = randomId } = deps
  const running = new Map<string, { conversationId: string; controller: AbortController; done: Promise<void> }>()

  const defaultSettings: ConversationSettings = { systemPrompt: null, params: {} }

  /** The conversation to add to (a new one when `conversationId` is null) and its settings. */
  function startConversation(
    conversationId: string | null,
    text: string,
    settings: ConversationSettings | undefined,
    source: ConversationSource,
    at: number
  ): { id: string; settings: ConversationSettings } {
    if (conversationId !== null) {
      const existing = store.conversations.get(conversationId)
      if (!existing) throw new AppError('not_found', 'This conversation no longer exists.')
      return { id: existing.id, settings: { systemPrompt: existing.systemPrompt, params: existing.params } }
    }
    const id = newId()
    const chosen = settings ?? defaultSettings
    store.conversations.insert({ id, title: titleFromText(text), source, providerId: null, model: null, ...chosen, createdAt: at, updatedAt: at })
    return { id, settings: chosen }
  }

  function usableProvider(providerId: string): ProviderConfig {
    const provider = store.providers.get(providerId)
    if (!provider) throw new AppError('not_found', 'This provider is not configured any more. Pick another model.')
    if (!provider.enabled) throw new AppError('validation', `${provider.name} is turned off in Settings. Turn it on or pick another model.`)
    return provider
  }

  /** Streams a new assistant answer under `userMessageId` (stored already) and tracks it. */
  function startAnswer(provider: ProviderConfig, model: string, settings: ConversationSettings, ids: Omit<SendResult, 'streamId'>): SendResult {
    const result = { ...ids, streamId: newId() }
    const controller = new AbortController()
    const job = { ...deps, now, provider, model, settings, ...result, signal: controller.signal }
    const done = runAnswerStream(job)
      .then((status) => (status === 'complete' && deps.generateTitles !== false ? retitleAfterFirstExchange(job) : undefined))
      .finally(() => running.delete(result.streamId))
    running.set(result.streamId, { conversationId: ids.conversationId, controller, done })
    return result
  }

  function insertAnswer(conversationId: string, userMessageId: string, provider: ProviderConfig, model: string, at: number): string {
    const id = newId()
    store.messages.insert({ id, conversationId, parentId: userMessageId, role: 'assistant', content: '', providerId: provider.id, model, status: 'streaming', createdAt: at })
    store.conversations.touch(conversationId, at, provider.id, model)
    return id
  }

  return {
    send(input) {
      const provider = usableProvider(input.providerId)
      const at = now()
      let settings = defaultSettings
      // The user's message is stored before any request leaves the machine.
      const ids = store.transaction(() => {
        const conversation = startConversation(input.conversationId, input.text, input.settings, input.source ?? 'chat', at)
        settings = conversation.settings
        checkParams(PROVIDER_PRESETS[provider.preset].protocol, settings.params)
        const conversationId = conversation.id
        const history = store.messages.listByConversation(conversationId)
        // An explicit parent continues (or, for an edit, branches off) the path the user sees.
        const parentId = input.parentId === undefined ? latestMessageId(history) : input.parentId
        if (parentId !== null && !history.some((message) => message.id === parentId)) {
          throw new AppError('not_found', 'The message this would follow no longer exists.')
        }
        const userMessageId = newId()
        store.messages.insert({ id: userMessageId, conversationId, parentId, role: 'user', content: input.text, providerId: provider.id, model: input.model, status: 'complete', createdAt: at })
        return { conversationId, userMessageId, assistantMessageId: insertAnswer(conversationId, userMessageId, provider, input.model, at) }
      })
      return startAnswer(provider, input.model, settings, ids)
    },

    regenerate(input) {
      const provider = usableProvider(input.providerId)
      const previous = store.messages.get(input.messageId)
      if (!previous || previous.role !== 'assistant' || previous.parentId === null) {
        throw new AppError('not_found', 'This answer no longer exists.')
      }
      const conversation = store.conversations.get(previous.conversationId)
      if (!conversation) throw new AppError('not_found', 'This conversation no longer exists.')
      const settings = { systemPrompt: conversation.systemPrompt, params: conversation.params }
      checkParams(PROVIDER_PRESETS[provider.preset].protocol, settings.params)
      const userMessageId = previous.parentId
      // A sibling of the previous answer: both stay, the user can flip between them.
      const assistantMessageId = store.transaction(() => insertAnswer(conversation.id, userMessageId, provider, input.model, now()))
      return startAnswer(provider, input.model, settings, { conversationId: conversation.id, userMessageId, assistantMessageId })
    },

    cancel(streamId) {
      const entry = running.get(streamId)
      entry?.controller.abort()
      return entry !== undefined
    },

    async settled(streamId) {
      await running.get(streamId)?.done
    },

    async stopConversation(conversationId) {
      const entries = [...running.values()].filter((entry) => entry.conversationId === conversationId)
      for (const { controller } of entries) controller.abort()
      await Promise.all(entries.map((entry) => entry.done))
    },

    async cancelAll() {
      const entries = [...running.values()]
      for (const { controller } of entries) controller.abort()
      await Promise.all(entries.map((entry) => entry.done))
    }
  }
}
