import type { TokenUsage } from '../../shared/domain'
import { asArray, asFiniteNumber, field } from './json-fields'
import type { StreamEvent } from './types'

/** What one chat-completion chunk contributes to the answer. */
export interface ChunkReading {
  /** Text and reasoning pieces, in wire order. */
  pieces: Array<Extract<StreamEvent, { type: 'text' | 'reasoning' }>>
  finishReason: string | null
  usage: TokenUsage | null
}

/** Mistral nests thinking text as `[{type:'text', text}]`; a plain string is accepted too. */
function thinkingText(thinking: unknown): string {
  if (typeof thinking === 'string') return thinking
  return asArray(thinking)
    .map((part) => (field(part, 'type') === 'text' ? field(part, 'text') : undefined))
    .filter((text) => typeof text === 'string')
    .join('')
}

function contentPieces(content: unknown, into: ChunkReading['pieces']): void {
  if (typeof content === 'string') {
    if (content) into.push({ type: 'text', text: content })
    return
  }
  for (const part of asArray(content)) {
    const kind = field(part, 'type')
    const text = kind === 'text' ? field(part, 'text') : kind === 'thinking' ? thinkingText(field(part, 'thinking')) : undefined
    if (typeof text === 'string' && text) into.push({ type: kind === 'thinking' ? 'reasoning' : 'text', text })
  }
}

function reasoningPiece(delta: unknown): string {
  // Prefer the DeepSeek name: a proxy that fills both with the same text must not double it.
  const named = field(delta, 'reasoning_content')
  if (typeof named === 'string' && named) return named
  const short = field(delta, 'reasoning')
  return typeof short === 'string' ? short : ''
}

/**
 * Usage in our terms. `outputTokens` counts every generated token,
 * reasoning included: OpenAI and DeepSeek already count reasoning inside
 * `completion_tokens`, but xAI leaves it out (there, total = prompt +
 * completion + reasoning), so it is added back when the total says so.
 */
function usageOf(raw: unknown): TokenUsage | null {
  const input = asFiniteNumber(field(raw, 'prompt_tokens'))
  const output = asFiniteNumber(field(raw, 'completion_tokens'))
  if (input === undefined || output === undefined) return null
  const reasoning = asFiniteNumber(field(field(raw, 'completion_tokens_details'), 'reasoning_tokens'))
  const total = asFiniteNumber(field(raw, 'total_tokens'))
  const reasoningOutside = reasoning !== undefined && reasoning > 0 && total === input + output + reasoning
  const usage: TokenUsage = { inputTokens: input, outputTokens: reasoningOutside ? output + reasoning : output }
  // Non-reasoning models report 0; leaving it out keeps "no reasoning" one shape.
  if (reasoning !== undefined && reasoning > 0) usage.reasoningTokens = reasoning
  return usage
}

/**
 * Reads one chunk as JSON rather than through the SDK's types, because
 * compatible services put things where those types say nothing: reasoning
 * in `delta.reasoning_content` (DeepSeek, xAI) or `delta.reasoning` (Groq,
 * OpenRouter), `delta.content` as an array of thinking/text parts (Mistral
 * magistral), usage under `x_groq.usage` (Groq).
 */
export function readChunk(chunk: unknown): ChunkReading {
  const reading: ChunkReading = { pieces: [], finishReason: null, usage: null }
  // Only the first choice: Chofesh never asks for n > 1. The usage-only chunk has none at all.
  const choice = asArray(field(chunk, 'choices')).find((c) => (field(c, 'index') ?? 0) === 0)
  const delta = field(choice, 'delta')
  const reasoning = reasoningPiece(delta)
  if (reasoning) reading.pieces.push({ type: 'reasoning', text: reasoning })
  contentPieces(field(delta, 'content'), reading.pieces)
  const finish = field(choice, 'finish_reason')
  if (typeof finish === 'string' && finish) reading.finishReason = finish
  // Groq repeats the same numbers in `x_groq.usage`; it is read only when the standard field is missing.
  reading.usage = usageOf(field(chunk, 'usage')) ?? usageOf(field(field(chunk, 'x_groq'), 'usage'))
  return reading
}
