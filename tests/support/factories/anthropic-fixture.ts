import { loadFixture } from '../mock-provider'

/** One SSE event of a fixture: its `event:` name and parsed `data:` JSON. */
export interface SseEvent {
  event: string | null
  data: Record<string, unknown>
}

/** What an Anthropic transcript says, read straight from the wire format. */
export interface AnthropicTranscript {
  /** Non-empty text_delta pieces, in order. */
  textPieces: string[]
  /** Non-empty thinking_delta pieces, in order. */
  reasoningPieces: string[]
  /** input_tokens from message_start (or a later message_delta), final cumulative output_tokens. */
  usage: { inputTokens: number; outputTokens: number } | null
  stopReason: string | null
  /** `error.type` of an `event: error`, if the stream carries one. */
  errorType: string | null
}

/** Splits SSE text into events (LF or CRLF framing), parsing each `data:` as JSON. */
export function sseEvents(fixture: string): SseEvent[] {
  const events: SseEvent[] = []
  for (const block of loadFixture(fixture).toString('utf8').split(/\r?\n\r?\n/)) {
    let event: string | null = null
    const data: string[] = []
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith('event:')) event = line.slice('event:'.length).trim()
      else if (line.startsWith('data:')) data.push(line.slice('data:'.length).trim())
    }
    if (data.length > 0) events.push({ event, data: JSON.parse(data.join('\n')) as Record<string, unknown> })
  }
  return events
}

const asRecord = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {})

export function anthropicTranscript(fixture: string): AnthropicTranscript {
  const transcript: AnthropicTranscript = { textPieces: [], reasoningPieces: [], usage: null, stopReason: null, errorType: null }
  let input: number | null = null
  let output: number | null = null
  for (const { event, data } of sseEvents(fixture)) {
    if (event === 'error') transcript.errorType = String(asRecord(data.error).type)
    if (event === 'message_start') {
      const usage = asRecord(asRecord(data.message).usage)
      input = Number(usage.input_tokens)
      output = Number(usage.output_tokens)
    }
    if (event === 'message_delta') {
      const usage = asRecord(data.usage)
      if (typeof usage.input_tokens === 'number') input = usage.input_tokens
      output = Number(usage.output_tokens)
      const stop = asRecord(data.delta).stop_reason
      if (typeof stop === 'string') transcript.stopReason = stop
    }
    if (event === 'content_block_delta') {
      const delta = asRecord(data.delta)
      if (delta.type === 'text_delta' && delta.text) transcript.textPieces.push(String(delta.text))
      if (delta.type === 'thinking_delta' && delta.thinking) transcript.reasoningPieces.push(String(delta.thinking))
    }
  }
  if (input !== null && output !== null) transcript.usage = { inputTokens: input, outputTokens: output }
  return transcript
}
