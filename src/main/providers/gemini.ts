import { GoogleGenAI } from '@google/genai'
import type { Content, GenerateContentConfig, GenerateContentResponseUsageMetadata, Model } from '@google/genai'
import type { TokenUsage } from '../../shared/domain'
import { toProviderError } from './gemini-errors'
import { endOfStream } from './stream-end'
import type { AdapterConnection, ChatRequest, ChatTurn, ModelInfo, ProviderAdapter, StreamEvent } from './types'

/** The API's largest page; fewer round trips for a long model list. */
const MODELS_PAGE_SIZE = 1000

function toContents(messages: ChatTurn[]): Content[] {
  return messages.map(({ role, content }) => ({ role: role === 'assistant' ? 'model' : 'user', parts: [{ text: content }] }))
}

export function geminiConfig(request: ChatRequest, signal: AbortSignal): GenerateContentConfig {
  const { temperature, topP, maxOutputTokens, thinkingBudget } = request.params
  const config: GenerateContentConfig = {
    abortSignal: signal,
    // On by default: once the server has handed out a continuation token,
    // the SDK silently sends the request again when the stream drops or
    // closes early, each one billed. Retrying is Chofesh's call.
    automaticContinuation: false
  }
  if (request.system) config.systemInstruction = request.system
  if (temperature !== undefined) config.temperature = temperature
  if (topP !== undefined) config.topP = topP
  if (maxOutputTokens !== undefined) config.maxOutputTokens = maxOutputTokens
  // Without includeThoughts the model thinks but sends none of it back.
  if (thinkingBudget) config.thinkingConfig = { includeThoughts: true, thinkingBudget }
  return config
}

/**
 * Each chunk's usageMetadata is a running total, so the last one wins.
 * Thought tokens are billed as output, so they count in outputTokens as
 * they do for Anthropic and OpenAI; reasoningTokens is that share.
 */
function toUsage(metadata: GenerateContentResponseUsageMetadata): TokenUsage {
  const thoughts = metadata.thoughtsTokenCount
  const usage: TokenUsage = {
    inputTokens: metadata.promptTokenCount ?? 0,
    outputTokens: (metadata.candidatesTokenCount ?? 0) + (thoughts ?? 0)
  }
  if (thoughts !== undefined) usage.reasoningTokens = thoughts
  return usage
}

/** Null for models that cannot chat (embeddings, image-only, ...). */
function toModelInfo(model: Model): ModelInfo | null {
  if (!model.name || !model.supportedActions?.includes('generateContent')) return null
  const id = model.name.replace(/^models\//, '')
  return {
    id,
    displayName: model.displayName || id,
    contextWindow: model.inputTokenLimit ?? null,
    vision: null,
    reasoning: model.thinking ?? null
  }
}

/**
 * Speaks the Gemini API through @google/genai. The base URL has no version
 * (the client adds /v1beta): the preset is
 * `https://generativelanguage.googleapis.com`.
 */
export function createGeminiAdapter(connection: AdapterConnection): ProviderAdapter {
  const client = new GoogleGenAI({
    // Pinned, so GOOGLE_GENAI_USE_VERTEXAI or GOOGLE_GENAI_API_VERSION in the environment cannot redirect the client.
    vertexai: false,
    apiVersion: 'v1beta',
    // Without a key the SDK would take GEMINI_API_KEY / GOOGLE_API_KEY from the environment.
    apiKey: connection.apiKey ?? 'no-key',
    // attempts: 1 is no retry; Chofesh decides on retries.
    httpOptions: { baseUrl: connection.baseUrl, fetch: connection.fetch, retryOptions: { attempts: 1 } }
  })

  return {
    async *stream(request: ChatRequest, signal: AbortSignal): AsyncIterable<StreamEvent> {
      try {
        const chunks = await client.models.generateContentStream({
          model: request.model,
          contents: toContents(request.messages),
          config: geminiConfig(request, signal)
        })
        let usage: TokenUsage | null = null
        let finishReason: string | null = null
        for await (const chunk of chunks) {
          const candidate = chunk.candidates?.[0]
          for (const part of candidate?.content?.parts ?? []) {
            // Skips non-text parts and the empty text part that only carries a thoughtSignature.
            if (!part.text) continue
            if (part.thought) yield { type: 'reasoning', text: part.text }
            else yield { type: 'text', text: part.text }
          }
          if (candidate?.finishReason) finishReason = candidate.finishReason
          // A blocked prompt has no candidate; the block reason is why it ended.
          if (chunk.promptFeedback?.blockReason) finishReason ??= chunk.promptFeedback.blockReason
          if (chunk.usageMetadata) usage = toUsage(chunk.usageMetadata)
        }
        // The last chunk always names a finishReason; a stream that closed without one was cut off.
        yield* endOfStream({ signal, finished: finishReason !== null, finishReason, usage })
      } catch (error) {
        throw toProviderError(error)
      }
    },

    async listModels(signal?: AbortSignal): Promise<ModelInfo[]> {
      try {
        const models: ModelInfo[] = []
        const tokens = new Set<string>()
        const pager = await client.models.list({ config: { pageSize: MODELS_PAGE_SIZE, abortSignal: signal } })
        for (;;) {
          // Read by page: the item iterator yields `undefined` for an empty page that has a next token.
          for (const model of pager.page) {
            const info = toModelInfo(model)
            if (info) models.push(info)
          }
          const token = pager.params.config?.pageToken
          // A server that hands back a token twice would be paged for ever.
          if (!token || tokens.has(token)) break
          tokens.add(token)
          await pager.nextPage()
        }
        return models
      } catch (error) {
        throw toProviderError(error)
      }
    }
  }
}
