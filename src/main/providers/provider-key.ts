import type { ProviderConfig } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import { PROVIDER_PRESETS } from '../../shared/provider-presets'
import type { KeyVault } from '../secrets/key-vault'

/** A provider that needs no key: a local server, or a custom endpoint (it may or may not want one). */
export function isKeyOptional(provider: ProviderConfig): boolean {
  return !PROVIDER_PRESETS[provider.preset].keyRequired
}

/**
 * The key to call `provider` with, or null when it has none and needs none.
 * Providers that need no key keep working while the keychain is unavailable;
 * one that needs a key and has none is never contacted.
 */
export async function readProviderKey(vault: Pick<KeyVault, 'get'>, provider: ProviderConfig): Promise<string | null> {
  const optional = isKeyOptional(provider)
  let key: string | null
  try {
    key = await vault.get(provider.id)
  } catch (error) {
    if (optional) return null
    throw error
  }
  if (key === null && !optional) {
    throw new AppError('missing_key', `${provider.name} needs an API key. Add one in Settings.`)
  }
  return key
}
