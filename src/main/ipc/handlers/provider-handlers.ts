import type { ProviderConfig, ProviderView } from '../../../shared/domain'
import { AppError, isAppError } from '../../../shared/errors'
import { PROVIDER_PRESETS } from '../../../shared/provider-presets'
import { isLocalProvider } from '../../providers/local-endpoint'
import { isKeyOptional } from '../../providers/provider-key'
import type { Handlers } from '../router'
import { requireService, type HandlerDeps } from './deps'

type ProviderHandlers = Pick<
  Handlers,
  | 'keys:list'
  | 'keys:set'
  | 'keys:delete'
  | 'providers:list'
  | 'providers:save'
  | 'providers:remove'
  | 'providers:test'
  | 'providers:detect-local'
  | 'models:list'
>

export function createProviderHandlers(deps: HandlerDeps): ProviderHandlers {
  const { vault, now = Date.now } = deps
  const store = () => requireService(deps.store, deps)

  async function views(): Promise<ProviderView[]> {
    // Providers stay listed when the keychain is down; they just show no key.
    const keys = await vault.list().catch(() => [])
    return store()
      .providers.list()
      .map((config) => {
        const key = keys.find((entry) => entry.providerId === config.id)
        return {
          ...config,
          hasKey: key?.hasKey ?? false,
          hint: key?.hint ?? null,
          local: isLocalProvider(config),
          keyOptional: isKeyOptional(config)
        }
      })
  }

  async function view(id: string): Promise<ProviderView> {
    const found = (await views()).find((provider) => provider.id === id)
    if (!found) throw new AppError('not_found', 'This provider is not configured.')
    return found
  }

  return {
    'keys:list': () => vault.list(),
    'keys:set': ({ providerId, key }) => vault.set(providerId, key),
    'keys:delete': ({ providerId }) => vault.delete(providerId),
    'providers:list': () => views(),
    'providers:save': async (input) => {
      if (input.preset === 'azure' && input.azure === null) {
        throw new AppError('validation', 'Azure OpenAI needs a deployment name and an API version.')
      }
      store().providers.save({ ...input, azure: input.preset === 'azure' ? input.azure : null }, now())
      return view(input.id)
    },
    'providers:remove': async ({ providerId }) => {
      const config = store().providers.get(providerId)
      // The key goes first: a provider must never disappear while its key stays behind in the
      // keychain. A keyless local server can go even while the keychain is unreachable.
      await vault.delete(providerId).catch((error: unknown) => {
        if (!(config && isKeyOptional(config) && isAppError(error) && error.code === 'keychain_unavailable')) throw error
      })
      store().providers.remove(providerId)
      return null
    },
    'providers:test': ({ providerId }) => requireService(deps.catalog, deps).test(providerId),
    'providers:detect-local': async () => {
      const known = new Set(store().providers.list().map((provider) => provider.baseUrl))
      const added: ProviderConfig[] = []
      for (const server of await deps.detectLocalServers()) {
        if (known.has(server.baseUrl) || store().providers.get(server.presetId)) continue
        const preset = PROVIDER_PRESETS[server.presetId]
        const config: ProviderConfig = {
          id: preset.id,
          preset: preset.id,
          name: preset.name,
          baseUrl: server.baseUrl,
          defaultModel: null,
          enabled: true,
          azure: null
        }
        store().providers.save(config, now())
        added.push(config)
      }
      const all = await views()
      return all.filter((provider) => added.some((config) => config.id === provider.id))
    },
    'models:list': ({ providerId, refresh }) => requireService(deps.catalog, deps).list(providerId, refresh)
  }
}
