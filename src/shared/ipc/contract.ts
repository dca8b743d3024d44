import { z } from 'zod'
import type { AppErrorShape } from '../errors'
import type {
  AppSettings,
  AppStatus,
  ConversationDetail,
  ConversationSummary,
  KeyStatus,
  ModelView,
  ProviderView
} from '../domain'
import { PRESET_IDS } from '../provider-presets'
import type { EventChannel, RequestChannel } from './channels'

/**
 * The IPC contract: every request channel with the schema its input must
 * parse against and the type of its output, and every event main pushes.
 * Main's router, the preload bridge and the renderer are all typed from here.
 */

/** Marks the output type of a channel; outputs come from our own code and are not parsed. */
function output<T>(): T {
  return undefined as T
}

const id = z.string().min(1).max(128)
const providerId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lowercase letters, digits and dashes')
const noInput = z.undefined()

export const httpUrl = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value)
      return url.protocol === 'http:' || url.protocol === 'https:'
    } catch {
      return false
    }
  }, 'an http(s) URL')

/** Broad limits every provider shares; each provider's narrower rules are checked in main. */
export const chatParams = z
  .object({
    temperature: z.number().min(0).max(2).optional(),
    topP: z.number().min(0).max(1).optional(),
    maxOutputTokens: z.number().int().min(1).max(1_000_000).optional(),
    reasoningEffort: z.enum(['low', 'medium', 'high']).optional(),
    thinkingBudget: z.number().int().min(0).max(200_000).optional()
  })
  .strict()

const conversationSettings = z
  .object({ systemPrompt: z.string().max(100_000).nullable(), params: chatParams })
  .strict()

export const requestContract = {
  'app:status': { input: noInput, output: output<AppStatus>() },
  'keys:list': { input: noInput, output: output<KeyStatus[]>() },
  'keys:set': {
    input: z.object({ providerId, key: z.string().trim().min(1).max(4096) }).strict(),
    output: output<KeyStatus>()
  },
  'keys:delete': { input: z.object({ providerId }).strict(), output: output<KeyStatus>() },
  'providers:list': { input: noInput, output: output<ProviderView[]>() },
  'providers:save': {
    input: z
      .object({
        id: providerId,
        preset: z.enum(PRESET_IDS),
        name: z.string().trim().min(1).max(80),
        baseUrl: httpUrl,
        defaultModel: z.string().trim().min(1).max(200).nullable(),
        enabled: z.boolean(),
        azure: z
          .object({ deployment: z.string().trim().min(1).max(200), apiVersion: z.string().trim().min(1).max(40) })
          .strict()
          .nullable()
      })
      .strict(),
    output: output<ProviderView>()
  },
  'providers:remove': { input: z.object({ providerId }).strict(), output: output<null>() },
  /** Makes the cheapest authenticated call (the model list) and says whether the key works. */
  'providers:test': { input: z.object({ providerId }).strict(), output: output<{ modelCount: number }>() },
  /** Looks for Ollama and LM Studio on their default ports and adds the ones found. */
  'providers:detect-local': { input: noInput, output: output<ProviderView[]>() },
  'models:list': {
    input: z.object({ providerId, refresh: z.boolean() }).strict(),
    output: output<{ models: ModelView[]; fetchedAt: number | null }>()
  },
  'conversations:list': { input: noInput, output: output<ConversationSummary[]>() },
  'conversations:get': { input: z.object({ conversationId: id }).strict(), output: output<ConversationDetail>() },
  'conversations:rename': {
    input: z.object({ conversationId: id, title: z.string().trim().min(1).max(200) }).strict(),
    output: output<ConversationSummary>()
  },
  'conversations:delete': { input: z.object({ conversationId: id }).strict(), output: output<null>() },
  /** Deletes a message and everything that followed it on its branch. */
  'messages:delete': { input: z.object({ messageId: id }).strict(), output: output<null>() },
  'conversations:update-settings': {
    input: z.object({ conversationId: id, settings: conversationSettings }).strict(),
    output: output<ConversationSummary>()
  },
  'chat:send': {
    input: z
      .object({
        conversationId: id.nullable(),
        providerId,
        model: z.string().trim().min(1).max(200),
        text: z.string().min(1).max(200_000),
        /** The message this one follows: the end of the path the user sees, or for an edit the edited message's parent. Omitted: the newest message. */
        parentId: id.nullable().optional(),
        /** Settings for a new conversation; an existing one keeps its own. */
        settings: conversationSettings.optional(),
        /** Where a new conversation was started (quick-ask exchanges are marked as such). */
        source: z.enum(['chat', 'quick-ask']).optional()
      })
      .strict(),
    output: output<{ conversationId: string; userMessageId: string; assistantMessageId: string; streamId: string }>()
  },
  'chat:regenerate': {
    input: z.object({ messageId: id, providerId, model: z.string().trim().min(1).max(200) }).strict(),
    output: output<{ conversationId: string; userMessageId: string; assistantMessageId: string; streamId: string }>()
  },
  'chat:cancel': { input: z.object({ streamId: id }).strict(), output: output<{ cancelled: boolean }>() },
  'settings:get': { input: noInput, output: output<AppSettings>() },
  /** Changes the given preferences, leaving the others as they are. */
  'settings:update': {
    input: z
      .object({
        theme: z.enum(['system', 'light', 'dark']).optional(),
        quickAskShortcut: z.string().trim().min(1).max(100).optional(),
        defaultModel: z.object({ providerId, model: z.string().trim().min(1).max(200) }).strict().nullable().optional()
      })
      .strict(),
    output: output<AppSettings>()
  },
  /** The quick-ask window hides itself (Esc); an answer still streaming goes on and is stored. */
  'quick-ask:hide': { input: noInput, output: output<null>() },
  /** Shows the main window with this conversation open. */
  'quick-ask:open-in-main': { input: z.object({ conversationId: id }).strict(), output: output<null>() },
  /** A remote image in an answer, fetched by main only when the user clicks to load it. */
  'images:fetch': { input: z.object({ url: z.string().max(4096) }).strict(), output: output<{ dataUrl: string }>() },
  /** The renderer has no clipboard permission; main writes the text. */
  'clipboard:write': { input: z.object({ text: z.string().max(5_000_000) }).strict(), output: output<null>() },
  'links:open': { input: z.object({ url: z.string().max(4096) }).strict(), output: output<{ opened: boolean }>() }
} as const satisfies Record<RequestChannel, { input: z.ZodType; output: unknown }>

export type RequestContract = typeof requestContract
export type RequestInput<C extends RequestChannel> = z.output<RequestContract[C]['input']>
/** What the renderer passes: before defaults and trimming are applied. */
export type RequestArgument<C extends RequestChannel> = z.input<RequestContract[C]['input']>
export type RequestOutput<C extends RequestChannel> = RequestContract[C]['output']

/** One streaming answer's events, in order: deltas, then exactly one `done` or `error`. */
export type ChatStreamEvent =
  | {
      type: 'delta'
      streamId: string
      messageId: string
      seq: number
      /** New text, to be placed at `textOffset` of the answer (its length before this delta). */
      text: string
      textOffset: number
      reasoning: string
      reasoningOffset: number
    }
  | {
      type: 'done'
      streamId: string
      messageId: string
      seq: number
      status: 'complete' | 'interrupted'
      error: AppErrorShape | null
    }
  | { type: 'error'; streamId: string; messageId: string; seq: number; error: AppErrorShape }
  /** The provider refused before answering (429, overloaded); Chofesh tries again after `delayMs`. */
  | { type: 'retry'; streamId: string; messageId: string; seq: number; error: AppErrorShape; delayMs: number }

export interface EventContract {
  'chat:stream': ChatStreamEvent
  /** A conversation changed without the renderer asking (e.g. it got its generated title). */
  'conversations:changed': { conversationId: string }
  /** The main window should show this conversation (asked from the quick-ask window). */
  'conversations:open': { conversationId: string }
  /** Start a new chat (from the tray or the app menu). */
  'conversations:new': Record<string, never>
  /** The quick-ask window was just shown: focus the question box. */
  'quick-ask:shown': Record<string, never>
}

// A compile-time check that EventContract names exactly the event channels.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never
export const eventContractMatchesChannels: Exact<keyof EventContract, EventChannel> = true

/** What every request resolves to across the boundary: errors are data, not exceptions. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape }
