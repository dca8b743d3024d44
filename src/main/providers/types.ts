import type { ChatParams, TokenUsage } from '../../shared/domain'

export type { ChatParams }

export interface ChatTurn {
  role: 'user' | 'assistant'
  content: string
}

export interface ChatRequest {
  model: string
  /** The chat's system prompt, sent the way each API expects it. */
  system: string | null
  messages: ChatTurn[]
  params: ChatParams
}

/**
 * Normalized stream events, the same for every provider. Failures are thrown
 * as `AppError`s carrying a provider error code (see errors.ts) rather than yielded.
 */
export type StreamEvent =
  | { type: 'text'; text: string }
  | { type: 'reasoning'; text: string }
  | { type: 'usage'; usage: TokenUsage }
  | { type: 'done'; finishReason: string | null }

export interface ModelInfo {
  id: string
  /** Human name when the provider gives one, else the id. */
  displayName: string
  /** Context window in tokens, when known. */
  contextWindow: number | null
  /** Accepts images, when known. */
  vision: boolean | null
  /** A reasoning / thinking model, when known. */
  reasoning: boolean | null
}

export interface ProviderAdapter {
  stream(request: ChatRequest, signal: AbortSignal): AsyncIterable<StreamEvent>
  /** Every chat-capable model the key can use, all pages fetched. */
  listModels(signal?: AbortSignal): Promise<ModelInfo[]>
}

/** What every adapter factory receives. */
export interface AdapterConnection {
  baseUrl: string
  /** Null for servers that take no key (local models). */
  apiKey: string | null
  /** The fetch the SDK must use: it carries Chofesh's connect and idle timeouts. */
  fetch: typeof globalThis.fetch
}
