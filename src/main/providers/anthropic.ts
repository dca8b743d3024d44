import Anthropic from '@anthropic-ai/sdk'
import type { TokenUsage } from '../../shared/domain'
import { toProviderError } from './anthropic-errors'
import { endOfStream } from './stream-end'
import type { AdapterConnection, ChatRequest, ModelInfo, ProviderAdapter, StreamEvent } from './types'

/** Anthropic requires max_tokens; this is sent when the chat sets no limit. */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 8192
/** The smallest thinking budget the API accepts. */
export const ANTHROPIC_MIN_THINKING_BUDGET = 1024
/** Room kept for the answer when max_tokens has to grow past the thinking budget. */
const ANSWER_ROOM = 4096
/** The API's largest page; fewer round trips for a long model list. */
const MODELS_PAGE_LIMIT = 1000

/**
 * The request body. Two API rules shape it:
 * - API version 2026-10-21 (sent by SDK 1.x) rejects temperature, top_p and
 *   top_k on every model, even at their defaults, and the SDK types no
 *   longer have them; so `params.temperature` and `params.topP` are not sent.
 * - Extended thinking needs budget_tokens >= 1024 and max_tokens > budget
 *   (thinking counts towards max_tokens). The budget is raised to the
 *   minimum, and max_tokens raised to budget + room for the answer when it
 *   would not exceed the budget.
 */
export function anthropicMessageParams(request: ChatRequest): Anthropic.MessageCreateParamsStreaming {
  const { maxOutputTokens, thinkingBudget } = request.params
  const body: Anthropic.MessageCreateParamsStreaming = {
    model: request.model,
    messages: request.messages.map(({ role, content }) => ({ role, content })),
    max_tokens: maxOutputTokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS,
    stream: true
  }
  if (request.system) body.system = request.system
  // A budget of 0 means no thinking, as it does for Gemini.
  if (thinkingBudget) {
    const budget = Math.max(ANTHROPIC_MIN_THINKING_BUDGET, Math.round(thinkingBudget))
    if (body.max_tokens <= budget) body.max_tokens = budget + ANSWER_ROOM
    // Some models default to omitting the thinking text; Chofesh shows it.
    body.thinking = { type: 'enabled', budget_tokens: budget, display: 'summarized' }
  }
  return body
}

interface UsageFields {
  input_tokens?: number | null
  output_tokens: number
  output_tokens_details?: { thinking_tokens: number } | null
}

/** Folds one usage report into the running one; message_delta counts are cumulative. */
function nextUsage(previous: TokenUsage | null, fields: UsageFields): TokenUsage {
  const usage: TokenUsage = {
    inputTokens: fields.input_tokens ?? previous?.inputTokens ?? 0,
    outputTokens: fields.output_tokens
  }
  const reasoning = fields.output_tokens_details?.thinking_tokens ?? previous?.reasoningTokens
  if (reasoning !== undefined) usage.reasoningTokens = reasoning
  return usage
}

function toModelInfo(model: Anthropic.ModelInfo): ModelInfo {
  // Older API versions, and the docs' example, have no capabilities: unknown then.
  const capabilities = model.capabilities ?? null
  return {
    id: model.id,
    displayName: model.display_name || model.id,
    contextWindow: model.max_input_tokens ?? null,
    vision: capabilities?.image_input?.supported ?? null,
    reasoning: capabilities?.thinking?.supported ?? null
  }
}

/**
 * Speaks the Anthropic Messages API through the official SDK. The base URL
 * has no /v1 (the SDK's paths start with /v1/): the preset is
 * `https://api.anthropic.com`.
 */
export function createAnthropicAdapter(connection: AdapterConnection): ProviderAdapter {
  const client = new Anthropic({
    // Without a key the SDK looks for credentials in the environment and in
    // profile files on disk; a placeholder keeps it to what the user gave.
    apiKey: connection.apiKey ?? 'no-key',
    baseURL: connection.baseUrl,
    fetch: connection.fetch,
    // Chofesh decides on retries; the SDK would retry 408/409/429/5xx twice.
    maxRetries: 0
  })

  return {
    async *stream(request: ChatRequest, signal: AbortSignal): AsyncIterable<StreamEvent> {
      try {
        const events = await client.messages.create(anthropicMessageParams(request), { signal })
        let usage: TokenUsage | null = null
        let finishReason: string | null = null
        let stopped = false
        // ping is dropped by the SDK; `event: error` is thrown by it as an APIError.
        for await (const event of events) {
          if (event.type === 'content_block_delta') {
            const { delta } = event
            if (delta.type === 'text_delta' && delta.text) yield { type: 'text', text: delta.text }
            else if (delta.type === 'thinking_delta' && delta.thinking) yield { type: 'reasoning', text: delta.thinking }
          } else if (event.type === 'message_start') {
            usage = nextUsage(usage, event.message.usage)
          } else if (event.type === 'message_delta') {
            usage = nextUsage(usage, event.usage)
            finishReason = event.delta.stop_reason ?? finishReason
          } else if (event.type === 'message_stop') {
            stopped = true
          }
        }
        yield* endOfStream({ signal, finished: stopped, finishReason, usage })
      } catch (error) {
        throw toProviderError(error)
      }
    },

    async listModels(signal?: AbortSignal): Promise<ModelInfo[]> {
      try {
        const models: ModelInfo[] = []
        const cursors = new Set<string>()
        const first = await client.models.list({ limit: MODELS_PAGE_LIMIT }, signal ? { signal } : undefined)
        for await (const page of first.iterPages()) {
          models.push(...page.data.map(toModelInfo))
          // A server that hands back a cursor twice would be paged for ever.
          if (page.last_id === null || cursors.has(page.last_id)) break
          cursors.add(page.last_id)
        }
        return models
      } catch (error) {
        throw toProviderError(error)
      }
    }
  }
}
