/**
 * Streaming, sanitized markdown for assistant messages.
 *
 * Libraries, and why:
 * - markdown-it: CommonMark-compliant, fast, maintained, with GFM tables and
 *   strikethrough built in. Its block tokens carry source line maps, which is
 *   what makes re-parsing only the tail of a growing answer possible.
 * - DOMPurify (Cure53): the reference HTML sanitizer, run by the browser's
 *   own parser, hardened against mutation XSS and tested against hundreds of
 *   vectors. Every fragment passes through it before it reaches the page,
 *   with a strict allowlist of tags and attributes (sanitize.ts).
 * - highlight.js core with a curated set of languages (highlight.ts): escapes
 *   its input, runs synchronously, no auto-detection; the core plus ~27
 *   languages stays a fraction of the full bundle.
 *
 * How streaming stays proportional to the new text (markdown-view.ts):
 * - The answer is rendered as a sequence of top-level blocks, each one its
 *   own sanitized fragment (so unbalanced HTML cannot leak across blocks).
 * - On each delta only the tail is parsed again: from the last block that
 *   starts at least two lines before the previous end. A markdown-it block
 *   boundary depends on its own line and at most the next one, so earlier
 *   boundaries are final. Blocks of the tail whose source is unchanged keep
 *   their DOM; only the others are replaced.
 * - Exception: a link reference definition (`[x]: url`) changes how links
 *   anywhere else render. Once the text has one, each delta re-parses the
 *   whole text (still reusing the DOM of blocks whose source and definitions
 *   did not change). Models rarely write them; correctness comes first.
 * - A code block still open at the end (the usual case while a model writes
 *   code) is shown as plain text and grows by appending to its text node:
 *   no parse, no highlight, no sanitizing per delta (open-fence.ts). It is
 *   highlighted once, when its closing fence arrives or finish() is called.
 *   Limits: only for fences at top level starting at column 0; an open fence
 *   inside a list or quote is re-rendered per delta like any other block, and
 *   so is the last block in general (a very long list or table costs its
 *   length per delta).
 * The DOM after streaming equals the DOM of rendering the text in one go:
 * tests/e2e/markdown checks this for every CommonMark spec example.
 *
 * Safety (DESIGN §1.3), in depth: raw HTML outside a small allowlist is
 * shown as text (raw-html.ts); DOMPurify strips the rest; links keep only
 * http(s)/mailto/relative targets, never navigate in place and reach the
 * caller through onLinkClick; remote images become "Load image from <host>"
 * buttons before the fragment enters the page (decorate.ts); the renderer's
 * CSP blocks remote images anyway.
 */
export { createMarkdownView, type MarkdownView } from './markdown-view'
export type { MarkdownViewOptions } from './actions'
