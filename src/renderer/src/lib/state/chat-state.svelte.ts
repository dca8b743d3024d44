import type { AppStatus, ChatParams, ConversationDetail, ConversationSummary, Message } from '../../../../shared/domain'
import type { ChatStreamEvent } from '../../../../shared/ipc/contract'
import { api, describeError } from '../api'
import { applyDelta, type LiveAnswer } from './live-answers'
import { providersState } from './providers-state.svelte'

/** What the main window shows: conversations, the open chat and its live answer. */
export class ChatState {
  status = $state<AppStatus | null>(null)
  conversations = $state<ConversationSummary[]>([])
  current = $state<ConversationDetail | null>(null)
  activeStreamId = $state<string | null>(null)
  /** A passing note about the running answer, e.g. "retrying in 3 s". */
  streamNote = $state<string | null>(null)
  notice = $state<string | null>(null)
  loaded = $state(false)
  /** Settings for the next new chat; an open chat has its own. */
  draftSystemPrompt = $state<string | null>(null)
  draftParams = $state<ChatParams>({})
  // Deliberately not reactive: views read it only through the reactive messages it updates.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #live = new Map<string, LiveAnswer>()

  get isStreaming(): boolean {
    return this.activeStreamId !== null
  }

  async load(): Promise<void> {
    try {
      this.status = await api.appStatus()
      if (this.status.database.ok) {
        api.onStream((event) => this.#onStream(event))
        await Promise.all([providersState.load(), this.refreshConversations()])
        void providersState.detectLocal()
      }
    } catch (error) {
      this.notice = describeError(error)
    } finally {
      this.loaded = true
    }
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
      const switched = this.current?.conversation.id !== conversationId
      this.current = detail
      const { providerId, model } = detail.conversation
      if (switched && providerId && model) providersState.select({ providerId, model })
    } catch (error) {
      this.notice = describeError(error)
    }
  }

  startNewChat(): void {
    this.current = null
  }

  /** Saves the system prompt and parameters of the open chat (or of the next new one). */
  async saveSettings(systemPrompt: string | null, params: ChatParams): Promise<string | null> {
    if (!this.current) {
      this.draftSystemPrompt = systemPrompt
      this.draftParams = params
      return null
    }
    try {
      const conversation = await api.updateConversationSettings({
        conversationId: this.current.conversation.id,
        settings: { systemPrompt, params }
      })
      this.current.conversation = conversation
      return null
    } catch (error) {
      return describeError(error)
    }
  }

  /** Sends a message; returns false (keeping the draft) when it could not be sent. */
  async send(text: string): Promise<boolean> {
    const choice = providersState.selected
    if (!choice) {
      this.notice = 'Connect a provider and pick a model first.'
      return false
    }
    try {
      const sent = await api.send({
        conversationId: this.current?.conversation.id ?? null,
        providerId: choice.providerId,
        model: choice.model,
        text,
        ...(this.current ? {} : { settings: { systemPrompt: this.draftSystemPrompt, params: this.draftParams } })
      })
      this.activeStreamId = sent.streamId
      this.notice = null
      await Promise.all([this.open(sent.conversationId), this.refreshConversations()])
      return true
    } catch (error) {
      this.notice = describeError(error)
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
    if (event.type === 'retry') {
      this.streamNote = `${event.error.message} Trying again in ${Math.ceil(event.delayMs / 1000)} s…`
      return
    }
    if (event.type === 'delta') {
      this.streamNote = null
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
    this.streamNote = null
    if (event.streamId === this.activeStreamId) this.activeStreamId = null
    if (message && this.current) void this.open(this.current.conversation.id)
  }
}

export const chatState = new ChatState()
