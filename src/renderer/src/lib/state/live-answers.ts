import type { ChatStreamEvent } from '../../../../shared/ipc/contract'

type DeltaEvent = Extract<ChatStreamEvent, { type: 'delta' }>

export interface LiveAnswer {
  text: string
  reasoning: string
}

/** Places `piece` at `offset`; returns null when text before `offset` is missing. */
function placeAt(current: string, offset: number, piece: string): string | null {
  if (offset > current.length) return null
  return current.slice(0, offset) + piece
}

/**
 * Applies a delta to what is known of an answer. Deltas say where their text
 * goes, so a snapshot read from the database (which may be ahead of or
 * behind the stream) and the deltas always agree. Returns null on a gap.
 */
export function applyDelta(current: LiveAnswer, delta: DeltaEvent): LiveAnswer | null {
  const text = placeAt(current.text, delta.textOffset, delta.text)
  const reasoning = placeAt(current.reasoning, delta.reasoningOffset, delta.reasoning)
  if (text === null || reasoning === null) return null
  return { text, reasoning }
}
