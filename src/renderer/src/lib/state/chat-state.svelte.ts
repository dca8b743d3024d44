import type {
  AppStatus,
  ChatParams,
  ConversationDetail,
  ConversationSource,
  ConversationSummary,
  Message
} from '../../../../shared/domain'
import type { ChatStreamEvent } from '../../../../shared/ipc/contract'
import { api, describeError } from '../api'
import { applyDelta, type LiveAnswer } from './live-answers'
import { parentKey, visiblePath, type PathEntry } from './message-tree'
import { providersState } from './providers-state.svelte'
import { settingsState } from './settings-state.svelte'

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
  /** Which window this is: new conversations are marked with it. */
  source: ConversationSource = 'chat'
  /** The message being edited in place, if any. */
  editingId = $state<string | null>(null)
  /** At each fork of the open chat, the child the user chose (by parent key). */
  chosen = $state<Record<string, string>>({})
  /** The chat as the user sees it: one branch of the message tree. */
  path: PathEntry[] = $derived(this.current ? visiblePath(this.current.messages, this.chosen) : [])
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
        api.onConversationsChanged(({ conversationId }) => {
          void this.refreshConversations()
          if (this.current?.conversation.id === conversationId) void this.open(conversationId)
        })
        await settingsState.load()
        await Promise.all([providersState.load(settingsState.settings.defaultModel), this.refreshConversations()])
        void providersState.detectLocal()
      }
    } catch (error) {
      this.notice = describeError(error)
    } finally {
      this.loaded = true
    }
  }

  /** A conversation waiting to be deleted: hidden now, deleted when the undo window closes. */
  pendingDeletion = $state<{ conversation: ConversationSummary; timer: ReturnType<typeof setTimeout> } | null>(null)

  async rename(conversationId: string, title: string): Promise<void> {
    try {
      const renamed = await api.renameConversation(conversationId, title)
      if (this.current?.conversation.id === conversationId) this.current.conversation = renamed
      await this.refreshConversations()
    } catch (error) {
      this.notice = describeError(error)
    }
  }

  /** Deletes after `undoMs`, unless the user undoes it; nothing is removed before then. */
  deleteWithUndo(conversation: ConversationSummary, undoMs = 6000): void {
    this.#commitPendingDeletion()
    if (this.current?.conversation.id === conversation.id) this.startNewChat()
    this.pendingDeletion = { conversation, timer: setTimeout(() => this.#commitPendingDeletion(), undoMs) }
  }

  undoDelete(): void {
    if (!this.pendingDeletion) return
    clearTimeout(this.pendingDeletion.timer)
    this.pendingDeletion = null
  }

  get visibleConversations(): ConversationSummary[] {
    const hidden = this.pendingDeletion?.conversation.id
    return this.conversations.filter((conversation) => conversation.id !== hidden)
  }

  #commitPendingDeletion(): void {
    const pending = this.pendingDeletion
    if (!pending) return
    clearTimeout(pending.timer)
    this.pendingDeletion = null
    void api
      .deleteConversation(pending.conversation.id)
      .then(() => this.refreshConversations())
      .catch((error: unknown) => (this.notice = describeError(error)))
  }

  async refreshConversations(): Promise<void> {
    this.conversations = await api.listConversations()
  }

  /** The conversation the user is on; a load that finishes after they moved on is dropped. */
  #shown: string | null = null

  /** (Re)loads a conversation into view, if the user is still on it when it arrives. */
  async open(conversationId: string): Promise<void> {
    try {
      const detail = await api.getConversation(conversationId)
      if (this.#shown !== conversationId) return
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

  /** Opens a conversation from the list, showing its newest branch. */
  async switchTo(conversationId: string): Promise<void> {
    this.chosen = {}
    this.#shown = conversationId
    await this.open(conversationId)
  }

  startNewChat(): void {
    this.current = null
    this.#shown = null
    this.chosen = {}
    const preferred = settingsState.settings.defaultModel
    if (preferred && providersState.offers(preferred)) providersState.select(preferred)
  }

  /** Opens the conversation `step` places down (1) or up (-1) the list. */
  async switchBy(step: number): Promise<void> {
    const list = this.visibleConversations
    if (list.length === 0) return
    const at = list.findIndex((conversation) => conversation.id === this.current?.conversation.id)
    const next = list[at === -1 ? 0 : Math.min(list.length - 1, Math.max(0, at + step))]
    if (next && next.id !== this.current?.conversation.id) await this.switchTo(next.id)
  }

  /** Starts editing the user's last message on the visible branch. */
  editLast(): boolean {
    const last = [...this.path].reverse().find((entry) => entry.message.role === 'user')
    if (!last || this.isStreaming) return false
    this.editingId = last.message.id
    return true
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

  /** Sends a message after the last one shown; returns false (keeping the draft) when it could not be sent. */
  send(text: string): Promise<boolean> {
    return this.#ask(text, this.path.at(-1)?.message.id ?? null)
  }

  /** Edit & resend: the new text becomes a sibling of the edited message, a new branch. */
  editAndResend(message: Message, text: string): Promise<boolean> {
    return this.#ask(text, message.parentId)
  }

  async #ask(text: string, parentId: string | null): Promise<boolean> {
    const choice = this.#choice()
    if (!choice) return false
    try {
      const sent = await api.send({
        conversationId: this.current?.conversation.id ?? null,
        parentId: this.current ? parentId : null,
        ...choice,
        text,
        ...(this.current ? {} : { settings: { systemPrompt: this.draftSystemPrompt, params: this.draftParams }, source: this.source })
      })
      await this.#started(sent, parentId, sent.userMessageId)
      return true
    } catch (error) {
      this.notice = describeError(error)
      return false
    }
  }

  /** A new answer to the same question, shown in place of the old one (which stays one click away). */
  async regenerate(message: Message): Promise<void> {
    const choice = this.#choice()
    if (!choice || !message.parentId) return
    try {
      const sent = await api.regenerate({ messageId: message.id, ...choice })
      await this.#started(sent, message.parentId, sent.assistantMessageId)
    } catch (error) {
      this.notice = describeError(error)
    }
  }

  /** Shows another version of a message (‹ 2/3 ›). */
  showSibling(entry: PathEntry, step: number): void {
    const target = entry.siblings[entry.index + step]
    if (target) this.chosen[parentKey(entry.message.parentId)] = target
  }

  async deleteMessage(message: Message): Promise<void> {
    if (!this.current) return
    try {
      await api.deleteMessage(message.id)
      await this.open(this.current.conversation.id)
    } catch (error) {
      this.notice = describeError(error)
    }
  }

  #choice(): { providerId: string; model: string } | null {
    const choice = providersState.selected
    if (!choice) this.notice = 'Connect a provider and pick a model first.'
    return choice
  }

  async #started(sent: { conversationId: string; streamId: string }, parentId: string | null, shownId: string): Promise<void> {
    this.activeStreamId = sent.streamId
    this.notice = null
    this.chosen[parentKey(parentId)] = shownId
    this.#shown = sent.conversationId
    await Promise.all([this.open(sent.conversationId), this.refreshConversations()])
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
