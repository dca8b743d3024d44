import { lineStarts } from './blocks'

/**
 * The fast path for a code block that is still open at the end of the
 * text, the usual state while a model writes code. Its content is the raw
 * text after the opening line (markdown-it strips nothing from a fence that
 * starts at column 0), so new text is appended to the existing text node:
 * no re-parse, no re-highlight, no sanitizing (a text node is inert).
 * Highlighting happens once, when the fence closes or the answer ends.
 */

export interface FenceMarker {
  char: string
  length: number
}

export interface OpenFence {
  marker: FenceMarker
  startLine: number
  code: Element
  text: Text | null
  /** Offset in the full text up to which the code element shows the content. */
  renderedEnd: number
}

export interface LinePosition {
  lastLine: number
  lastLineStart: number
}

// markdown-it's rule: up to 3 spaces (a tab already counts as 4), the marker run, then only spaces and tabs.
const CLOSING_FENCE = / {0,3}(`+|~+)[ \t]*(?:\r|\n|$)/y
const CR = 13

export function isClosingFence(text: string, lineStart: number, marker: FenceMarker): boolean {
  CLOSING_FENCE.lastIndex = lineStart
  const run = CLOSING_FENCE.exec(text)?.[1]
  return run !== undefined && run[0] === marker.char && run.length >= marker.length
}

/**
 * Where an open fence's content ends in markdown-it's eyes: a last line
 * holding only spaces and tabs is not a line to it yet (it has no "\n" and
 * nothing else), so it is left out until it does.
 */
export function renderableEnd(text: string, lastLineStart: number): number {
  for (let index = lastLineStart; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code !== 32 && code !== 9) return text.length
  }
  return lastLineStart
}

/**
 * Appends to the fence what `next` adds after the text last rendered, if
 * the fence provably stays open. Returns the new position of the last line,
 * or null when the caller must re-parse: the fence's first content line is
 * not complete yet (a table header needs the line after it, so the opening
 * line's meaning is not final), a line that could close it arrived, or a
 * "\r" makes line breaks ambiguous until the next character.
 */
export function extendOpenFence(fence: OpenFence, next: string, position: LinePosition): LinePosition | null {
  if (fence.startLine > position.lastLine - 2) return null
  const from = position.lastLineStart
  if (next.charCodeAt(from - 1) === CR || next.indexOf('\r', from) !== -1) return null
  const starts = lineStarts(next, from)
  if (starts.some((start) => isClosingFence(next, start, fence.marker))) return null
  const lastLineStart = starts[starts.length - 1] as number
  const end = renderableEnd(next, lastLineStart)
  if (end > fence.renderedEnd) {
    // markdown-it turns NUL into U+FFFD; the fast path must show what a full render would.
    const added = next.slice(fence.renderedEnd, end).replaceAll('\0', '\uFFFD')
    if (fence.text) fence.text.appendData(added)
    else fence.text = fence.code.appendChild(fence.code.ownerDocument.createTextNode(added))
    fence.renderedEnd = end
  }
  return { lastLine: position.lastLine + starts.length - 1, lastLineStart }
}
