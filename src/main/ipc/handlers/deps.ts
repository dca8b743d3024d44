import type { DatabaseProblem, ShortcutStatus } from '../../../shared/domain'
import { AppError } from '../../../shared/errors'
import type { LocalPresetId } from '../../providers/local-detect'
import type { ChatService } from '../../chat/chat-service'
import type { ModelCatalog } from '../../providers/model-catalog'
import type { KeyVault } from '../../secrets/key-vault'
import type { Store } from '../../store'
import type { EventBus } from '../event-bus'

export interface LocalServer {
  presetId: LocalPresetId
  baseUrl: string
}

/** What the handlers may ask of the app's windows; Electron-free so tests can pass a fake. */
export interface WindowControls {
  hideQuickAsk(): void
  showMain(): void
}

/** The global quick-ask shortcut, registered by the Electron side. */
export interface ShortcutControl {
  status(): ShortcutStatus
  /** Registers `accelerator` in place of the current one; the old one stays if this fails. */
  apply(accelerator: string): ShortcutStatus
}

export interface HandlerDeps {
  version: string
  /** Null when the database could not be opened; `databaseProblem` says why. */
  store: Store | null
  databaseProblem: DatabaseProblem | null
  chat: ChatService | null
  catalog: ModelCatalog | null
  vault: KeyVault
  detectLocalServers: () => Promise<LocalServer[]>
  openExternal: (url: string) => Promise<boolean>
  windows: WindowControls
  shortcut: ShortcutControl | null
  /** Electron's clipboard in the app; a fake in tests. */
  writeClipboard: (text: string) => void
  fetchImage: (url: string) => Promise<string>
  bus: Pick<EventBus, 'emit'>
  now?: () => number
}

/** Services that need the database, or the typed error saying it is unavailable. */
export function requireService<T>(service: T | null, deps: HandlerDeps): T {
  if (service !== null) return service
  throw new AppError('db_unavailable', deps.databaseProblem?.message ?? 'The chat database is not available.')
}
