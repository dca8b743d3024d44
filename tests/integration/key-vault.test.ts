import { spawn } from 'node:child_process'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  createKeyVault,
  KEYCHAIN_UNAVAILABLE_MESSAGE,
  type KeychainBackend,
  type KeyVault
} from '../../src/main/secrets/key-vault'
import { AppError } from '../../src/shared/errors'
import { clearKeychainService, randomTestKey, uniqueKeychainService } from '../support/factories/keychain'

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected the promise to reject')
}

async function expectKeychainUnavailable(promise: Promise<unknown>): Promise<AppError> {
  const error = await rejectionOf(promise)
  expect(error).toBeInstanceOf(AppError)
  expect((error as AppError).code).toBe('keychain_unavailable')
  expect((error as AppError).message).toBe(KEYCHAIN_UNAVAILABLE_MESSAGE)
  return error as AppError
}

describe('key vault on the real OS keychain', () => {
  const service = uniqueKeychainService('vault')
  const otherService = uniqueKeychainService('vault-other')
  let vault: KeyVault
  let other: KeyVault

  beforeAll(async () => {
    vault = createKeyVault({ service })
    other = createKeyVault({ service: otherService })
    // A real keychain must be reachable here; otherwise every test below would be meaningless.
    expect(await vault.status()).toEqual({ status: 'ok', message: null })
  })

  afterEach(async () => {
    await clearKeychainService(vault)
    await clearKeychainService(other)
  })

  afterAll(async () => {
    expect(await vault.list()).toEqual([])
    expect(await other.list()).toEqual([])
  })

  it('stores a key and lists only a hint of it', async () => {
    const middle = randomTestKey('')
    const key = `sk-proj-${middle}9f2c`

    const status = await vault.set('openai', key)
    expect(status).toEqual({ providerId: 'openai', hasKey: true, hint: 'sk-…9f2c' })

    const listed = await vault.list()
    expect(listed).toEqual([{ providerId: 'openai', hasKey: true, hint: 'sk-…9f2c' }])
    const serialized = JSON.stringify(listed)
    expect(serialized).not.toContain(key)
    expect(serialized).not.toContain(middle)
  })

  it('gives main the raw key back', async () => {
    const key = randomTestKey()
    await vault.set('groq', key)
    expect(await vault.get('groq')).toBe(key)
    expect(await vault.get('nobody')).toBeNull()
  })

  it('replaces a key that is set again', async () => {
    await vault.set('mistral', randomTestKey())
    const second = randomTestKey()
    await vault.set('mistral', second)
    expect(await vault.get('mistral')).toBe(second)
    expect((await vault.list()).filter((entry) => entry.providerId === 'mistral')).toHaveLength(1)
  })

  it('deletes a key for good', async () => {
    await vault.set('openai', randomTestKey())
    await vault.set('groq', randomTestKey())

    expect(await vault.delete('openai')).toEqual({ providerId: 'openai', hasKey: false, hint: null })
    expect((await vault.list()).map((entry) => entry.providerId)).toEqual(['groq'])
    expect(await vault.get('openai')).toBeNull()
    // Deleting what is not there is not an error.
    expect(await vault.delete('openai')).toEqual({ providerId: 'openai', hasKey: false, hint: null })
  })

  it('keeps services apart', async () => {
    const key = randomTestKey()
    await vault.set('openai', key)
    expect(await other.list()).toEqual([])
    expect(await other.get('openai')).toBeNull()
  })
})

describe('key vault when the keychain cannot be reached', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('reports a backend that fails to load as keychain_unavailable', async () => {
    const vault = createKeyVault({
      service: uniqueKeychainService('no-backend'),
      loadBackend: async () => {
        throw new Error('libsecret missing')
      }
    })
    const error = await expectKeychainUnavailable(vault.list())
    expect((error.cause as Error).message).toBe('libsecret missing')
    await expectKeychainUnavailable(vault.get('openai'))
    await expectKeychainUnavailable(vault.set('openai', 'sk-never-stored-anywhere'))
    expect(await vault.status()).toEqual({ status: 'unavailable', message: KEYCHAIN_UNAVAILABLE_MESSAGE })
  })

  it('tries to load the backend again after a failure (the user may unlock the keyring meanwhile)', async () => {
    const stored = new Map<string, string>()
    const working: KeychainBackend = {
      getPassword: async (_s, account) => stored.get(account) ?? null,
      setPassword: async (_s, account, password) => void stored.set(account, password),
      deletePassword: async (_s, account) => stored.delete(account),
      findCredentials: async () => [...stored].map(([account, password]) => ({ account, password }))
    }
    const loadBackend = vi
      .fn<() => Promise<KeychainBackend>>()
      .mockRejectedValueOnce(new Error('keyring locked'))
      .mockResolvedValue(working)
    const vault = createKeyVault({ service: uniqueKeychainService('retry'), loadBackend })

    expect((await vault.status()).status).toBe('unavailable')
    expect(await vault.status()).toEqual({ status: 'ok', message: null })
    expect(loadBackend).toHaveBeenCalledTimes(2)
  })

  it('rejects a keychain call that never answers at the timeout, not before', async () => {
    vi.useFakeTimers()
    const never = <T>(): Promise<T> => new Promise<T>(() => {})
    const hung: KeychainBackend = {
      getPassword: never,
      setPassword: never,
      deletePassword: never,
      findCredentials: never
    }
    const vault = createKeyVault({ service: uniqueKeychainService('hung'), loadBackend: async () => hung, timeoutMs: 2000 })

    let outcome: 'pending' | 'resolved' | unknown = 'pending'
    const listing = vault.list().then(
      () => (outcome = 'resolved'),
      (error: unknown) => (outcome = error)
    )

    await vi.advanceTimersByTimeAsync(1999)
    expect(outcome).toBe('pending')
    await vi.advanceTimersByTimeAsync(1)
    await listing
    expect(outcome).toBeInstanceOf(AppError)
    expect((outcome as AppError).code).toBe('keychain_unavailable')
  })

  it('rejects at the timeout when loading the backend itself hangs', async () => {
    vi.useFakeTimers()
    const vault = createKeyVault({
      service: uniqueKeychainService('hung-load'),
      loadBackend: () => new Promise<KeychainBackend>(() => {}),
      timeoutMs: 2000
    })
    let settled = false
    const status = vault.status().finally(() => (settled = true))
    await vi.advanceTimersByTimeAsync(1999)
    expect(settled).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(await status).toEqual({ status: 'unavailable', message: KEYCHAIN_UNAVAILABLE_MESSAGE })
  })
})

describe('the real keychain library with no D-Bus session', () => {
  it('fails with an error instead of hanging', async () => {
    // Plain JS in a child: the bus address is read once per process, so it cannot be changed in this one.
    const script = `
      const keytar = require('keytar')
      const guard = setTimeout(() => { console.log('HUNG'); process.exit(3) }, 8000)
      keytar.findCredentials('chofesh-unreachable-probe').then(
        (found) => { clearTimeout(guard); console.log('OK ' + JSON.stringify(found)) },
        (error) => { clearTimeout(guard); console.log('ERR ' + error.message) }
      )
    `
    const child = spawn(process.execPath, ['-e', script], {
      cwd: process.cwd(),
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' },
      // A safety net against a hang, not a speed assertion.
      timeout: 10_000
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()))
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()))
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on('close', (exitCode, exitSignal) => resolve([exitCode, exitSignal]))
    )

    expect({ code, signal, stderr }).toEqual({ code: 0, signal: null, stderr: expect.any(String) })
    expect(stdout.trim()).toMatch(/^ERR .+/)
  })
})
