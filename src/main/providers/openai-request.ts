import type { ChatCompletionCreateParamsStreaming, ChatCompletionMessageParam } from 'openai/resources/chat/completions'
import type { ChatRequest } from './types'

/**
 * Wire quirks of the service behind an OpenAI-compatible base URL.
 * - `openai`: OpenAI itself and everything that accepts its full request
 *   (Groq, DeepSeek, xAI, OpenRouter, Together, Azure, LM Studio, Ollama /v1, custom).
 * - `mistral`: rejects unknown fields with 422 `extra_forbidden`, and
 *   `stream_options` is one of them; it sends usage on the last chunk unasked.
 */
export type OpenAICompatibleDialect = 'openai' | 'mistral'

/**
 * OpenAI reasoning models (o1, o3, o4-mini, gpt-5...) refuse `max_tokens`
 * and sampling parameters, and take `max_completion_tokens` and
 * `reasoning_effort` instead. Matched on the bare id, so OpenRouter's
 * `openai/o3` keeps `max_tokens`, which OpenRouter translates itself.
 */
export function isOpenAIReasoningModel(model: string): boolean {
  return /^(o\d|gpt-5)/.test(model)
}

function messagesOf(request: ChatRequest): ChatCompletionMessageParam[] {
  const turns: ChatCompletionMessageParam[] = request.messages.map((turn) => ({ role: turn.role, content: turn.content }))
  // Reasoning models also accept `developer`, but every model and every compatible service accepts `system`.
  return request.system ? [{ role: 'system', content: request.system }, ...turns] : turns
}

/** The chat-completions body for one streamed answer; only parameters the model accepts are sent. */
export function buildChatBody(request: ChatRequest, dialect: OpenAICompatibleDialect): ChatCompletionCreateParamsStreaming {
  const { params } = request
  const body: ChatCompletionCreateParamsStreaming = { model: request.model, messages: messagesOf(request), stream: true }
  // Without this, OpenAI (and most compatible servers) send no token usage at all when streaming.
  if (dialect !== 'mistral') body.stream_options = { include_usage: true }

  if (isOpenAIReasoningModel(request.model)) {
    if (params.maxOutputTokens !== undefined) body.max_completion_tokens = params.maxOutputTokens
    if (params.reasoningEffort !== undefined) body.reasoning_effort = params.reasoningEffort
    return body
  }
  if (params.temperature !== undefined) body.temperature = params.temperature
  if (params.topP !== undefined) body.top_p = params.topP
  if (params.maxOutputTokens !== undefined) body.max_tokens = params.maxOutputTokens
  return body
}
