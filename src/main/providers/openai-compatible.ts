import OpenAI from 'openai'
import { toProviderError } from './openai-errors'
import type { ChatRequest, ModelInfo, ProviderAdapter, StreamEvent } from './types'

export interface OpenAICompatibleOptions {
  baseUrl: string
  /** Null for servers that take no key (local models). */
  apiKey: string | null
  /** Time allowed for the response headers; the stream itself may run longer. */
  timeoutMs?: number
}

/**
 * Speaks the OpenAI chat-completions wire protocol (OpenAI itself and every
 * compatible service) through the official SDK.
 */
export function createOpenAICompatibleAdapter({ baseUrl, apiKey, timeoutMs = 60_000 }: OpenAICompatibleOptions): ProviderAdapter {
  // Retries are decided by Chofesh, not silently by the SDK (it retries 408/409/429/5xx twice by default).
  // The SDK insists on a key; keyless local servers ignore the placeholder.
  const client = new OpenAI({ apiKey: apiKey ?? 'no-key', baseURL: baseUrl, maxRetries: 0, timeout: timeoutMs })

  return {
    async *stream(request: ChatRequest, signal: AbortSignal): AsyncIterable<StreamEvent> {
      try {
        const stream = await client.chat.completions.create(
          {
            model: request.model,
            messages: request.messages,
            stream: true,
            stream_options: { include_usage: true }
          },
          { signal }
        )
        let finishReason: string | null = null
        for await (const chunk of stream) {
          for (const choice of chunk.choices) {
            const content = choice.delta?.content
            if (content) yield { type: 'text', text: content }
            if (choice.finish_reason) finishReason = choice.finish_reason
          }
          if (chunk.usage) {
            yield {
              type: 'usage',
              usage: { inputTokens: chunk.usage.prompt_tokens, outputTokens: chunk.usage.completion_tokens }
            }
          }
        }
        if (signal.aborted) throw new OpenAI.APIUserAbortError()
        yield { type: 'done', finishReason }
      } catch (error) {
        throw toProviderError(error)
      }
    },

    async listModels(signal?: AbortSignal): Promise<ModelInfo[]> {
      try {
        const models: ModelInfo[] = []
        for await (const model of client.models.list(signal ? { signal } : undefined)) {
          models.push({ id: model.id, displayName: model.id, contextWindow: null, vision: null, reasoning: null })
        }
        return models
      } catch (error) {
        throw toProviderError(error)
      }
    }
  }
}
