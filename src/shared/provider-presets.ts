/**
 * The providers Chofesh knows how to talk to, with their real base URLs.
 * Shared so the renderer can offer them; main decides how to speak to each.
 */
export type ProviderProtocol = 'openai-compatible' | 'anthropic' | 'gemini' | 'ollama'

export const PRESET_IDS = [
  'openai',
  'anthropic',
  'google',
  'mistral',
  'groq',
  'deepseek',
  'openrouter',
  'xai',
  'together',
  'azure',
  'ollama',
  'lmstudio',
  'custom'
] as const

export type PresetId = (typeof PRESET_IDS)[number]

export interface ProviderPreset {
  id: PresetId
  name: string
  protocol: ProviderProtocol
  /** Default base URL; the user may change it (proxies, gateways, other ports). */
  baseUrl: string
  /** Whether requests need a key; local servers and custom endpoints may not. */
  keyRequired: boolean
  /** Runs on this machine: free, and no key needed. */
  local: boolean
  /** Where the user gets a key. */
  keyPage: string | null
}

export const PROVIDER_PRESETS: Readonly<Record<PresetId, ProviderPreset>> = {
  openai: preset('openai', 'OpenAI', 'openai-compatible', 'https://api.openai.com/v1', 'https://platform.openai.com/api-keys'),
  anthropic: preset('anthropic', 'Anthropic', 'anthropic', 'https://api.anthropic.com', 'https://console.anthropic.com/settings/keys'),
  google: preset('google', 'Google Gemini', 'gemini', 'https://generativelanguage.googleapis.com', 'https://aistudio.google.com/apikey'),
  mistral: preset('mistral', 'Mistral', 'openai-compatible', 'https://api.mistral.ai/v1', 'https://console.mistral.ai/api-keys'),
  groq: preset('groq', 'Groq', 'openai-compatible', 'https://api.groq.com/openai/v1', 'https://console.groq.com/keys'),
  deepseek: preset('deepseek', 'DeepSeek', 'openai-compatible', 'https://api.deepseek.com', 'https://platform.deepseek.com/api_keys'),
  openrouter: preset('openrouter', 'OpenRouter', 'openai-compatible', 'https://openrouter.ai/api/v1', 'https://openrouter.ai/keys'),
  xai: preset('xai', 'xAI', 'openai-compatible', 'https://api.x.ai/v1', 'https://console.x.ai'),
  together: preset('together', 'Together AI', 'openai-compatible', 'https://api.together.xyz/v1', 'https://api.together.ai/settings/api-keys'),
  azure: preset('azure', 'Azure OpenAI', 'openai-compatible', 'https://YOUR-RESOURCE.openai.azure.com', 'https://portal.azure.com'),
  ollama: { ...preset('ollama', 'Ollama', 'ollama', 'http://127.0.0.1:11434', null), keyRequired: false, local: true },
  lmstudio: { ...preset('lmstudio', 'LM Studio', 'openai-compatible', 'http://127.0.0.1:1234/v1', null), keyRequired: false, local: true },
  custom: { ...preset('custom', 'Custom (OpenAI-compatible)', 'openai-compatible', 'http://127.0.0.1:8080/v1', null), keyRequired: false }
}

function preset(id: PresetId, name: string, protocol: ProviderProtocol, baseUrl: string, keyPage: string | null): ProviderPreset {
  return { id, name, protocol, baseUrl, keyRequired: true, local: false, keyPage }
}
