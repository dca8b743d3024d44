import type { AppStatus, ConversationDetail, ConversationSummary, Message, ProviderView } from '../../../../shared/domain'
import type { ChatStreamEvent } from '../../../../shared/ipc/contract'
import { api, ApiError } from '../api'
import { applyDelta, type LiveAnswer } from './live-answers'

function describe(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Something went wrong. Please try again.'
}

/** What the main window shows: providers, conversations, the open chat and its live answer. */
export class ChatState {
  status = $state<AppStatus | null>(null)
  providers = $state<ProviderView[]>([])
  conversations = $state<ConversationSummary[]>([])
  current = $state<ConversationDetail | null>(null)
  selectedProviderId = $state<string | null>(null)
  activeStreamId = $state<string | null>(null)
  notice = $state<string | null>(null)
  loaded = $state(false)
  /** Text of answers still streaming, from their deltas; may be ahead of the last snapshot. */
  // Deliberately not reactive: views read it only through the reactive messages it updates.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #live = new Map<string, LiveAnswer>()

  get selectedProvider(): ProviderView | null {
    return this.providers.find((provider) => provider.id === this.selectedProviderId) ?? this.providers[0] ?? null
  }

  get isStreaming(): boolean {
    return this.activeStreamId !== null
  }

  async load(): Promise<void> {
    try {
      this.status = await api.appStatus()
      if (this.status.database.ok) {
        api.onStream((event) => this.#onStream(event))
        await Promise.all([this.refreshProviders(), this.refreshConversations()])
      }
    } catch (error) {
      this.notice = describe(error)
    } finally {
      this.loaded = true
    }
  }

  async refreshProviders(): Promise<void> {
    this.providers = await api.listProviders()
  }

  async refreshConversations(): Promise<void> {
    this.conversations = await api.listConversations()
  }

  async open(conversationId: string): Promise<void> {
    try {
      const detail = await api.getConversation(conversationId)
      for (const message of detail.messages) {
        const live = this.#live.get(message.id)
        if (message.status === 'streaming' && live && live.text.length >= message.content.length) {
          message.content = live.text
          message.reasoning = live.reasoning
        }
      }
      this.current = detail
    } catch (error) {
      this.notice = describe(error)
    }
  }

  startNewChat(): void {
    this.current = null
  }

  /** Saves a provider and its key. Returns an error sentence, or null on success. */
  async connectProvider(input: { name: string; baseUrl: string; model: string; key: string }): Promise<string | null> {
    const id = input.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48) || 'custom'
    try {
      if (input.key) await api.setKey(id, input.key)
      await api.saveProvider({ id, kind: 'openai-compatible', name: input.name, baseUrl: input.baseUrl, defaultModel: input.model, enabled: true })
      await this.refreshProviders()
      this.selectedProviderId = id
      return null
    } catch (error) {
      return describe(error)
    }
  }

  /** Sends a message; returns false (keeping the draft) when it could not be sent. */
  async send(text: string): Promise<boolean> {
    const provider = this.selectedProvider
    if (!provider?.defaultModel) {
      this.notice = 'Connect a provider and choose a model first.'
      return false
    }
    try {
      const sent = await api.send({
        conversationId: this.current?.conversation.id ?? null,
        providerId: provider.id,
        model: provider.defaultModel,
        text
      })
      this.activeStreamId = sent.streamId
      this.notice = null
      await Promise.all([this.open(sent.conversationId), this.refreshConversations()])
      return true
    } catch (error) {
      this.notice = describe(error)
      return false
    }
  }

  async stop(): Promise<void> {
    if (this.activeStreamId) await api.cancel(this.activeStreamId).catch(() => undefined)
  }

  #message(messageId: string): Message | undefined {
    return this.current?.messages.find((message) => message.id === messageId)
  }

  #onStream(event: ChatStreamEvent): void {
    const message = this.#message(event.messageId)
    if (event.type === 'delta') {
      const known = this.#live.get(event.messageId) ?? { text: message?.content ?? '', reasoning: message?.reasoning ?? '' }
      const next = applyDelta(known, event)
      if (!next) {
        // We joined this stream late and miss its start: the stored snapshot will catch up.
        if (this.current) void this.open(this.current.conversation.id)
        return
      }
      this.#live.set(event.messageId, next)
      if (message) {
        message.content = next.text
        message.reasoning = next.reasoning
      }
      return
    }
    this.#live.delete(event.messageId)
    if (event.streamId === this.activeStreamId) this.activeStreamId = null
    if (message && this.current) void this.open(this.current.conversation.id)
  }
}

export const chatState = new ChatState()
