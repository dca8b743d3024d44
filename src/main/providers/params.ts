import type { ChatParams } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import type { ProviderProtocol } from '../../shared/provider-presets'

interface ParamRules {
  /** Highest temperature, or null when the API refuses sampling settings altogether. */
  maxTemperature: number | null
  reasoningEffort: boolean
  /** Smallest thinking budget the API takes, or null when it has no budget setting. */
  minThinkingBudget: number | null
}

const RULES: Record<ProviderProtocol, ParamRules> = {
  'openai-compatible': { maxTemperature: 2, reasoningEffort: true, minThinkingBudget: null },
  // The Messages API version the SDK speaks (2026-10-21) refuses temperature and top_p on every model.
  anthropic: { maxTemperature: null, reasoningEffort: false, minThinkingBudget: 1024 },
  gemini: { maxTemperature: 2, reasoningEffort: false, minThinkingBudget: 0 },
  // Ollama's `think` is on or off; any budget turns it on.
  ollama: { maxTemperature: 2, reasoningEffort: false, minThinkingBudget: 0 }
}

const PROTOCOL_NAMES: Record<ProviderProtocol, string> = {
  'openai-compatible': 'This provider',
  anthropic: 'Anthropic',
  gemini: 'Gemini',
  ollama: 'Ollama'
}

/**
 * Checks chat parameters against what the provider's API accepts, so a bad
 * value is caught in the settings panel rather than by a failed request.
 */
export function checkParams(protocol: ProviderProtocol, params: ChatParams): void {
  const rules = RULES[protocol]
  const name = PROTOCOL_NAMES[protocol]
  const problems: string[] = []
  if (rules.maxTemperature === null) {
    if (params.temperature !== undefined || params.topP !== undefined) {
      problems.push(`${name} chooses its own sampling: leave temperature and top P empty.`)
    }
  } else if (params.temperature !== undefined && params.temperature > rules.maxTemperature) {
    problems.push(`${name} takes a temperature from 0 to ${rules.maxTemperature}.`)
  }
  if (params.reasoningEffort !== undefined && !rules.reasoningEffort) {
    problems.push(`${name} has no reasoning effort setting; use a thinking budget instead.`)
  }
  if (params.thinkingBudget !== undefined) {
    if (rules.minThinkingBudget === null) problems.push(`${name} has no thinking budget; use reasoning effort instead.`)
    else if (params.thinkingBudget < rules.minThinkingBudget) {
      problems.push(`${name} needs a thinking budget of at least ${rules.minThinkingBudget} tokens.`)
    }
  }
  if (problems.length > 0) throw new AppError('validation', problems.join(' '))
}
