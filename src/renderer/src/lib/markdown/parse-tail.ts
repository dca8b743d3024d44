import type { Env, Token } from 'markdown-it'
import { lineStarts, topLevelBlocks, type BlockSpan } from './blocks'
import { isClosingFence, type FenceMarker } from './open-fence'
import { markdown } from './parser'

export const NO_REFERENCES = '{}'

/** A top-level block placed in the full text. */
export interface ParsedBlock {
  startLine: number
  startOffset: number
  /** Offset of the line after the block (or the end of the text): with startOffset, it pins the block's source. */
  endOffset: number
  tokens: Token[]
  /** Set when the block is a top-level fence not closed yet (it then runs to the end of the text). */
  openFence: FenceMarker | null
}

export interface TailParse {
  blocks: ParsedBlock[]
  /** The link reference definitions found, serialized: they change how other blocks render. */
  referencesKey: string
  lastLine: number
  lastLineStart: number
}

/**
 * Parses `text` from the block starting at `baseLine`/`baseOffset` to the
 * end. Only that tail is read, so the cost follows its length, not the
 * text's. Line numbers and offsets come back in full-text terms.
 */
export function parseTail(text: string, baseLine: number, baseOffset: number): TailParse {
  const source = text.slice(baseOffset)
  const env: Env = {}
  const tokens = markdown.parse(source, env)
  const starts = lineStarts(source)
  const blocks = topLevelBlocks(tokens).map((span) => ({
    startLine: baseLine + span.startLine,
    startOffset: baseOffset + (starts[span.startLine] as number),
    endOffset: baseOffset + (starts[span.endLine] ?? source.length),
    tokens: span.tokens,
    openFence: openFenceMarker(span, source, starts)
  }))
  return {
    blocks,
    referencesKey: JSON.stringify(env.references ?? {}),
    lastLine: baseLine + starts.length - 1,
    lastLineStart: baseOffset + (starts[starts.length - 1] as number)
  }
}

function openFenceMarker(span: BlockSpan, source: string, starts: readonly number[]): FenceMarker | null {
  const token = span.tokens[0]
  if (span.tokens.length !== 1 || token?.type !== 'fence') return null
  const marker = { char: token.markup.charAt(0), length: token.markup.length }
  // markdown-it keeps no "closed" flag: a closed fence's last line is its closing fence.
  const lastLine = span.endLine - 1
  const closed = lastLine > span.startLine && isClosingFence(source, starts[lastLine] as number, marker)
  return closed ? null : marker
}
