// What the benchmark page gets: the engine, and the naive approach it is compared with.
import { markdown } from '../src/renderer/src/lib/markdown/parser.ts'
import { sanitizeToFragment } from '../src/renderer/src/lib/markdown/sanitize.ts'

export { createMarkdownView } from '../src/renderer/src/lib/markdown/index.ts'

/** Re-render the whole message: full markdown-it (same configuration), DOMPurify (same policy), replace the DOM. */
export function renderNaive(container, text) {
  container.replaceChildren(sanitizeToFragment(markdown.render(text)))
}
