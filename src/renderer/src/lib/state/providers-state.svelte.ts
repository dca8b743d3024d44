import type { ModelView, ProviderView } from '../../../../shared/domain'
import type { PresetId } from '../../../../shared/provider-presets'
import { api, describeError } from '../api'

export interface ModelChoice {
  providerId: string
  model: string
}

export interface NewProvider {
  preset: PresetId
  name: string
  baseUrl: string
  key: string
  azure: { deployment: string; apiVersion: string } | null
}

/** Providers, the models each one offers, and which model the next message goes to. */
export class ProvidersState {
  providers = $state<ProviderView[]>([])
  models = $state<Record<string, ModelView[]>>({})
  /** Why a provider's model list could not be loaded, by provider id. */
  modelErrors = $state<Record<string, string>>({})
  selected = $state<ModelChoice | null>(null)

  /** Providers whose models may be offered: enabled, and with a key unless they need none. */
  get usable(): ProviderView[] {
    return this.providers.filter((provider) => provider.enabled && (provider.hasKey || provider.keyOptional))
  }

  /** Loads providers and their models; `preferred` (the default model) is picked when it is offered. */
  async load(preferred: ModelChoice | null = null): Promise<void> {
    this.providers = await api.listProviders()
    await Promise.all(this.usable.map((provider) => this.loadModels(provider.id, false)))
    if (preferred && this.offers(preferred) && !this.selected) this.selected = preferred
    this.#ensureSelection()
  }

  /** Whether that model is among those the user can pick now. */
  offers(choice: ModelChoice): boolean {
    return this.usable.some((provider) => provider.id === choice.providerId) && (this.models[choice.providerId] ?? []).some((model) => model.id === choice.model)
  }

  /** Adds Ollama / LM Studio when they run on this machine. */
  async detectLocal(): Promise<void> {
    const added = await api.detectLocalProviders().catch(() => [])
    if (added.length > 0) await this.load()
  }

  async loadModels(providerId: string, refresh: boolean): Promise<void> {
    try {
      const { models } = await api.listModels(providerId, refresh)
      this.models[providerId] = models
      delete this.modelErrors[providerId]
    } catch (error) {
      this.modelErrors[providerId] = describeError(error)
    }
  }

  /** Saves a provider and its key, then fetches its models. Returns an error sentence, or null. */
  async add(input: NewProvider): Promise<string | null> {
    const id = input.preset === 'custom' ? slug(input.name) : input.preset
    try {
      if (input.key) await api.setKey(id, input.key)
      await api.saveProvider({
        id,
        preset: input.preset,
        name: input.name,
        baseUrl: input.baseUrl,
        defaultModel: null,
        enabled: true,
        azure: input.azure
      })
      await this.load()
      await this.loadModels(id, true)
      const models = this.models[id] ?? []
      if (models[0]) this.selected = { providerId: id, model: models[0].id }
      return this.modelErrors[id] ?? null
    } catch (error) {
      return describeError(error)
    }
  }

  /** Changes a provider's base URL, enabled state and (when given) key. Returns an error sentence, or null. */
  async update(provider: ProviderView, changes: { baseUrl: string; enabled: boolean; key: string }): Promise<string | null> {
    try {
      if (changes.key) await api.setKey(provider.id, changes.key)
      const { id, preset, name, defaultModel, azure } = provider
      await api.saveProvider({ id, preset, name, defaultModel, azure, baseUrl: changes.baseUrl, enabled: changes.enabled })
      await this.load()
      if (changes.enabled) await this.loadModels(provider.id, true)
      return changes.enabled ? (this.modelErrors[provider.id] ?? null) : null
    } catch (error) {
      return describeError(error)
    }
  }

  async remove(providerId: string): Promise<string | null> {
    try {
      await api.removeProvider(providerId)
      delete this.models[providerId]
      if (this.selected?.providerId === providerId) this.selected = null
      await this.load()
      return null
    } catch (error) {
      return describeError(error)
    }
  }

  /** Checks the key with the cheapest call; a sentence for the user either way. */
  async test(providerId: string): Promise<{ ok: boolean; message: string }> {
    try {
      const { modelCount } = await api.testProvider(providerId)
      await this.loadModels(providerId, false)
      return { ok: true, message: `Connected: ${modelCount} models available.` }
    } catch (error) {
      return { ok: false, message: describeError(error) }
    }
  }

  select(choice: ModelChoice): void {
    this.selected = choice
  }

  #ensureSelection(): void {
    if (this.selected && this.offers(this.selected)) return
    for (const provider of this.usable) {
      const model = provider.defaultModel ?? this.models[provider.id]?.[0]?.id
      if (model) {
        this.selected = { providerId: provider.id, model }
        return
      }
    }
    this.selected = null
  }
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48) || 'custom'
}

export const providersState = new ProvidersState()
