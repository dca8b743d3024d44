import type { ProviderConfig } from '../../../src/shared/domain'

export function makeProviderConfig(baseUrl: string, overrides: Partial<ProviderConfig> = {}): ProviderConfig {
  return {
    id: 'mock',
    kind: 'openai-compatible',
    name: 'Mock provider',
    baseUrl,
    defaultModel: 'gpt-4o',
    enabled: true,
    ...overrides
  }
}
