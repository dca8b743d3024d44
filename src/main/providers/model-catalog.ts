import type { ModelView, ProviderConfig } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import type { KeyVault } from '../secrets/key-vault'
import type { Store } from '../store'
import { isLocalProvider } from './local-endpoint'
import { readProviderKey } from './provider-key'
import type { ModelInfo, ProviderAdapter } from './types'

export type AdapterFactory = (provider: ProviderConfig, apiKey: string | null) => ProviderAdapter

export interface ModelCatalogDeps {
  store: Pick<Store, 'providers' | 'models'>
  vault: Pick<KeyVault, 'get'>
  adapterFor: AdapterFactory
  now?: () => number
}

function isFree(provider: ProviderConfig, model: ModelInfo): boolean {
  // OpenRouter marks its free variants with a `:free` suffix.
  return isLocalProvider(provider) || model.id.endsWith(':free')
}

/** The models each provider offers this user: fetched live, cached in SQLite. */
export function createModelCatalog({ store, vault, adapterFor, now = Date.now }: ModelCatalogDeps) {
  function provider(providerId: string): ProviderConfig {
    const config = store.providers.get(providerId)
    if (!config) throw new AppError('not_found', 'This provider is not configured.')
    return config
  }

  async function fetchLive(config: ProviderConfig): Promise<ModelView[]> {
    const adapter = adapterFor(config, await readProviderKey(vault, config))
    const models = await adapter.listModels()
    return models
      .map((model) => ({ providerId: config.id, ...model, free: isFree(config, model) }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName))
  }

  return {
    /** The cached list, or a fresh one when asked or when nothing is cached yet. */
    async list(providerId: string, refresh: boolean): Promise<{ models: ModelView[]; fetchedAt: number | null }> {
      const config = provider(providerId)
      const cached = store.models.list(providerId)
      if (!refresh && cached.fetchedAt !== null) return cached
      const models = await fetchLive(config)
      const fetchedAt = now()
      store.models.replace(providerId, models, fetchedAt)
      return { models, fetchedAt }
    },
    /** "Test": the cheapest authenticated call; throws the mapped error when the key does not work. */
    async test(providerId: string): Promise<{ modelCount: number }> {
      const config = provider(providerId)
      const models = await fetchLive(config)
      store.models.replace(providerId, models, now())
      return { modelCount: models.length }
    }
  }
}

export type ModelCatalog = ReturnType<typeof createModelCatalog>
