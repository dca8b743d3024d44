import { listenForActions, type MarkdownViewOptions } from './actions'
import { reparseIndex } from './blocks'
import { decorateFragment } from './decorate'
import { extendOpenFence, renderableEnd, type LinePosition, type OpenFence } from './open-fence'
import { NO_REFERENCES, parseTail, type ParsedBlock } from './parse-tail'
import { markdown, type RenderEnv } from './parser'
import { sanitizeToFragment } from './sanitize'

export interface MarkdownView {
  /**
   * Shows `text`. While an answer streams, pass the whole text so far each
   * time: when it continues the previous one only its tail is re-rendered.
   * Continuation is checked cheaply (length, beginning, the last line), not
   * character by character, since that would cost the whole text per delta;
   * a text that changed anywhere else must go through replace().
   */
  update(text: string): void
  /** Shows `text` from scratch. */
  replace(text: string): void
  /** The text is complete: a code block left open at its end gets highlighted too. */
  finish(): void
  destroy(): void
}

interface RenderedBlock {
  startLine: number
  startOffset: number
  endOffset: number
  /** An open fence is never reused: its content grows, and finish() re-renders it highlighted. */
  open: boolean
  nodes: ChildNode[]
}

// Enough to tell one answer from another in practice, cheap enough to check on every delta.
const HEAD_CHECK = 256

/** Renders markdown into `container`, which it owns: it removes and adds the children itself. */
export function createMarkdownView(container: HTMLElement, options: MarkdownViewOptions): MarkdownView {
  return new IncrementalView(container, options)
}

class IncrementalView implements MarkdownView {
  readonly #container: HTMLElement
  readonly #stopListening: () => void
  #text = ''
  #blocks: RenderedBlock[] = []
  #position: LinePosition = { lastLine: 0, lastLineStart: 0 }
  #openFence: OpenFence | null = null
  #referencesKey = NO_REFERENCES
  #finished = false

  constructor(container: HTMLElement, options: MarkdownViewOptions) {
    this.#container = container
    this.#stopListening = listenForActions(container, options)
    container.replaceChildren()
  }

  update(text: string): void {
    if (!this.#continues(text)) return this.replace(text)
    if (text.length === this.#text.length) return
    this.#finished = false
    const extended = this.#openFence && extendOpenFence(this.#openFence, text, this.#position)
    if (extended) {
      this.#text = text
      this.#position = extended
      return
    }
    // A link reference definition can change how any earlier block renders, so then the whole text is parsed again.
    const from = this.#referencesKey === NO_REFERENCES ? reparseIndex(this.#blocks, this.#position.lastLine, text) : -1
    this.#render(text, from)
  }

  replace(text: string): void {
    this.#reset()
    this.#render(text, -1)
  }

  finish(): void {
    if (this.#finished) return
    this.#finished = true
    if (!this.#blocks.at(-1)?.open) return
    this.#render(this.#text, this.#referencesKey === NO_REFERENCES ? this.#blocks.length - 1 : -1)
  }

  destroy(): void {
    this.#stopListening()
    this.#reset()
  }

  #continues(text: string): boolean {
    const previous = this.#text
    if (text.length < previous.length) return false
    return sameRange(text, previous, 0, Math.min(HEAD_CHECK, previous.length)) && sameRange(text, previous, this.#position.lastLineStart, previous.length)
  }

  /** Re-renders from block `from` (-1: everything), keeping the DOM of blocks whose source did not change. */
  #render(text: string, from: number): void {
    const base = from >= 0 ? this.#blocks[from] : undefined
    const parse = parseTail(text, base?.startLine ?? 0, base?.startOffset ?? 0)
    if (base && parse.referencesKey !== NO_REFERENCES) return this.#render(text, -1)
    const start = Math.max(from, 0)
    let kept = 0
    if (parse.referencesKey === this.#referencesKey) {
      while (kept < parse.blocks.length && isSameBlock(this.#blocks[start + kept], parse.blocks[kept] as ParsedBlock)) kept++
    }
    for (const stale of this.#blocks.splice(start + kept)) for (const node of stale.nodes) node.remove()
    this.#openFence = null
    for (const block of parse.blocks.slice(kept)) this.#blocks.push(this.#renderBlock(block, text, parse.lastLineStart))
    this.#text = text
    this.#position = { lastLine: parse.lastLine, lastLineStart: parse.lastLineStart }
    this.#referencesKey = parse.referencesKey
  }

  #renderBlock(block: ParsedBlock, text: string, lastLineStart: number): RenderedBlock {
    const plain = block.openFence !== null && !this.#finished
    const env: RenderEnv = { plainFences: plain }
    const fragment = sanitizeToFragment(markdown.renderer.render(block.tokens, markdown.options, env))
    decorateFragment(fragment)
    const code = plain ? fragment.querySelector('pre > code') : null
    const nodes = [...fragment.childNodes]
    this.#container.append(fragment)
    // The fast path needs the content to be the raw text, which holds for a fence at column 0 only.
    if (code && block.openFence && text.charAt(block.startOffset) === block.openFence.char) {
      const first = code.firstChild
      this.#openFence = {
        marker: block.openFence,
        startLine: block.startLine,
        code,
        text: first?.nodeType === Node.TEXT_NODE ? (first as Text) : null,
        renderedEnd: renderableEnd(text, lastLineStart)
      }
    }
    return { startLine: block.startLine, startOffset: block.startOffset, endOffset: block.endOffset, open: block.openFence !== null, nodes }
  }

  #reset(): void {
    this.#container.replaceChildren()
    this.#text = ''
    this.#blocks = []
    this.#position = { lastLine: 0, lastLineStart: 0 }
    this.#openFence = null
    this.#referencesKey = NO_REFERENCES
    this.#finished = false
  }
}

/** Same start and end in a text that only grew means the same source, hence the same tokens and HTML. */
function isSameBlock(old: RenderedBlock | undefined, next: ParsedBlock): boolean {
  return old !== undefined && !old.open && next.openFence === null && old.startOffset === next.startOffset && old.endOffset === next.endOffset
}

function sameRange(a: string, b: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    if (a.charCodeAt(index) !== b.charCodeAt(index)) return false
  }
  return true
}
