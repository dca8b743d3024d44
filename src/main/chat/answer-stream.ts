import type { ConversationSettings, ProviderConfig, TokenUsage } from '../../shared/domain'
import { AppError, type AppErrorShape } from '../../shared/errors'
import type { ChatStreamEvent } from '../../shared/ipc/contract'
import { asProviderError } from '../providers/errors'
import { readProviderKey } from '../providers/provider-key'
import type { ChatServiceDeps } from './chat-service'
import { turnsUpTo } from './history'
import { withRetry } from './retry'
import { createThrottledFlush } from './throttled-flush'

export interface AnswerStreamJob extends ChatServiceDeps {
  now: () => number
  provider: ProviderConfig
  model: string
  settings: ConversationSettings
  conversationId: string
  userMessageId: string
  assistantMessageId: string
  streamId: string
  signal: AbortSignal
}

/** A provider that refuses us when we sent no key needs a key, not a different one. */
function explain(error: AppError, provider: ProviderConfig, sentKey: boolean): AppError {
  if (error.code !== 'auth' || sentKey) return error
  return new AppError('missing_key', `${provider.name} needs an API key. Add one in Settings.`, { cause: error })
}

/**
 * Streams one answer: asks the provider, forwards coalesced deltas to the
 * renderer, writes the partial answer to SQLite as it grows, and records how
 * it ended. Never rejects: every failure ends up on the message.
 */
export async function runAnswerStream(job: AnswerStreamJob): Promise<'complete' | 'interrupted' | 'error'> {
  const { store, bus, now, streamId, assistantMessageId: messageId } = job
  let content = ''
  let reasoning = ''
  let usage: TokenUsage | null = null
  let seq = 0
  const pending = { text: '', reasoning: '' }

  const emit = (event: ChatStreamEvent): void => bus.emit('chat:stream', event)
  const deltas = createThrottledFlush(job.coalesceMs ?? 16, () => {
    emit({
      type: 'delta',
      streamId,
      messageId,
      seq: seq++,
      text: pending.text,
      textOffset: content.length - pending.text.length,
      reasoning: pending.reasoning,
      reasoningOffset: reasoning.length - pending.reasoning.length
    })
    pending.text = ''
    pending.reasoning = ''
  })
  const progress = createThrottledFlush(job.persistMs ?? 250, () =>
    store.messages.saveProgress(messageId, content, reasoning, now())
  )

  const finish = (status: 'complete' | 'interrupted' | 'error', error: AppErrorShape | null): typeof status => {
    deltas.flushNow()
    progress.cancel()
    store.messages.finish(messageId, {
      status,
      content,
      reasoning,
      usage,
      errorCode: error?.code ?? null,
      errorMessage: error?.message ?? null,
      finishedAt: now()
    })
    if (status === 'error' && error) emit({ type: 'error', streamId, messageId, seq: seq++, error })
    else emit({ type: 'done', streamId, messageId, seq: seq++, status: status === 'complete' ? 'complete' : 'interrupted', error })
    return status
  }

  let sentKey = false
  try {
    const apiKey = await readProviderKey(job.vault, job.provider)
    sentKey = apiKey !== null
    const adapter = job.adapterFor(job.provider, apiKey)
    const request = {
      model: job.model,
      system: job.settings.systemPrompt,
      messages: turnsUpTo(store.messages.listByConversation(job.conversationId), job.userMessageId),
      params: job.settings.params
    }
    const events = withRetry(() => adapter.stream(request, job.signal), job.signal, {
      ...(job.retryPolicy ? { policy: job.retryPolicy } : {}),
      ...(job.sleep ? { sleep: job.sleep } : {}),
      onRetry: (error, delayMs) => emit({ type: 'retry', streamId, messageId, seq: seq++, error: error.toShape(), delayMs })
    })
    for await (const event of events) {
      if (event.type === 'text') {
        content += event.text
        pending.text += event.text
      } else if (event.type === 'reasoning') {
        reasoning += event.text
        pending.reasoning += event.text
      } else if (event.type === 'usage') {
        usage = event.usage
        continue
      } else {
        continue
      }
      deltas.mark()
      progress.mark()
    }
    return finish('complete', null)
  } catch (caught) {
    const error = job.signal.aborted ? new AppError('cancelled', 'Stopped.') : explain(asProviderError(caught), job.provider, sentKey)
    const keptSomething = content.length > 0 || reasoning.length > 0
    // A stopped or broken answer keeps its text and can be retried; one that never started is an error.
    return finish(error.code === 'cancelled' || keptSomething ? 'interrupted' : 'error', error.toShape())
  }
}
