import { join } from 'node:path'
import type { DatabaseProblem } from '../shared/domain'
import { isAppError } from '../shared/errors'
import { createChatService, type ChatService } from './chat/chat-service'
import { createEventBus, type EventBus } from './ipc/event-bus'
import { createHandlers, type LocalServer, type ShortcutControl, type WindowControls } from './ipc/handlers'
import { createRouter, type Router, type SenderPolicy } from './ipc/router'
import { detectLocalServers } from './providers/local-detect'
import { fetchImageAsDataUrl } from './media/fetch-image'
import { createModelCatalog } from './providers/model-catalog'
import { createAdapterFactory, DEFAULT_TIMEOUTS, type AdapterTimeouts } from './providers/registry'
import { createKeyVault, type KeychainBackend } from './secrets/key-vault'
import { openStore, type Store } from './store'

export interface AppCoreOptions {
  version: string
  /** Folder for chofesh.sqlite (Electron's userData folder in the app). */
  dataDir: string
  /** Keychain service name under which keys are stored. */
  keychainService: string
  isTrustedSender: SenderPolicy
  openExternal: (url: string) => Promise<boolean>
  loadKeychain?: () => Promise<KeychainBackend>
  /** Where to look for local model servers; defaults to Ollama's and LM Studio's ports. */
  detectLocalServers?: () => Promise<LocalServer[]>
  timeouts?: AdapterTimeouts
  /** The app's windows; without Electron (tests) nothing to show or hide. */
  windows?: WindowControls
  /** The global quick-ask shortcut; none without Electron. */
  shortcut?: ShortcutControl
  /** Electron's clipboard; without Electron, text copied is kept in memory (tests read it back). */
  writeClipboard?: (text: string) => void
  fetchImage?: (url: string) => Promise<string>
  log?: (message: string, error?: unknown) => void
}

export interface AppCore {
  router: Router
  bus: EventBus
  store: Store | null
  chat: ChatService | null
  /** Stops running answers (keeping their text) and closes the database. */
  dispose(): Promise<void>
}

function openStoreOrProblem(path: string): { store: Store | null; problem: DatabaseProblem | null } {
  try {
    return { store: openStore(path), problem: null }
  } catch (error) {
    if (isAppError(error) && (error.code === 'db_corrupt' || error.code === 'db_unwritable')) {
      return { store: null, problem: { code: error.code, message: error.message, path } }
    }
    throw error
  }
}

/**
 * Wires the services behind the IPC router. Free of Electron, so the same
 * core runs in the app and behind the browser tests' bridge.
 */
export function createAppCore(options: AppCoreOptions): AppCore {
  const log = options.log ?? ((message, error) => console.error(`[chofesh] ${message}`, error ?? ''))
  const bus = createEventBus()
  const { store, problem } = openStoreOrProblem(join(options.dataDir, 'chofesh.sqlite'))
  // Answers that were streaming when the app last stopped keep their text, marked interrupted.
  store?.messages.interruptStale(Date.now())

  const vault = createKeyVault({
    service: options.keychainService,
    ...(options.loadKeychain ? { loadBackend: options.loadKeychain } : {})
  })
  const adapterFor = createAdapterFactory(options.timeouts ?? DEFAULT_TIMEOUTS)
  const chat = store ? createChatService({ store, vault, bus, adapterFor }) : null
  const catalog = store ? createModelCatalog({ store, vault, adapterFor }) : null
  const router = createRouter({
    handlers: createHandlers({
      version: options.version,
      store,
      databaseProblem: problem,
      chat,
      catalog,
      vault,
      detectLocalServers: options.detectLocalServers ?? (() => detectLocalServers(globalThis.fetch)),
      openExternal: options.openExternal,
      windows: options.windows ?? { hideQuickAsk: () => undefined, showMain: () => undefined },
      shortcut: options.shortcut ?? null,
      writeClipboard: options.writeClipboard ?? (() => undefined),
      fetchImage: options.fetchImage ?? ((url) => fetchImageAsDataUrl(url)),
      bus
    }),
    isTrustedSender: options.isTrustedSender,
    onInternalError: (channel, error) => log(`unexpected error in ${channel}`, error)
  })

  return {
    router,
    bus,
    store,
    chat,
    async dispose() {
      await chat?.cancelAll()
      store?.close()
    }
  }
}
