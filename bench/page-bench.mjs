// Functions that run inside the benchmark page (page.evaluate serializes them: keep them self-contained).

/** Streams `text` in `step`-character deltas through the engine: milliseconds spent in update() and finish(). */
export function measureIncremental({ text, step }) {
  const { document, performance, ChofeshMarkdownBench: engine } = globalThis
  const container = document.createElement('div')
  document.body.append(container)
  const view = engine.createMarkdownView(container, { onLinkClick() {} })
  // One clock around the whole loop: per-call readings would drown in the timer's coarse resolution.
  const start = performance.now()
  for (let end = Math.min(step, text.length); ; end = Math.min(end + step, text.length)) {
    view.update(text.slice(0, end))
    if (end >= text.length) break
  }
  view.finish()
  const total = performance.now() - start
  view.destroy()
  container.remove()
  return total
}

/**
 * The naive approach on the deltas at `ends` (the prefix lengths), each
 * re-rendering the whole prefix: milliseconds in all.
 */
export function measureNaive({ text, ends }) {
  const { document, performance, ChofeshMarkdownBench: engine } = globalThis
  const container = document.createElement('div')
  document.body.append(container)
  const start = performance.now()
  for (const end of ends) engine.renderNaive(container, text.slice(0, end))
  const total = performance.now() - start
  container.remove()
  return total
}
