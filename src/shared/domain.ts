/** Domain types shared by main and renderer. Plain data only. */
import type { PresetId } from './provider-presets'

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

/** Optional generation settings; each provider accepts a subset (see main/providers/params.ts). */
export interface ChatParams {
  temperature?: number
  topP?: number
  maxOutputTokens?: number
  /** OpenAI-style reasoning effort, for reasoning models. */
  reasoningEffort?: 'low' | 'medium' | 'high'
  /** Extended thinking budget in tokens (Anthropic, Gemini; Ollama: thinking on). */
  thinkingBudget?: number
}

export interface ConversationSettings {
  systemPrompt: string | null
  params: ChatParams
}

export type ConversationSource = 'chat' | 'quick-ask'

export interface ConversationSummary extends ConversationSettings {
  id: string
  title: string
  /** Started in the main window or in the quick-ask window. */
  source: ConversationSource
  providerId: string | null
  model: string | null
  createdAt: number
  updatedAt: number
}

export interface ConversationDetail {
  conversation: ConversationSummary
  messages: Message[]
}

export interface AzureSettings {
  deployment: string
  apiVersion: string
}

/** Configuration of one provider. Never holds the key itself. */
export interface ProviderConfig {
  id: string
  preset: PresetId
  name: string
  baseUrl: string
  defaultModel: string | null
  enabled: boolean
  /** Only for the Azure OpenAI preset. */
  azure: AzureSettings | null
}

/** A model a provider offers to this user, from its live list. */
export interface ModelView {
  providerId: string
  id: string
  displayName: string
  contextWindow: number | null
  vision: boolean | null
  reasoning: boolean | null
  /** Costs nothing: a local model, or a free tier model (e.g. OpenRouter `:free`). */
  free: boolean
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
  /** Runs on this machine: free, no key needed. */
  local: boolean
  /** Can be used without a key (local servers, custom endpoints). */
  keyOptional: boolean
}

export interface DatabaseProblem {
  code: 'db_corrupt' | 'db_unwritable'
  message: string
  path: string
}

/** Whether the global quick-ask shortcut is in force, and why not. */
export interface ShortcutStatus {
  accelerator: string
  active: boolean
  /** Why it is not active, with what to do instead (e.g. bind `chofesh --quick-ask` on Wayland). */
  message: string | null
}

export interface AppStatus {
  version: string
  /** Null where there is no global shortcut to speak of (the browser tests). */
  quickAskShortcut: ShortcutStatus | null
  keychain: { status: KeychainStatus; message: string | null }
  database: { ok: true; path: string } | ({ ok: false } & DatabaseProblem)
}

export type ThemePreference = 'system' | 'light' | 'dark'

/** The user's preferences, stored in the settings table. */
export interface AppSettings {
  theme: ThemePreference
  /** Global shortcut that opens the quick-ask window (Electron accelerator syntax). */
  quickAskShortcut: string
  /** The model new chats start with; null: the first one available. */
  defaultModel: { providerId: string; model: string } | null
}

export const DEFAULT_SETTINGS: AppSettings = { theme: 'system', quickAskShortcut: 'CommandOrControl+Shift+Space', defaultModel: null }
