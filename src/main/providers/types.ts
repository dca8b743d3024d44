import type { TokenUsage } from '../../shared/domain'

export interface ChatTurn {
  role: 'system' | 'user' | 'assistant'
  content: string
}

export interface ChatRequest {
  model: string
  messages: ChatTurn[]
}

/**
 * Normalized stream events, the same for every provider. Failures are thrown
 * as `AppError`s carrying a provider error code rather than yielded.
 */
export type StreamEvent =
  | { type: 'text'; text: string }
  | { type: 'reasoning'; text: string }
  | { type: 'usage'; usage: TokenUsage }
  | { type: 'done'; finishReason: string | null }

export interface ModelInfo {
  id: string
  ownedBy: string | null
}

export interface ProviderAdapter {
  stream(request: ChatRequest, signal: AbortSignal): AsyncIterable<StreamEvent>
  listModels(signal?: AbortSignal): Promise<ModelInfo[]>
}
