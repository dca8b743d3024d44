import { loadFixture } from '../mock-provider'

/** Mistral magistral sends content as parts: `{type:'text', text}` or `{type:'thinking', thinking:[{type:'text', text}]}`. */
type ContentPart = { type?: string; text?: string; thinking?: Array<{ type?: string; text?: string }> }

interface UsageJson {
  prompt_tokens: number
  completion_tokens: number
  total_tokens?: number
  completion_tokens_details?: { reasoning_tokens?: number }
}

interface ChunkJson {
  choices?: Array<{
    delta?: { content?: string | ContentPart[] | null; reasoning_content?: string | null; reasoning?: string | null }
    finish_reason?: string | null
  }>
  usage?: UsageJson | null
  x_groq?: { usage?: UsageJson }
}

/** The JSON payloads of an OpenAI-style SSE fixture, in order (`[DONE]` and non-JSON lines left out). */
export function openaiChunks(fixture: string): ChunkJson[] {
  const chunks: ChunkJson[] = []
  for (const line of loadFixture(fixture).toString('utf8').split(/\r?\n/)) {
    if (!line.startsWith('data:')) continue
    const data = line.slice('data:'.length).trim()
    if (data === '[DONE]') continue
    chunks.push(JSON.parse(data) as ChunkJson)
  }
  return chunks
}

function textOfContent(content: string | ContentPart[] | null | undefined): string {
  if (typeof content === 'string') return content
  return (content ?? []).map((part) => (part.type === 'text' ? (part.text ?? '') : '')).join('')
}

function thinkingOfContent(content: string | ContentPart[] | null | undefined): string {
  if (!Array.isArray(content)) return ''
  const thinkingParts = content.filter((part) => part.type === 'thinking')
  return thinkingParts.flatMap((part) => part.thinking ?? []).map((inner) => inner.text ?? '').join('')
}

/** The non-empty answer-text pieces of the fixture (string content, or the text parts of a content array). */
export function openaiContentPieces(fixture: string): string[] {
  return openaiChunks(fixture)
    .map((chunk) => textOfContent(chunk.choices?.[0]?.delta?.content))
    .filter((piece) => piece.length > 0)
}

/** The full answer text the fixture streams. */
export function openaiAnswerText(fixture: string): string {
  return openaiContentPieces(fixture).join('')
}

/** The full reasoning the fixture streams, whichever of the three shapes it uses. */
export function openaiReasoningText(fixture: string): string {
  return openaiChunks(fixture)
    .map((chunk) => {
      const delta = chunk.choices?.[0]?.delta
      return (delta?.reasoning_content || delta?.reasoning || '') + thinkingOfContent(delta?.content)
    })
    .join('')
}

/** The last finish_reason in the fixture, or null if it has none. */
export function openaiFinishReason(fixture: string): string | null {
  const reasons = openaiChunks(fixture).flatMap((chunk) => (chunk.choices ?? []).map((choice) => choice.finish_reason ?? null))
  return reasons.filter((reason) => reason !== null).at(-1) ?? null
}

/** Token usage from the fixture's (first) usage chunk. */
export function openaiUsage(fixture: string): { inputTokens: number; outputTokens: number } {
  const usage = openaiChunks(fixture).find((chunk) => chunk.usage)?.usage
  if (!usage) throw new Error(`${fixture} has no usage chunk`)
  return { inputTokens: usage.prompt_tokens, outputTokens: usage.completion_tokens }
}

/**
 * The usage an adapter should report: the last usage the fixture carries
 * (top-level, else Groq's x_groq.usage). Output counts reasoning too; xAI
 * leaves reasoning out of completion_tokens (its total shows it), so it is added there.
 */
export function openaiFinalUsage(fixture: string): { inputTokens: number; outputTokens: number; reasoningTokens?: number } | null {
  const usages = openaiChunks(fixture)
    .map((chunk) => chunk.usage ?? chunk.x_groq?.usage ?? null)
    .filter((usage) => usage !== null)
  const last = usages.at(-1)
  if (!last) return null
  const reasoning = last.completion_tokens_details?.reasoning_tokens
  const excluded = reasoning !== undefined && last.total_tokens === last.prompt_tokens + last.completion_tokens + reasoning
  return {
    inputTokens: last.prompt_tokens,
    outputTokens: last.completion_tokens + (excluded ? reasoning : 0),
    // A zero count (non-reasoning models) is left out.
    ...(reasoning ? { reasoningTokens: reasoning } : {})
  }
}

/** Byte offset just after the `count`-th SSE event (its blank line included). */
export function offsetAfterEvents(fixture: string, count: number): number {
  const text = loadFixture(fixture).toString('latin1')
  let offset = 0
  for (let i = 0; i < count; i++) {
    const next = text.indexOf('\n\n', offset)
    if (next < 0) throw new Error(`${fixture} has fewer than ${count} events`)
    offset = next + 2
  }
  return offset
}
