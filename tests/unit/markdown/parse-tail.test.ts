import { describe, expect, it } from 'vitest'
import { reparseIndex } from '../../../src/renderer/src/lib/markdown/blocks'
import { NO_REFERENCES, parseTail, type ParsedBlock } from '../../../src/renderer/src/lib/markdown/parse-tail'
import { markdown } from '../../../src/renderer/src/lib/markdown/parser'
import { SPEC_EXAMPLES } from '../../e2e/markdown/answer-texts'
import { gfmDocuments } from '../../e2e/markdown/gfm-cases'

interface Placed {
  startLine: number
  startOffset: number
  endOffset: number
  html: string
}

const place = (block: ParsedBlock): Placed => ({
  startLine: block.startLine,
  startOffset: block.startOffset,
  endOffset: block.endOffset,
  html: markdown.renderer.render(block.tokens, markdown.options, {})
})

/**
 * The claim the engine rests on, without any DOM: after each delta,
 * the kept blocks plus a parse of the tail from reparseIndex equal a parse
 * of the whole prefix. Returns the first prefix length where they differ.
 */
function firstDivergence(text: string, step: number): number | null {
  let blocks: Placed[] = []
  let lastLine = 0
  let references = false
  for (let end = Math.min(step, text.length); ; end = Math.min(end + step, text.length)) {
    const prefix = text.slice(0, end)
    const from = references ? -1 : reparseIndex(blocks, lastLine, prefix)
    const base = from >= 0 ? blocks[from] : undefined
    let tail = parseTail(prefix, base?.startLine ?? 0, base?.startOffset ?? 0)
    let kept = blocks.slice(0, Math.max(from, 0))
    if (base && tail.referencesKey !== NO_REFERENCES) {
      tail = parseTail(prefix, 0, 0)
      kept = []
    }
    blocks = [...kept, ...tail.blocks.map(place)]
    references = tail.referencesKey !== NO_REFERENCES
    lastLine = tail.lastLine
    if (JSON.stringify(blocks) !== JSON.stringify(parseTail(prefix, 0, 0).blocks.map(place))) return end
    if (end >= text.length) return null
  }
}

describe('parsing only the tail', () => {
  it('matches a full parse after every character of every CommonMark example', () => {
    const diverging = SPEC_EXAMPLES.filter((example) => firstDivergence(example.markdown, 1) !== null)
    expect(diverging.map((example) => example.number)).toEqual([])
  })

  it('matches a full parse for random GFM and chat-style documents', () => {
    const diverging = gfmDocuments(150, 11).filter(({ text, step }) => firstDivergence(text, step) !== null)
    expect(diverging).toEqual([])
  })

  it('places blocks in full-text lines and offsets', () => {
    const text = 'intro\n\n# Heading\n\nbody text\n'
    const tail = parseTail(text, 2, 7)
    expect(tail.blocks.map(({ startLine, startOffset, endOffset }) => [startLine, startOffset, endOffset])).toEqual([
      [2, 7, 17],
      [4, 18, 28]
    ])
    expect([tail.lastLine, tail.lastLineStart]).toEqual([5, 28])
  })

  it('reports link reference definitions and open fences', () => {
    expect(parseTail('[a]: https://example.com\n\n[a]', 0, 0).referencesKey).not.toBe(NO_REFERENCES)
    expect(parseTail('```js\ncode\n', 0, 0).blocks[0]?.openFence).toEqual({ char: '`', length: 3 })
    expect(parseTail('```js\ncode\n```', 0, 0).blocks[0]?.openFence).toBeNull()
  })
})
