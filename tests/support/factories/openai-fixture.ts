import { loadFixture } from '../mock-provider'

interface ChunkJson {
  choices?: Array<{ delta?: { content?: string | null } }>
  usage?: { prompt_tokens: number; completion_tokens: number } | null
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

/** The non-empty `choices[0].delta.content` pieces of the fixture. */
export function openaiContentPieces(fixture: string): string[] {
  return openaiChunks(fixture)
    .map((chunk) => chunk.choices?.[0]?.delta?.content ?? '')
    .filter((piece) => piece.length > 0)
}

/** The full answer text the fixture streams. */
export function openaiAnswerText(fixture: string): string {
  return openaiContentPieces(fixture).join('')
}

/** Token usage from the fixture's usage chunk. */
export function openaiUsage(fixture: string): { inputTokens: number; outputTokens: number } {
  const usage = openaiChunks(fixture).find((chunk) => chunk.usage)?.usage
  if (!usage) throw new Error(`${fixture} has no usage chunk`)
  return { inputTokens: usage.prompt_tokens, outputTokens: usage.completion_tokens }
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
