/**
 * Answers of the kind models write, beyond what the CommonMark examples
 * cover: GFM tables (whose header line needs the line after it, the one
 * look-ahead the incremental parse must respect), strikethrough, links,
 * raw HTML, long and odd code fences, CRLF, NUL, split surrogate pairs,
 * link reference definitions. Hand-written for these tests.
 */
export const GFM_PIECES: readonly string[] = [
  'Here is a comparison of the options:',
  '| Option | Speed | Notes |\n|:--|:-:|--:|\n| `a` | fast | uses <br> a cache |\n| b \\| c | slow | ~~old~~ |',
  'para line\n| a |\n|-x',
  'para line\n| a |\n|-|\n| 1 |',
  '| x | y |\n|---|---|\n| 1 | 2 |\nno blank line after the table',
  '```a|b\n-|-\ncode?\n```',
  '```python\ndef f(x):\n\treturn x * 2  # doubled\n```',
  '````md\n```\nnested fence\n```\n````',
  '~~~\ntilde fence\n~~~   ',
  '```js\nconst s = "open fence at the end"\n   ',
  '  ```\n  indented fence\n    more\n  ```',
  '- item one\n- item two\n  ```sh\n  echo inside a list\n  ```\n- item three',
  '1. first\n2. second\n\n   continued paragraph\n3. third',
  '3. three\n4. four',
  '* star item\n\n  its second paragraph',
  '12) twelve',
  '> quoted **bold**\nlazy continuation\n> - list in quote',
  'Title\n=====',
  'Sub title\n---',
  '***',
  'text ***x',
  'Visit https://example.com/path?q=1 or <https://example.org>.',
  'Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, then H<sub>2</sub>O and x<sup>2</sup>.',
  'Put it in a <script> tag, not in <style>.',
  '<details>\n<summary>More</summary>\n\nHidden *text*\n\n</details>',
  '<div>\nraw block\n</div>',
  'CRLF line one\r\nline two\r\n\r\n```\r\ncrlf code\r\n```',
  'nul \u0000 char and ```\ncode with \u0000 nul\n```',
  'emoji 😀 and 👩‍💻 split across deltas',
  '```\n😀 in an open fence, 👩‍💻 too\nnext line',
  'A [reference][ref] link and [another].\n\n[ref]: https://example.com/ref "Title"\n[another]: https://example.com/another',
  '![remote](https://example.com/cat.png) and ![inline](data:image/gif;base64,R0lGODlhAQABAAAAACw=)',
  '    indented code\n    block',
  'Final paragraph with `inline code` and *emphasis*.'
]

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// A single "\n" lets blocks interrupt each other (a table after a paragraph); "" glues them on one line.
const SEPARATORS = ['\n\n', '\n', '\n\n\n', '']

/** `count` documents of random pieces and separators, each with its own delta size (1 to 9). */
export function gfmDocuments(count: number, seed = 7): Array<{ text: string; step: number }> {
  const next = random(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T
  return Array.from({ length: count }, () => {
    const pieces = Array.from({ length: 4 + Math.floor(next() * 10) }, () => pick(GFM_PIECES))
    const text = pieces.reduce((joined, piece) => joined + pick(SEPARATORS) + piece)
    return { text, step: 1 + Math.floor(next() * 9) }
  })
}
