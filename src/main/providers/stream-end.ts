import type { TokenUsage } from '../../shared/domain'
import { providerError } from './errors'
import type { StreamEvent } from './types'

export interface StreamEnd {
  signal: AbortSignal
  /** Whether the provider said the answer was over (finish_reason, message_stop, done: true). */
  finished: boolean
  finishReason: string | null
  usage: TokenUsage | null
}

/**
 * The last events of every adapter's stream. The SDKs end their iteration
 * quietly when aborted or when the connection closes early; neither must look
 * like a finished answer, so both become errors here.
 */
export function endOfStream({ signal, finished, finishReason, usage }: StreamEnd): StreamEvent[] {
  if (signal.aborted) throw providerError('cancelled', signal.reason)
  if (!finished) throw providerError('network', new Error('the stream ended before the provider finished its answer'))
  return usage ? [{ type: 'usage', usage }, { type: 'done', finishReason }] : [{ type: 'done', finishReason }]
}
