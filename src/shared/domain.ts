/** Domain types shared by main and renderer. Plain data only. */

export type MessageRole = 'system' | 'user' | 'assistant'
export type MessageStatus = 'complete' | 'streaming' | 'interrupted' | 'error'

export interface TokenUsage {
  inputTokens: number
  outputTokens: number
  reasoningTokens?: number
}

export interface Message {
  id: string
  conversationId: string
  parentId: string | null
  role: MessageRole
  content: string
  reasoning: string
  providerId: string | null
  model: string | null
  status: MessageStatus
  errorCode: string | null
  errorMessage: string | null
  usage: TokenUsage | null
  costUsd: number | null
  createdAt: number
  updatedAt: number
}

export interface ConversationSummary {
  id: string
  title: string
  providerId: string | null
  model: string | null
  createdAt: number
  updatedAt: number
}

export interface ConversationDetail {
  conversation: ConversationSummary
  messages: Message[]
}

export type ProviderKind = 'openai-compatible'

/** Configuration of one provider. Never holds the key itself. */
export interface ProviderConfig {
  id: string
  kind: ProviderKind
  name: string
  baseUrl: string
  defaultModel: string | null
  enabled: boolean
}

export type KeychainStatus = 'ok' | 'unavailable'

/** What the renderer may know about a stored key: never the key. */
export interface KeyStatus {
  providerId: string
  hasKey: boolean
  /** e.g. `sk-…9f2c`; null when there is no key or it is too short to hint safely. */
  hint: string | null
}

export interface ProviderView extends ProviderConfig {
  hasKey: boolean
  hint: string | null
}

export interface DatabaseProblem {
  code: 'db_corrupt' | 'db_unwritable'
  message: string
  path: string
}

export interface AppStatus {
  version: string
  keychain: { status: KeychainStatus; message: string | null }
  database: { ok: true; path: string } | ({ ok: false } & DatabaseProblem)
}
