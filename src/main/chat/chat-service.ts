import type { ConversationSettings } from '../../shared/domain'
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
  /** Waits between retries; tests pass one that does not really wait. */
  sleep?: Sleep
}

export interface ChatService {
  send(input: RequestInput<'chat:send'>): RequestOutput<'chat:send'>
  cancel(streamId: string): boolean
  /** Resolves when the given stream has finished and been stored (tests, shutdown). */
  settled(streamId: string): Promise<void>
  /** Stops every running answer, keeping what arrived; resolves once all are stored. */
  cancelAll(): Promise<void>
}

export function createChatService(deps: ChatServiceDeps): ChatService {
  const { store, now = Date.now, newId = randomId } = deps
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>()

  const defaultSettings: ConversationSettings = { systemPrompt: null, params: {} }

  /** The conversation to add to (a new one when `conversationId` is null) and its settings. */
  function startConversation(
    conversationId: string | null,
    text: string,
    settings: ConversationSettings | undefined,
    at: number
  ): { id: string; settings: ConversationSettings } {
    if (conversationId !== null) {
      const existing = store.conversations.get(conversationId)
      if (!existing) throw new AppError('not_found', 'This conversation no longer exists.')
      return { id: existing.id, settings: { systemPrompt: existing.systemPrompt, params: existing.params } }
    }
    const id = newId()
    const chosen = settings ?? defaultSettings
    store.conversations.insert({ id, title: titleFromText(text), providerId: null, model: null, ...chosen, createdAt: at, updatedAt: at })
    return { id, settings: chosen }
  }

  return {
    send(input) {
      const provider = store.providers.get(input.providerId)
      if (!provider) throw new AppError('not_found', 'This provider is not configured any more. Pick another model.')
      if (!provider.enabled) throw new AppError('validation', `${provider.name} is turned off in Settings. Turn it on or pick another model.`)
      const at = now()
      // The user's message is stored before any request leaves the machine.
      let settings = defaultSettings
      const ids = store.transaction(() => {
        const conversation = startConversation(input.conversationId, input.text, input.settings, at)
        settings = conversation.settings
        checkParams(PROVIDER_PRESETS[provider.preset].protocol, settings.params)
        const conversationId = conversation.id
        const parentId = latestMessageId(store.messages.listByConversation(conversationId))
        const userMessageId = newId()
        const assistantMessageId = newId()
        const common = { conversationId, providerId: provider.id, model: input.model, createdAt: at }
        store.messages.insert({ ...common, id: userMessageId, parentId, role: 'user', content: input.text, status: 'complete' })
        store.messages.insert({ ...common, id: assistantMessageId, parentId: userMessageId, role: 'assistant', content: '', status: 'streaming' })
        store.conversations.touch(conversationId, at, provider.id, input.model)
        return { conversationId, userMessageId, assistantMessageId, streamId: newId() }
      })

      const controller = new AbortController()
      const done = runAnswerStream({ ...deps, now, provider, model: input.model, settings, ...ids, signal: controller.signal }).finally(() =>
        running.delete(ids.streamId)
      )
      running.set(ids.streamId, { controller, done })
      return ids
    },

    cancel(streamId) {
      const entry = running.get(streamId)
      entry?.controller.abort()
      return entry !== undefined
    },

    async settled(streamId) {
      await running.get(streamId)?.done
    },

    async cancelAll() {
      const entries = [...running.values()]
      for (const { controller } of entries) controller.abort()
      await Promise.all(entries.map((entry) => entry.done))
    }
  }
}
