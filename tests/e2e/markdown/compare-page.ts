import type { HarnessWindow } from './page-types'

export interface Mismatch {
  index: number
  /** Length of the prefix at which the DOMs differed. */
  at: number
  /** Whether finish() had been called on both. */
  finished: boolean
  streamed: string
  oneShot: string
}

/** Where each delta of `text` ends, for deltas of `step` characters. */
export function deltaEnds(text: string, step: number): number[] {
  const ends: number[] = []
  for (let end = step; end < text.length; end += step) ends.push(end)
  ends.push(text.length)
  return ends
}

/** Where each delta ends when the text streams as these pieces. */
export function pieceEnds(pieces: readonly string[]): number[] {
  let end = 0
  return pieces.map((piece) => (end += piece.length))
}

/**
 * Runs in the page (self-contained): streams each text into one view, its
 * deltas ending at `ends[i]`, and after every delta renders the same prefix
 * from scratch into another; then finishes both. Returns the first
 * difference of each text, if any.
 */
export function compareStreamingInPage(args: { texts: string[]; ends: number[][] }): Mismatch[] {
  const win = globalThis as unknown as HarnessWindow
  const mismatches: Mismatch[] = []
  const streamedBox = win.document.createElement('div')
  const oneShotBox = win.document.createElement('div')
  win.document.body.append(streamedBox, oneShotBox)
  const ignoreLinks = { onLinkClick: () => undefined }
  args.texts.forEach((text, index) => {
    const streamed = win.ChofeshMarkdown.createMarkdownView(streamedBox, ignoreLinks)
    const oneShot = win.ChofeshMarkdown.createMarkdownView(oneShotBox, ignoreLinks)
    const differs = (at: number, finished: boolean): boolean => {
      if (streamedBox.innerHTML === oneShotBox.innerHTML) return false
      mismatches.push({ index, at, finished, streamed: streamedBox.innerHTML, oneShot: oneShotBox.innerHTML })
      return true
    }
    let differed = false
    for (const end of args.ends[index] ?? []) {
      streamed.update(text.slice(0, end))
      oneShot.replace(text.slice(0, end))
      differed = differs(end, false)
      if (differed) break
    }
    if (!differed) {
      streamed.finish()
      oneShot.finish()
      differs(text.length, true)
    }
    streamed.destroy()
    oneShot.destroy()
  })
  streamedBox.remove()
  oneShotBox.remove()
  return mismatches
}
