import type { ProviderConfig } from '../../shared/domain'
import { readProviderKey } from '../providers/provider-key'
import type { ChatServiceDeps } from './chat-service'
import { titleFromText } from './history'

const TITLE_PROMPT =
  'Write a title of at most six words for a conversation that starts with the message below. ' +
  'Reply with the title only: no quotes, no trailing punctuation.'

/** Cleans what a model answers when asked for a title. Null when nothing usable is left. */
export function cleanTitle(raw: string): string | null {
  const firstLine = raw.trim().split('\n')[0] ?? ''
  const title = firstLine
    .replace(/^(title:\s*)/i, '')
    .replace(/^["'“”«#*\s]+|["'“”»*.!\s]+$/g, '')
    .trim()
  if (!title) return null
  return title.length > 60 ? `${title.slice(0, 59).trimEnd()}…` : title
}

export interface RetitleJob extends Pick<ChatServiceDeps, 'store' | 'vault' | 'adapterFor' | 'bus'> {
  provider: ProviderConfig
  model: string
  conversationId: string
  signal: AbortSignal
  now: () => number
}

/**
 * After the first exchange, asks the chat's model for a short title. The
 * provisional title (the first words) stays if the model fails, or if the
 * user renamed the chat meanwhile.
 */
export async function retitleAfterFirstExchange(job: RetitleJob): Promise<void> {
  const { store } = job
  const conversation = store.conversations.get(job.conversationId)
  const messages = store.messages.listByConversation(job.conversationId)
  const first = messages[0]
  if (!conversation || messages.length !== 2 || !first || conversation.title !== titleFromText(first.content)) return
  try {
    const adapter = job.adapterFor(job.provider, await readProviderKey(job.vault, job.provider))
    let text = ''
    const request = {
      model: job.model,
      system: null,
      messages: [{ role: 'user' as const, content: `${TITLE_PROMPT}\n\n${first.content.slice(0, 2000)}` }],
      params: { maxOutputTokens: 32 }
    }
    for await (const event of adapter.stream(request, job.signal)) if (event.type === 'text') text += event.text
    const title = cleanTitle(text)
    // Check again: the user may have renamed it while we waited.
    if (!title || store.conversations.get(job.conversationId)?.title !== conversation.title) return
    store.conversations.rename(job.conversationId, title, job.now())
    job.bus.emit('conversations:changed', { conversationId: job.conversationId })
  } catch {
    // A title is a nicety: the first words remain, and the answer itself is already stored.
  }
}
