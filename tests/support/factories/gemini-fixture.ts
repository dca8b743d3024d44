import { loadFixture } from '../mock-provider'

export interface GeminiChunk {
  candidates?: Array<{
    content?: { parts?: Array<{ text?: string; thought?: boolean }> }
    finishReason?: string
  }>
  usageMetadata?: { promptTokenCount?: number; candidatesTokenCount?: number; thoughtsTokenCount?: number }
}

/** What a Gemini transcript says, read straight from the wire format. */
export interface GeminiTranscript {
  /** Non-empty text of parts without `thought`, in order. */
  textPieces: string[]
  /** Non-empty text of `thought: true` parts, in order. */
  reasoningPieces: string[]
  /**
   * From the last usageMetadata (each is a running total). Output counts the
   * thought tokens too, because they are billed as output.
   */
  usage: { inputTokens: number; outputTokens: number; reasoningTokens?: number } | null
  finishReason: string | null
}

/** The JSON payload of every `data:` line of a Gemini SSE fixture (CRLF framed). */
export function geminiChunks(fixture: string): GeminiChunk[] {
  return loadFixture(fixture)
    .toString('utf8')
    .split(/\r?\n/)
    .filter((line) => line.startsWith('data:'))
    .map((line) => JSON.parse(line.slice('data:'.length)) as GeminiChunk)
}

/** Reads chunks already parsed, e.g. a non-streamed response reframed as one chunk. */
export function geminiTranscriptOf(chunks: GeminiChunk[]): GeminiTranscript {
  const transcript: GeminiTranscript = { textPieces: [], reasoningPieces: [], usage: null, finishReason: null }
  for (const chunk of chunks) {
    const candidate = chunk.candidates?.[0]
    for (const part of candidate?.content?.parts ?? []) {
      if (!part.text) continue
      if (part.thought) transcript.reasoningPieces.push(part.text)
      else transcript.textPieces.push(part.text)
    }
    if (candidate?.finishReason) transcript.finishReason = candidate.finishReason
    const meta = chunk.usageMetadata
    if (meta) {
      transcript.usage = {
        inputTokens: meta.promptTokenCount ?? 0,
        outputTokens: (meta.candidatesTokenCount ?? 0) + (meta.thoughtsTokenCount ?? 0)
      }
      if (meta.thoughtsTokenCount !== undefined) transcript.usage.reasoningTokens = meta.thoughtsTokenCount
    }
  }
  return transcript
}

export function geminiTranscript(fixture: string): GeminiTranscript {
  return geminiTranscriptOf(geminiChunks(fixture))
}

/** `RetryInfo.retryDelay` of a Google error fixture in seconds, rounded up; undefined when absent. */
export function geminiRetryDelay(fixture: string): number | undefined {
  const body = JSON.parse(loadFixture(fixture).toString('utf8')) as { error?: { details?: Array<{ '@type'?: string; retryDelay?: string }> } }
  const info = body.error?.details?.find((detail) => detail['@type']?.endsWith('RetryInfo'))
  return info?.retryDelay === undefined ? undefined : Math.ceil(parseFloat(info.retryDelay))
}
