import { describe, expect, it } from 'vitest'
import { applyDelta } from '../../src/renderer/src/lib/state/live-answers'
import type { ChatStreamEvent } from '../../src/shared/ipc/contract'

type Delta = Extract<ChatStreamEvent, { type: 'delta' }>

function delta(text: string, textOffset: number, reasoning = '', reasoningOffset = 0): Delta {
  return { type: 'delta', streamId: 's1', messageId: 'm1', seq: 0, text, textOffset, reasoning, reasoningOffset }
}

describe('applyDelta', () => {
  it('appends text that starts where the answer ends', () => {
    expect(applyDelta({ text: '', reasoning: '' }, delta('Hello', 0))).toEqual({ text: 'Hello', reasoning: '' })
    expect(applyDelta({ text: 'Hello', reasoning: '' }, delta(' world', 5))).toEqual({ text: 'Hello world', reasoning: '' })
  })

  it('appends reasoning independently of text', () => {
    const next = applyDelta({ text: 'A', reasoning: 'think' }, delta('B', 1, 'ing', 5))
    expect(next).toEqual({ text: 'AB', reasoning: 'thinking' })
  })

  it('overwrites from an earlier offset (a snapshot that was ahead of the stream)', () => {
    expect(applyDelta({ text: 'Hello wor', reasoning: '' }, delta('world!', 6))).toEqual({ text: 'Hello world!', reasoning: '' })
    expect(applyDelta({ text: 'Hello world', reasoning: '' }, delta('there', 6))).toEqual({ text: 'Hello there', reasoning: '' })
  })

  it('returns null on a gap in the text', () => {
    expect(applyDelta({ text: 'Hello', reasoning: '' }, delta('world', 6))).toBeNull()
  })

  it('returns null on a gap in the reasoning', () => {
    expect(applyDelta({ text: 'Hello', reasoning: 'ab' }, delta('', 5, 'cd', 3))).toBeNull()
  })

  it('does not change the answer it is given', () => {
    const current = { text: 'Hello', reasoning: '' }
    applyDelta(current, delta(' world', 5))
    expect(current).toEqual({ text: 'Hello', reasoning: '' })
  })
})
