import { createRequire } from 'node:module'
import { AppError } from '../../shared/errors'
import type { KeychainStatus, KeyStatus } from '../../shared/domain'
import { keyHint } from './key-hint'

/** The part of keytar the vault uses; injectable so tests can simulate a hung keychain. */
export interface KeychainBackend {
  getPassword(service: string, account: string): Promise<string | null>
  setPassword(service: string, account: string, password: string): Promise<void>
  deletePassword(service: string, account: string): Promise<boolean>
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>
}

export interface KeyVaultOptions {
  /** Keychain service name; tests use their own so they never touch a user's keys. */
  service: string
  /** Loads the backend; defaults to keytar. Load failures count as "keychain unavailable". */
  loadBackend?: () => Promise<KeychainBackend>
  /** A keychain call that takes longer is treated as unavailable (a locked keyring may never answer). */
  timeoutMs?: number
}

export const KEYCHAIN_UNAVAILABLE_MESSAGE =
  'Chofesh cannot reach your system keychain, so API keys cannot be saved or used right now. ' +
  'On Linux, install and unlock a Secret Service keyring (GNOME Keyring or KWallet). Free local models still work.'

export interface KeyVault {
  status(): Promise<{ status: KeychainStatus; message: string | null }>
  list(): Promise<KeyStatus[]>
  set(providerId: string, key: string): Promise<KeyStatus>
  delete(providerId: string): Promise<KeyStatus>
  /** The raw key, for the provider call in main. Never send it anywhere else. */
  get(providerId: string): Promise<string | null>
}

// Loaded on first use, not at start-up: a missing libsecret must give
// "keychain unavailable", not a crash of the whole app.
const loadKeytar = async (): Promise<KeychainBackend> => createRequire(__filename)('keytar') as KeychainBackend

/** Key storage in the OS keychain. Keys are never written anywhere else, not even as a fallback. */
export function createKeyVault({ service, loadBackend = loadKeytar, timeoutMs = 2000 }: KeyVaultOptions): KeyVault {
  let backend: Promise<KeychainBackend> | null = null

  async function call<T>(work: (keychain: KeychainBackend) => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`keychain did not answer within ${timeoutMs} ms`)), timeoutMs)
    })
    try {
      backend ??= loadBackend()
      const keychain = await Promise.race([backend, timeout])
      return await Promise.race([work(keychain), timeout])
    } catch (cause) {
      // A failed load is retried next time: the user may unlock or install a keyring meanwhile.
      backend = null
      throw new AppError('keychain_unavailable', KEYCHAIN_UNAVAILABLE_MESSAGE, { cause })
    } finally {
      clearTimeout(timer)
    }
  }

  const statusOf = (providerId: string, key: string | null): KeyStatus => ({
    providerId,
    hasKey: key !== null,
    hint: key === null ? null : keyHint(key)
  })

  return {
    async status() {
      try {
        await call((keychain) => keychain.findCredentials(service))
        return { status: 'ok', message: null }
      } catch (error) {
        return { status: 'unavailable', message: (error as AppError).message }
      }
    },
    async list() {
      const credentials = await call((keychain) => keychain.findCredentials(service))
      return credentials.map(({ account, password }) => statusOf(account, password))
    },
    async set(providerId, key) {
      await call((keychain) => keychain.setPassword(service, providerId, key))
      return statusOf(providerId, key)
    },
    async delete(providerId) {
      await call((keychain) => keychain.deletePassword(service, providerId))
      return statusOf(providerId, null)
    },
    async get(providerId) {
      return call((keychain) => keychain.getPassword(service, providerId))
    }
  }
}
