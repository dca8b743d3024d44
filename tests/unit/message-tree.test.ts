import { describe, expect, it } from 'vitest'
import { visiblePath } from '../../src/renderer/src/lib/state/message-tree'
import type { Message } from '../../src/shared/domain'

let clock = 0
function message(id: string, parentId: string | null, role: Message['role'] = 'user'): Message {
  clock += 1
  return {
    id,
    conversationId: 'c',
    parentId,
    role,
    content: id,
    reasoning: '',
    providerId: null,
    model: null,
    status: 'complete',
    errorCode: null,
    errorMessage: null,
    usage: null,
    costUsd: null,
    createdAt: clock,
    updatedAt: clock
  }
}

// q1 → a1 → q2 → a2a
//            ↘ a2b (regenerated)
//      ↘ q2' (edited) → a2'
const tree = [
  message('q1', null),
  message('a1', 'q1', 'assistant'),
  message('q2', 'a1'),
  message('a2a', 'q2', 'assistant'),
  message('a2b', 'q2', 'assistant'),
  message("q2'", 'a1'),
  message("a2'", "q2'", 'assistant')
]

describe('visiblePath', () => {
  it('follows the newest child at every fork by default', () => {
    expect(visiblePath(tree, {}).map((entry) => entry.message.id)).toEqual(['q1', 'a1', "q2'", "a2'"])
  })

  it('follows the branches the user chose', () => {
    const path = visiblePath(tree, { a1: 'q2', q2: 'a2a' })
    expect(path.map((entry) => entry.message.id)).toEqual(['q1', 'a1', 'q2', 'a2a'])
    expect(path[2]).toMatchObject({ siblings: ['q2', "q2'"], index: 0 })
    expect(path[3]).toMatchObject({ siblings: ['a2a', 'a2b'], index: 0 })
  })

  it('ignores a choice that is no longer a child (deleted branch)', () => {
    expect(visiblePath(tree, { a1: 'gone' }).map((entry) => entry.message.id)).toEqual(['q1', 'a1', "q2'", "a2'"])
  })

  it('does not depend on the order messages arrive in', () => {
    expect(visiblePath([...tree].reverse(), {}).map((entry) => entry.message.id)).toEqual(['q1', 'a1', "q2'", "a2'"])
  })

  it('is empty for an empty conversation', () => {
    expect(visiblePath([], {})).toEqual([])
  })
})
