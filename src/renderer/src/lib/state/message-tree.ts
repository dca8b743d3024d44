import type { Message } from '../../../../shared/domain'

/** One message on the path the user sees, with its place among its siblings. */
export interface PathEntry {
  message: Message
  /** Ids of this message and its siblings (same parent), oldest first. */
  siblings: string[]
  index: number
}

/** Key for "the children of": the conversation's first messages have no parent. */
export const parentKey = (parentId: string | null): string => parentId ?? ''

/**
 * The conversation as the user sees it: from the first message down, taking
 * at each fork the child they chose, or the newest one (so a fresh edit or
 * regeneration shows up at once).
 */
export function visiblePath(messages: readonly Message[], chosen: Readonly<Record<string, string>>): PathEntry[] {
  const children = new Map<string, Message[]>()
  for (const message of messages) {
    const key = parentKey(message.parentId)
    const list = children.get(key) ?? []
    list.push(message)
    children.set(key, list)
  }
  const path: PathEntry[] = []
  for (let key = parentKey(null); ; ) {
    const options = children.get(key)
    if (!options || options.length === 0) return path
    const ordered = [...options].sort((a, b) => a.createdAt - b.createdAt)
    const pick = ordered.find((message) => message.id === chosen[key]) ?? ordered[ordered.length - 1]
    if (!pick) return path
    path.push({ message: pick, siblings: ordered.map((message) => message.id), index: ordered.indexOf(pick) })
    key = parentKey(pick.id)
  }
}
