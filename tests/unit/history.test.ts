import { describe, expect, it } from 'vitest'
import { latestMessageId, titleFromText, turnsUpTo } from '../../src/main/chat/history'
import { makeMessage } from '../support/factories/messages'

/**
 *   u1 "What is 2+2?"
 *   └─ a1 "4"
 *      ├─ u2  "And 3+3?"          (first version)
 *      │  └─ a2  "6"
 *      └─ u2b "And 5+5?"          (edited question: a sibling branch)
 *         ├─ a3  ""  (failed empty)
 *         └─ a3b "10"             (regenerated)
 */
const tree = [
  makeMessage({ id: 'u1', role: 'user', content: 'What is 2+2?' }),
  makeMessage({ id: 'a1', parentId: 'u1', role: 'assistant', content: '4' }),
  makeMessage({ id: 'u2', parentId: 'a1', role: 'user', content: 'And 3+3?' }),
  makeMessage({ id: 'a2', parentId: 'u2', role: 'assistant', content: '6' }),
  makeMessage({ id: 'u2b', parentId: 'a1', role: 'user', content: 'And 5+5?' }),
  makeMessage({ id: 'a3', parentId: 'u2b', role: 'assistant', content: '', status: 'error' }),
  makeMessage({ id: 'a3b', parentId: 'u2b', role: 'assistant', content: '10' })
]

describe('turnsUpTo', () => {
  it('follows the parent chain of the chosen branch only', () => {
    expect(turnsUpTo(tree, 'a3b')).toEqual([
      { role: 'user', content: 'What is 2+2?' },
      { role: 'assistant', content: '4' },
      { role: 'user', content: 'And 5+5?' },
      { role: 'assistant', content: '10' }
    ])
    expect(turnsUpTo(tree, 'a2')).toEqual([
      { role: 'user', content: 'What is 2+2?' },
      { role: 'assistant', content: '4' },
      { role: 'user', content: 'And 3+3?' },
      { role: 'assistant', content: '6' }
    ])
  })

  it('skips answers that failed empty', () => {
    const underFailed = makeMessage({ id: 'u3', parentId: 'a3', role: 'user', content: 'Try again' })
    expect(turnsUpTo([...tree, underFailed], 'u3')).toEqual([
      { role: 'user', content: 'What is 2+2?' },
      { role: 'assistant', content: '4' },
      { role: 'user', content: 'And 5+5?' },
      { role: 'user', content: 'Try again' }
    ])
  })

  it('does not depend on the order the messages come in', () => {
    expect(turnsUpTo([...tree].reverse(), 'a3b')).toEqual(turnsUpTo(tree, 'a3b'))
  })

  it('gives nothing for an unknown leaf', () => {
    expect(turnsUpTo(tree, 'nope')).toEqual([])
  })
})

describe('latestMessageId', () => {
  it('is the last message, or null for an empty conversation', () => {
    expect(latestMessageId(tree)).toBe('a3b')
    expect(latestMessageId([])).toBeNull()
  })
})

describe('titleFromText', () => {
  it('keeps a short first message as it is, on one line', () => {
    expect(titleFromText('  What is\n\nthe   weather?  ')).toBe('What is the weather?')
  })

  it('names an empty message "New chat"', () => {
    expect(titleFromText('   \n\t ')).toBe('New chat')
  })

  it('cuts a long message at a word boundary and marks the cut', () => {
    const text = 'Explain the difference between optimistic and pessimistic locking in databases'
    const title = titleFromText(text)
    expect(title).toBe('Explain the difference between optimistic and…')
    expect(title.length).toBeLessThanOrEqual(49)
    expect(text.startsWith(title.slice(0, -1))).toBe(true)
  })

  it('cuts a long unbroken word hard', () => {
    const title = titleFromText('x'.repeat(100), 10)
    expect(title).toBe(`${'x'.repeat(10)}…`)
  })

  it('keeps text of exactly the maximum length whole', () => {
    expect(titleFromText('a'.repeat(48))).toBe('a'.repeat(48))
  })
})
