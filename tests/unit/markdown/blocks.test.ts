import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { lineStarts, reparseIndex, topLevelBlocks } from '../../../src/renderer/src/lib/markdown/blocks'

const md = new MarkdownIt('default')

describe('topLevelBlocks', () => {
  it('groups the tokens of each top-level block with its line span', () => {
    const spans = topLevelBlocks(md.parse('# Title\n\n- a\n- b\n\n> quote\n> more\n\n```js\nx\n```\n\n---\n', {}))
    expect(spans.map((span) => [span.tokens[0]?.type, span.startLine, span.endLine])).toEqual([
      ['heading_open', 0, 1],
      // markdown-it counts the blank line after a list as part of it.
      ['bullet_list_open', 2, 5],
      ['blockquote_open', 5, 7],
      ['fence', 8, 11],
      ['hr', 12, 13]
    ])
    expect(spans[1]?.tokens.at(-1)?.type).toBe('bullet_list_close')
  })

  it('keeps nested blocks of the same kind inside their parent', () => {
    const spans = topLevelBlocks(md.parse('> > inner\n> outer\n\nafter\n', {}))
    expect(spans).toHaveLength(2)
    expect(spans[0]?.tokens.filter((token) => token.type === 'blockquote_close')).toHaveLength(2)
  })
})

describe('lineStarts', () => {
  it('counts line breaks the way markdown-it normalizes them', () => {
    expect(lineStarts('a\nb\r\nc\rd')).toEqual([0, 2, 5, 7])
    expect(lineStarts('a\n')).toEqual([0, 2])
    expect(lineStarts('')).toEqual([0])
  })

  it('starts where it is told to', () => {
    expect(lineStarts('ab\ncd\nef', 4)).toEqual([4, 6])
  })
})

describe('reparseIndex', () => {
  // Lines 0-9; the blocks stand for a list, paragraphs, and a line right under the third (no blank line between).
  const text = '- a\n- b\n\npara\ngraph\n\n\nthird\nfourth\nlast'
  const blocks = [
    { startLine: 0, startOffset: 0 },
    { startLine: 3, startOffset: 9 },
    { startLine: 7, startOffset: 22 },
    { startLine: 8, startOffset: 28 }
  ]

  it('resumes at the last block starting two lines or more before the last line', () => {
    expect(reparseIndex(blocks, 9, text)).toBe(2)
    expect(reparseIndex(blocks, 10, text)).toBe(3)
    expect(reparseIndex(blocks, 8, text)).toBe(1)
  })

  it('starts over when no block is that far back', () => {
    expect(reparseIndex(blocks, 1, text)).toBe(-1)
    expect(reparseIndex([], 5, text)).toBe(-1)
  })

  it('resumes at the last block when a blank line makes the one before final', () => {
    const answer = '| a |\n|---|\n| 1 |\n\nNew paragraph'
    expect(reparseIndex([{ startLine: 0, startOffset: 0 }, { startLine: 4, startOffset: 19 }], 4, answer)).toBe(1)
    expect(reparseIndex([{ startLine: 0, startOffset: 0 }, { startLine: 4, startOffset: 23 }], 4, answer.replaceAll('\n', '\r\n'))).toBe(1)
  })

  it('does not when the last block could still join a list, or no blank line precedes it', () => {
    const starts = (answer: string) => [{ startLine: 0, startOffset: 0 }, { startLine: 3, startOffset: answer.lastIndexOf('\n') + 1 }]
    for (const answer of ['- a\n- b\n\n- c', '1. a\n2. b\n\n3', '- a\n- b\n\n  more', '- a\n- b\n\n*']) {
      expect(reparseIndex(starts(answer), 3, answer)).toBe(0)
    }
    const noBlank = 'para\nline\n***\nx'
    expect(reparseIndex(starts(noBlank), 3, noBlank)).toBe(0)
  })
})
