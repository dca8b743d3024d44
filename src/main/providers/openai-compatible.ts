import OpenAI, { AzureOpenAI } from 'openai'
import type { TokenUsage } from '../../shared/domain'
import { readChunk } from './openai-chunk'
import { parseModelList } from './openai-model-list'
import { toProviderError } from './openai-errors'
import { buildChatBody, type OpenAICompatibleDialect } from './openai-request'
import { endOfStream } from './stream-end'
import type { AdapterConnection, ChatRequest, ModelInfo, ProviderAdapter, StreamEvent } from './types'

export type { OpenAICompatibleDialect } from './openai-request'

export interface OpenAICompatibleOptions {
  /** Default `openai`. */
  dialect?: OpenAICompatibleDialect
  /** Azure OpenAI: `connection.baseUrl` is the resource endpoint, e.g. https://NAME.openai.azure.com */
  azure?: { apiVersion: string; deployment: string }
}

function createClient(connection: AdapterConnection, azure: OpenAICompatibleOptions['azure']): OpenAI {
  const common = {
    // The SDK insists on a key; keyless local servers ignore the placeholder.
    apiKey: connection.apiKey ?? 'no-key',
    // Retries are Chofesh's decision (before the first token only); the SDK would retry 408/409/429/5xx twice.
    maxRetries: 0,
    // Carries Chofesh's connect and idle timeouts.
    fetch: connection.fetch,
    // Explicit nulls, or the SDK picks up OPENAI_ORG_ID etc. from the environment and sends them to every provider.
    organization: null,
    project: null,
    adminAPIKey: null,
    // Failures reach the caller as AppErrors with the SDK error as cause; no console noise in the main process.
    logLevel: 'off' as const
  }
  if (!azure) return new OpenAI({ ...common, baseURL: connection.baseUrl })
  // The SDK's `endpoint` option would clash with an OPENAI_BASE_URL in the environment; the base URL it derives is this.
  const baseURL = `${connection.baseUrl.replace(/\/+$/, '')}/openai`
  return new AzureOpenAI({ ...common, baseURL, apiVersion: azure.apiVersion, deployment: azure.deployment })
}

function deploymentModel(deployment: string): ModelInfo {
  return { id: deployment, displayName: deployment, contextWindow: null, vision: null, reasoning: null }
}

/**
 * Speaks the OpenAI chat-completions wire protocol (OpenAI itself and every
 * compatible service) through the official SDK.
 */
export function createOpenAICompatibleAdapter(connection: AdapterConnection, options: OpenAICompatibleOptions = {}): ProviderAdapter {
  const client = createClient(connection, options.azure)
  const dialect = options.dialect ?? 'openai'

  return {
    async *stream(request: ChatRequest, signal: AbortSignal): AsyncIterable<StreamEvent> {
      try {
        const stream = await client.chat.completions.create(buildChatBody(request, dialect), { signal })
        let finishReason: string | null = null
        // Usage can come more than once (Groq, OpenRouter); the last one is the final count.
        let usage: TokenUsage | null = null
        for await (const chunk of stream) {
          const reading = readChunk(chunk)
          yield* reading.pieces
          finishReason = reading.finishReason ?? finishReason
          usage = reading.usage ?? usage
        }
        // Every compatible server sends a finish_reason; a stream that ends without one was cut short.
        yield* endOfStream({ signal, finished: finishReason !== null, finishReason, usage })
      } catch (error) {
        throw toProviderError(error)
      }
    },

    async listModels(signal?: AbortSignal): Promise<ModelInfo[]> {
      try {
        // Not models.list(): its page type reads only `{data}`, so Together's bare array would
        // come back empty. OpenAI-compatible lists are one page (the SDK's Page never has a next one).
        const body = await client.get<unknown>('/models', signal ? { signal } : {})
        // Azure chats with a deployment, not a model id; the list call still proves the key works.
        if (options.azure) return [deploymentModel(options.azure.deployment)]
        return parseModelList(body)
      } catch (error) {
        throw toProviderError(error)
      }
    }
  }
}
