import type { ProviderConfig } from '../../shared/domain'
import { PROVIDER_PRESETS } from '../../shared/provider-presets'
import { createAnthropicAdapter } from './anthropic'
import { createGeminiAdapter } from './gemini'
import type { AdapterFactory } from './model-catalog'
import { createOllamaAdapter } from './ollama'
import { createOpenAICompatibleAdapter } from './openai-compatible'
import { createTimedFetch } from './timed-fetch'
import type { AdapterConnection, ProviderAdapter } from './types'

export interface AdapterTimeouts {
  /** Until the response headers arrive. */
  connectTimeoutMs: number
  /** Longest silence while an answer streams. Reasoning models may think for minutes, but they send keep-alives. */
  idleTimeoutMs: number
}

export const DEFAULT_TIMEOUTS: AdapterTimeouts = { connectTimeoutMs: 30_000, idleTimeoutMs: 120_000 }

/** Picks the adapter for a provider's wire protocol and gives it Chofesh's timed fetch. */
export function createAdapterFactory(timeouts: AdapterTimeouts = DEFAULT_TIMEOUTS): AdapterFactory {
  return (provider: ProviderConfig, apiKey: string | null): ProviderAdapter => {
    const connection: AdapterConnection = { baseUrl: provider.baseUrl, apiKey, fetch: createTimedFetch(timeouts) }
    switch (PROVIDER_PRESETS[provider.preset].protocol) {
      case 'anthropic':
        return createAnthropicAdapter(connection)
      case 'gemini':
        return createGeminiAdapter(connection)
      case 'ollama':
        return createOllamaAdapter(connection)
      case 'openai-compatible':
        return createOpenAICompatibleAdapter(connection, {
          // Mistral rejects `stream_options` and streams reasoning as content arrays.
          dialect: provider.preset === 'mistral' ? 'mistral' : 'openai',
          ...(provider.azure ? { azure: provider.azure } : {})
        })
    }
  }
}
