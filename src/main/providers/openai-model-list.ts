import { isChatModel } from './chat-model-filter'
import { asArray, field, isObject } from './json-fields'
import type { ModelInfo } from './types'

const strings = (value: unknown): string[] => asArray(value).filter((v) => typeof v === 'string')

// OpenAI shape `{data: [...]}`; Together answers a bare array.
const entriesOf = (body: unknown): unknown[] => (Array.isArray(body) ? asArray(body) : asArray(field(body, 'data')))

/**
 * One entry of a GET /models answer. Beyond `id`, services add what they
 * know: OpenRouter `name`, `context_length`, `architecture.input_modalities`,
 * `supported_parameters`; Together `display_name`, `context_length`, `type`;
 * Groq `context_window`. Unknown stays null rather than guessed.
 */
function toModelInfo(entry: unknown): ModelInfo | null {
  if (!isObject(entry) || typeof entry['id'] !== 'string') return null
  const id = entry['id']
  if (!isChatModel(id, typeof entry['type'] === 'string' ? entry['type'] : null)) return null
  const name = entry['name'] ?? entry['display_name']
  const context = entry['context_length'] ?? entry['context_window']
  const modalities = field(entry['architecture'], 'input_modalities')
  const parameters = entry['supported_parameters']
  return {
    id,
    displayName: typeof name === 'string' && name ? name : id,
    contextWindow: typeof context === 'number' && context > 0 ? context : null,
    vision: Array.isArray(modalities) ? strings(modalities).includes('image') : null,
    reasoning: Array.isArray(parameters) ? strings(parameters).includes('reasoning') : null
  }
}

/** The chat-capable models in a GET /models body, in the provider's order. */
export function parseModelList(body: unknown): ModelInfo[] {
  return entriesOf(body)
    .map(toModelInfo)
    .filter((model) => model !== null)
}
