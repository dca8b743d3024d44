import { AppError } from '../../../shared/errors'
import { PROVIDER_PRESETS } from '../../../shared/provider-presets'
import { checkParams } from '../../providers/params'
import type { Handlers } from '../router'
import { requireService, type HandlerDeps } from './deps'

type ChatHandlers = Pick<
  Handlers,
  'conversations:list' | 'conversations:get' | 'conversations:update-settings' | 'chat:send' | 'chat:cancel'
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
    'chat:send': (input) => chat().send(input),
    'chat:cancel': ({ streamId }) => ({ cancelled: chat().cancel(streamId) })
  }
}
