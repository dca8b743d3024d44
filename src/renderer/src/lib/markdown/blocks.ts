import type { Token } from 'markdown-it'

/** A top-level block of a parse: its tokens and its lines `[startLine, endLine)` from the token map. */
export interface BlockSpan {
  startLine: number
  endLine: number
  tokens: Token[]
}

/**
 * Splits a token stream into its top-level blocks: a level-0 token that
 * opens (or is) a block, up to the level-0 token that closes it.
 */
export function topLevelBlocks(tokens: readonly Token[]): BlockSpan[] {
  const spans: BlockSpan[] = []
  let index = 0
  while (index < tokens.length) {
    const first = tokens[index] as Token
    let end = index
    if (first.nesting === 1) {
      end++
      while (end < tokens.length && !isTopLevelClose(tokens[end] as Token)) end++
    }
    const map = first.map
    // Every level-0 block token of markdown-it carries a map; one without is a plugin's doing and cannot be placed.
    if (!map) throw new Error(`top-level token ${first.type} has no source map`)
    spans.push({ startLine: map[0], endLine: map[1], tokens: tokens.slice(index, end + 1) })
    index = end + 1
  }
  return spans
}

function isTopLevelClose(token: Token): boolean {
  return token.level === 0 && token.nesting === -1
}

// The line breaks markdown-it normalizes to "\n" (its own rule), so line numbers agree with its maps.
const LINE_BREAK = /\r\n?|\n/g

/** Offsets at which each line of `text` starts, from `from` on (the first entry is `from`). */
export function lineStarts(text: string, from = 0): number[] {
  const starts = [from]
  LINE_BREAK.lastIndex = from
  for (let match = LINE_BREAK.exec(text); match; match = LINE_BREAK.exec(text)) {
    starts.push(match.index + match[0].length)
  }
  return starts
}

export interface BlockStart {
  startLine: number
  startOffset: number
}

/**
 * Index of the block to re-parse from after text was appended, or -1 for
 * "from the start". A block boundary of markdown-it depends on the line it
 * is on and at most the next one (a table header needs its delimiter row),
 * so every boundary at or before `lastLine - 2` is final: only the last line
 * can still change, and the last block starting there is a safe place to
 * resume. The last block itself is safe sooner when it follows a blank line
 * and starts at column 0 with a character that cannot begin a list item:
 * after a blank line only a list (new item, indented continuation) or an
 * indented code block can continue, so the block before it is final.
 */
export function reparseIndex(blocks: readonly BlockStart[], lastLine: number, text: string): number {
  const last = blocks.length - 1
  if (last >= 0 && startsAfterFinalBlock(blocks[last] as BlockStart, text)) return last
  for (let index = last; index >= 0; index--) {
    if ((blocks[index] as BlockStart).startLine <= lastLine - 2) return index
  }
  return -1
}

// Spaces and tabs (indentation), list markers and digits (ordered list items) could all continue a list.
const MAY_CONTINUE = /[\s*+\-0-9]/

function startsAfterFinalBlock(block: BlockStart, text: string): boolean {
  if (block.startOffset === 0 || MAY_CONTINUE.test(text.charAt(block.startOffset))) return false
  // The line before must be blank: step over the break ending it ("\n", "\r" or "\r\n"), then over its spaces and tabs.
  const before = text.charCodeAt(block.startOffset - 1)
  if (before !== 10 && before !== 13) return false
  const crlf = before === 10 && text.charCodeAt(block.startOffset - 2) === 13
  for (let index = block.startOffset - (crlf ? 3 : 2); index >= 0; index--) {
    const code = text.charCodeAt(index)
    if (code === 10 || code === 13) return true
    if (code !== 32 && code !== 9) return false
  }
  return true
}
