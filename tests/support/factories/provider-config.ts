import type { ProviderConfig } from '../../../src/shared/domain'

export function makeProviderConfig(baseUrl: string, overrides: Partial<ProviderConfig> = {}): ProviderConfig {
  return {
    id: 'mock',
    preset: 'custom',
    azure: null,
    name: 'Mock provider',
    baseUrl,
    defaultModel: 'gpt-4o',
    enabled: true,
    ...overrides
  }
}
