import type { AppStatus, DatabaseProblem, ProviderView } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import type { ChatService } from '../chat/chat-service'
import type { KeyVault } from '../secrets/key-vault'
import type { Store } from '../store'
import type { Handlers } from './router'

export interface HandlerDeps {
  version: string
  /** Null when the database could not be opened; `databaseProblem` says why. */
  store: Store | null
  databaseProblem: DatabaseProblem | null
  chat: ChatService | null
  vault: KeyVault
  openExternal: (url: string) => Promise<boolean>
  now?: () => number
}

/** The implementation of every request channel, over the app's services. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { vault, now = Date.now } = deps

  const store = (): Store => {
    if (deps.store) return deps.store
    throw new AppError('db_unavailable', deps.databaseProblem?.message ?? 'The chat database is not available.')
  }
  const chat = (): ChatService => {
    if (deps.chat) return deps.chat
    throw new AppError('db_unavailable', deps.databaseProblem?.message ?? 'The chat database is not available.')
  }

  async function providerViews(): Promise<ProviderView[]> {
    const configs = store().providers.list()
    // The list still shows providers when the keychain is down; they just show no key.
    const keys = await vault.list().catch(() => [])
    return configs.map((config) => {
      const key = keys.find((entry) => entry.providerId === config.id)
      return { ...config, hasKey: key?.hasKey ?? false, hint: key?.hint ?? null }
    })
  }

  return {
    'app:status': async (): Promise<AppStatus> => ({
      version: deps.version,
      keychain: await vault.status(),
      database: deps.store
        ? { ok: true, path: deps.store.path }
        : { ok: false, ...(deps.databaseProblem ?? { code: 'db_corrupt', message: 'The chat database is not available.', path: '' }) }
    }),
    'keys:list': () => vault.list(),
    'keys:set': ({ providerId, key }) => vault.set(providerId, key),
    'keys:delete': ({ providerId }) => vault.delete(providerId),
    'providers:list': () => providerViews(),
    'providers:save': async (input) => {
      store().providers.save(input, now())
      const view = (await providerViews()).find((provider) => provider.id === input.id)
      if (!view) throw new AppError('internal', 'The provider was not saved.')
      return view
    },
    'providers:remove': async ({ providerId }) => {
      // The key goes first: a provider must never disappear while its key stays behind in the keychain.
      await vault.delete(providerId)
      store().providers.remove(providerId)
      return null
    },
    'conversations:list': () => store().conversations.list(),
    'conversations:get': ({ conversationId }) => {
      const conversation = store().conversations.get(conversationId)
      if (!conversation) throw new AppError('not_found', 'This conversation no longer exists.')
      return { conversation, messages: store().messages.listByConversation(conversationId) }
    },
    'chat:send': (input) => chat().send(input),
    'chat:cancel': ({ streamId }) => ({ cancelled: chat().cancel(streamId) }),
    'links:open': async ({ url }) => ({ opened: await deps.openExternal(url) })
  }
}
