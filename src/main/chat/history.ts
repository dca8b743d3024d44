import type { Message } from '../../shared/domain'
import type { ChatTurn } from '../providers/types'

/**
 * The turns sent to the provider for an answer to `leafId`: the path from the
 * root of the message tree down to it, skipping answers that failed empty.
 */
export function turnsUpTo(messages: readonly Message[], leafId: string): ChatTurn[] {
  const byId = new Map(messages.map((message) => [message.id, message]))
  const path: Message[] = []
  for (let current = byId.get(leafId); current; current = current.parentId ? byId.get(current.parentId) : undefined) {
    path.push(current)
  }
  return path
    .reverse()
    .filter((message): message is Message & { role: ChatTurn['role'] } => message.role !== 'system' && message.content.length > 0)
    .map((message) => ({ role: message.role, content: message.content }))
}

/** The newest message of a conversation, to attach the next user message under. */
export function latestMessageId(messages: readonly Message[]): string | null {
  return messages.at(-1)?.id ?? null
}

/** A provisional title from the first words of the first message. */
export function titleFromText(text: string, maxLength = 48): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  if (oneLine.length <= maxLength) return oneLine || 'New chat'
  const cut = oneLine.slice(0, maxLength)
  const lastSpace = cut.lastIndexOf(' ')
  return `${(lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`
}
