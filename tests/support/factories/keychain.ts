import { randomBytes } from 'node:crypto'
import type { KeyVault } from '../../../src/main/secrets/key-vault'

/** A keychain service name no other test file (or user) shares. */
export function uniqueKeychainService(label: string): string {
  return `chofesh-test-${label}-${process.pid}-${randomBytes(4).toString('hex')}`
}

/** Deletes every credential the vault's service holds, so tests leave the keychain as they found it. */
export async function clearKeychainService(vault: Pick<KeyVault, 'list' | 'delete'>): Promise<void> {
  for (const { providerId } of await vault.list()) await vault.delete(providerId)
}

/** A key-shaped random string, e.g. `sk-test-…`, distinctive enough to search for in bytes. */
export function randomTestKey(prefix = 'sk-test-'): string {
  return prefix + randomBytes(18).toString('base64url')
}
