import type { ProviderConfig } from '../../shared/domain'
import { PROVIDER_PRESETS } from '../../shared/provider-presets'

/** True when the URL points at this machine (Ollama, LM Studio, a local server). */
export function isLocalEndpoint(baseUrl: string): boolean {
  try {
    const host = new URL(baseUrl).hostname
    return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host)
  } catch {
    return false
  }
}

/**
 * A provider running on this machine, so free to use: Ollama, LM Studio, or a
 * custom endpoint on localhost. A known cloud preset pointed at localhost is a
 * proxy to a paid API, not a local model.
 */
export function isLocalProvider(provider: Pick<ProviderConfig, 'preset' | 'baseUrl'>): boolean {
  return PROVIDER_PRESETS[provider.preset].local || (provider.preset === 'custom' && isLocalEndpoint(provider.baseUrl))
}
