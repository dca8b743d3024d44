/**
 * Streaming, sanitized markdown for assistant messages.
 *
 * Libraries, and why:
 * - markdown-it: CommonMark-compliant, fast, maintained, with GFM tables and
 *   strikethrough built in, and typed. Its block tokens carry source line
 *   maps, which is what makes re-parsing only the tail of a growing answer
 *   possible.
 * - DOMPurify (Cure53): the reference HTML sanitizer, run by the browser's
 *   own parser, hardened against mutation XSS and tested against hundreds of
 *   vectors. Every fragment passes through it before it reaches the page,
 *   with a strict allowlist of tags and attributes (sanitize.ts).
 * - highlight.js core with 27 common languages registered (highlight.ts):
 *   escapes its input, runs synchronously, no auto-detection. The engine is
 *   about 310 KiB minified (100 KiB gzipped); all of highlight.js's
 *   languages would be several times that.
 *
 * How streaming stays proportional to the new text (markdown-view.ts):
 * - The answer is rendered as a sequence of top-level blocks, each its own
 *   sanitized fragment (so unbalanced HTML cannot leak across blocks; a
 *   one-shot render is built the same way, block by block).
 * - On each delta only the tail is parsed again, from a block whose start
 *   is final (blocks.ts): a markdown-it block boundary depends on its own
 *   line and at most the next one (a table header needs its delimiter row),
 *   so blocks starting two lines before the end are settled; and after a
 *   blank line only a list or an indented code block can continue, so a
 *   last block starting at column 0 with anything but a list marker or a
 *   digit is a safe start at once. Tail blocks whose source is unchanged
 *   keep their DOM; only the others are rendered and replaced.
 * - Exception: a link reference definition (`[x]: url`) changes how links
 *   anywhere else render. Once the text has one, each delta re-parses the
 *   whole text (still keeping the DOM of blocks whose source and whose
 *   definitions did not change). Models rarely write them; correctness first.
 * - A code block still open at the end (the usual case while a model writes
 *   code) is shown as plain text and grows by appending to its text node:
 *   no parse, no highlight, no sanitizing per delta (open-fence.ts). It is
 *   highlighted once, when its closing fence arrives or finish() is called.
 * - Limits: the fast path is for top-level fences starting at column 0; an
 *   open fence inside a list or a quote is re-rendered per delta like any
 *   last block, and a very long last block (a list or table of hundreds of
 *   rows, a paragraph without line breaks) costs its own length per delta.
 * The DOM after streaming equals the DOM of rendering the text in one go
 * (tests/e2e/markdown: every CommonMark example, the provider fixtures and
 * random GFM documents, compared after every delta).
 *
 * Safety (DESIGN §1.3), in depth: raw HTML outside the allowlist is shown
 * as the text it is (raw-html.ts); DOMPurify strips what is not allowed;
 * links keep only http(s)/mailto/relative targets, never navigate in place,
 * and reach the caller through onLinkClick; remote images become "Load
 * image from <host>" buttons before the fragment enters the page
 * (decorate.ts); the renderer's CSP blocks remote images anyway.
 */
export { createMarkdownView, type MarkdownView } from './markdown-view'
export type { MarkdownViewOptions } from './actions'
