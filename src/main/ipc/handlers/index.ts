import type { AppStatus } from '../../../shared/domain'
import type { Handlers } from '../router'
import { createChatHandlers } from './chat-handlers'
import { requireService, type HandlerDeps } from './deps'
import { createProviderHandlers } from './provider-handlers'

export type { HandlerDeps, LocalServer } from './deps'

/** The implementation of every request channel, over the app's services. */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    'app:status': async (): Promise<AppStatus> => ({
      version: deps.version,
      keychain: await deps.vault.status(),
      database: deps.store
        ? { ok: true, path: deps.store.path }
        : { ok: false, ...(deps.databaseProblem ?? { code: 'db_corrupt', message: 'The chat database is not available.', path: '' }) }
    }),
    ...createProviderHandlers(deps),
    ...createChatHandlers(deps),
    'settings:get': () => requireService(deps.store, deps).settings.read(),
    'settings:update': (changes) => requireService(deps.store, deps).settings.update(changes),
    'links:open': async ({ url }) => ({ opened: await deps.openExternal(url) })
  }
}
