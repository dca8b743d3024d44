import type { AppStatus } from '../../../shared/domain'
import { AppError } from '../../../shared/errors'
import type { Handlers } from '../router'
import { createChatHandlers } from './chat-handlers'
import { requireService, type HandlerDeps } from './deps'
import { createProviderHandlers } from './provider-handlers'

export type { HandlerDeps, LocalServer, ShortcutControl, WindowControls } from './deps'

/** The implementation of every request channel, over the app's services. */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    'app:status': async (): Promise<AppStatus> => ({
      version: deps.version,
      quickAskShortcut: deps.shortcut?.status() ?? null,
      keychain: await deps.vault.status(),
      database: deps.store
        ? { ok: true, path: deps.store.path }
        : { ok: false, ...(deps.databaseProblem ?? { code: 'db_corrupt', message: 'The chat database is not available.', path: '' }) }
    }),
    ...createProviderHandlers(deps),
    ...createChatHandlers(deps),
    'settings:get': () => requireService(deps.store, deps).settings.read(),
    'settings:update': (changes) => {
      // The setting is kept even if the shortcut cannot be registered: app:status says why.
      if (changes.quickAskShortcut !== undefined) deps.shortcut?.apply(changes.quickAskShortcut)
      return requireService(deps.store, deps).settings.update(changes)
    },
    'quick-ask:hide': () => {
      deps.windows.hideQuickAsk()
      return null
    },
    'quick-ask:open-in-main': ({ conversationId }) => {
      if (!requireService(deps.store, deps).conversations.get(conversationId)) {
        throw new AppError('not_found', 'This conversation no longer exists.')
      }
      deps.windows.showMain()
      deps.bus.emit('conversations:open', { conversationId })
      return null
    },
    'images:fetch': async ({ url }) => ({ dataUrl: await deps.fetchImage(url) }),
    'clipboard:write': ({ text }) => {
      deps.writeClipboard(text)
      return null
    },
    'links:open': async ({ url }) => ({ opened: await deps.openExternal(url) })
  }
}
