import type { AppError } from '../../shared/errors'
import { codeForStatus, providerError, retryAfterSeconds, transportError } from './errors'
import { ndjsonLines } from './ndjson-lines'
import { asArray, asFiniteNumber, field, type JsonObject } from './json-fields'
import { codeForErrorBody, errorBodyMessage } from './stream-error-code'
import type { AdapterConnection, ChatRequest, ModelInfo, ProviderAdapter, StreamEvent } from './types'

const count = (value: unknown): number => asFiniteNumber(value) ?? 0

function chatBody(request: ChatRequest): JsonObject {
  const { params } = request
  const options: JsonObject = {}
  if (params.temperature !== undefined) options['temperature'] = params.temperature
  if (params.topP !== undefined) options['top_p'] = params.topP
  if (params.maxOutputTokens !== undefined) options['num_predict'] = params.maxOutputTokens
  const turns = request.messages.map((turn) => ({ role: turn.role, content: turn.content }))
  const body: JsonObject = {
    model: request.model,
    messages: request.system ? [{ role: 'system', content: request.system }, ...turns] : turns,
    stream: true,
    options
  }
  // Only when asked: Ollama answers 400 to `think` for a model that cannot think.
  if (params.thinkingBudget !== undefined || params.reasoningEffort !== undefined) body['think'] = true
  return body
}

/** An HTTP error answer: Ollama's body is `{"error": "..."}`. */
async function httpError(response: Response): Promise<AppError> {
  const text = await response.text().catch(() => '')
  let message = text
  try {
    message = errorBodyMessage(field(JSON.parse(text), 'error')) || text
  } catch {
    // Not JSON (a proxy's HTML page, say): the raw text is all there is.
  }
  const cause = new Error(`Ollama answered ${response.status}: ${message}`)
  return providerError(codeForStatus(response.status, message), cause, retryAfterSeconds(response.headers))
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line)
  } catch (error) {
    throw providerError('provider', new Error(`unreadable line from Ollama: ${line.slice(0, 200)}`, { cause: error }))
  }
}

function failure(error: unknown, signal: AbortSignal | undefined): AppError {
  if (signal?.aborted) return providerError('cancelled', error)
  return transportError(error) ?? providerError('provider', error)
}

/**
 * Speaks Ollama's native API (`/api/chat` NDJSON, `/api/tags`), which
 * unlike its `/v1` carries the model's thinking as `message.thinking`.
 * `connection.baseUrl` is the server root, e.g. http://127.0.0.1:11434
 */
export function createOllamaAdapter(connection: AdapterConnection): ProviderAdapter {
  const root = connection.baseUrl.replace(/\/+$/, '')
  // Ollama itself takes no key; one is passed on for servers behind an authenticating proxy.
  const auth: Record<string, string> = connection.apiKey ? { authorization: `Bearer ${connection.apiKey}` } : {}

  return {
    async *stream(request: ChatRequest, signal: AbortSignal): AsyncIterable<StreamEvent> {
      try {
        const response = await connection.fetch(`${root}/api/chat`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...auth },
          body: JSON.stringify(chatBody(request)),
          signal
        })
        if (!response.ok) throw await httpError(response)
        if (!response.body) throw providerError('provider', new Error('Ollama answered without a body'))
        for await (const line of ndjsonLines(response.body)) {
          const chunk = parseLine(line)
          const error = field(chunk, 'error')
          // An error after the 200 arrives as its own line, e.g. {"error":"an error was encountered while running the model"}.
          if (error !== undefined) throw providerError(codeForErrorBody(error), new Error(`Ollama: ${errorBodyMessage(error)}`))
          const message = field(chunk, 'message')
          const thinking = field(message, 'thinking')
          if (typeof thinking === 'string' && thinking) yield { type: 'reasoning', text: thinking }
          const content = field(message, 'content')
          if (typeof content === 'string' && content) yield { type: 'text', text: content }
          if (field(chunk, 'done') === true) {
            // prompt_eval_count is left out when the whole prompt came from Ollama's cache.
            yield { type: 'usage', usage: { inputTokens: count(field(chunk, 'prompt_eval_count')), outputTokens: count(field(chunk, 'eval_count')) } }
            const reason = field(chunk, 'done_reason')
            yield { type: 'done', finishReason: typeof reason === 'string' ? reason : null }
            return
          }
        }
        if (signal.aborted) throw providerError('cancelled', signal.reason)
        // Ollama always ends with a `done: true` line; a body that stops before it was cut short.
        throw providerError('provider', new Error('the Ollama stream ended before the answer finished'))
      } catch (error) {
        throw failure(error, signal)
      }
    },

    async listModels(signal?: AbortSignal): Promise<ModelInfo[]> {
      try {
        const response = await connection.fetch(`${root}/api/tags`, { headers: auth, ...(signal ? { signal } : {}) })
        if (!response.ok) throw await httpError(response)
        const models = field(await response.json(), 'models')
        if (!Array.isArray(models)) throw providerError('provider', new Error('Ollama /api/tags answered without a model list'))
        return asArray(models)
          .map((model) => field(model, 'name'))
          .filter((name) => typeof name === 'string')
          .map((name) => ({ id: name, displayName: name, contextWindow: null, vision: null, reasoning: null }))
      } catch (error) {
        throw failure(error, signal)
      }
    }
  }
}
