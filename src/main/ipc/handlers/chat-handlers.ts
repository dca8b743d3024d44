import { AppError } from '../../../shared/errors'
import { PROVIDER_PRESETS } from '../../../shared/provider-presets'
import { checkParams } from '../../providers/params'
import type { Handlers } from '../router'
import { requireService, type HandlerDeps } from './deps'

type ChatHandlers = Pick<
  Handlers,
  | 'conversations:list'
  | 'conversations:get'
  | 'conversations:update-settings'
  | 'conversations:rename'
  | 'conversations:delete'
  | 'messages:delete'
  | 'chat:send'
  | 'chat:regenerate'
  | 'chat:cancel'
>

export function createChatHandlers(deps: HandlerDeps): ChatHandlers {
  const { now = Date.now } = deps
  const store = () => requireService(deps.store, deps)
  const chat = () => requireService(deps.chat, deps)

  function conversation(conversationId: string) {
    const found = store().conversations.get(conversationId)
    if (!found) throw new AppError('not_found', 'This conversation no longer exists.')
    return found
  }

  return {
    'conversations:list': () => store().conversations.list(),
    'conversations:get': ({ conversationId }) => ({
      conversation: conversation(conversationId),
      messages: store().messages.listByConversation(conversationId)
    }),
    'conversations:update-settings': ({ conversationId, settings }) => {
      const current = conversation(conversationId)
      const provider = current.providerId ? store().providers.get(current.providerId) : null
      if (provider) checkParams(PROVIDER_PRESETS[provider.preset].protocol, settings.params)
      store().conversations.updateSettings(conversationId, settings, now())
      return conversation(conversationId)
    },
    'conversations:rename': ({ conversationId, title }) => {
      conversation(conversationId)
      store().conversations.rename(conversationId, title, now())
      return conversation(conversationId)
    },
    'conversations:delete': async ({ conversationId }) => {
      await chat().stopConversation(conversationId)
      store().conversations.remove(conversationId)
      return null
    },
    'messages:delete': async ({ messageId }) => {
      const message = store().messages.get(messageId)
      if (!message) throw new AppError('not_found', 'This message no longer exists.')
      await chat().stopConversation(message.conversationId)
      store().messages.remove(messageId)
      return null
    },
    'chat:send': (input) => chat().send(input),
    'chat:regenerate': (input) => chat().regenerate(input),
    'chat:cancel': ({ streamId }) => ({ cancelled: chat().cancel(streamId) })
  }
}
