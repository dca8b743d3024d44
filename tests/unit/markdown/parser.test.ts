import { describe, expect, it } from 'vitest'
import { markdown } from '../../../src/renderer/src/lib/markdown/parser'

const render = (text: string, plainFences = false) => markdown.render(text, { plainFences })

describe('markdown parser', () => {
  it('highlights a fence of a known language, escapes one of an unknown language', () => {
    expect(render('```js\nconst a = "<b>"\n```')).toBe(
      '<pre><code class="language-js"><span class="hljs-keyword">const</span> a = <span class="hljs-string">&quot;&lt;b&gt;&quot;</span>\n</code></pre>\n'
    )
    expect(render('```klingon\n<b>\n```')).toBe('<pre><code class="language-klingon">&lt;b&gt;\n</code></pre>\n')
  })

  it('leaves fences plain when asked (an open fence while streaming)', () => {
    expect(render('```js\nconst a = 1\n```', true)).toBe('<pre><code class="language-js">const a = 1\n</code></pre>\n')
  })

  it('turns table alignment into classes', () => {
    const html = render('| a | b | c |\n|:-|:-:|-:|\n| 1 | 2 | 3 |')
    expect(html).not.toContain('style=')
    expect(html).toContain('<th class="md-align-left">a</th>')
    expect(html).toContain('<td class="md-align-center">2</td>')
    expect(html).toContain('<td class="md-align-right">3</td>')
  })

  it('passes allowed raw HTML and shows the rest as text', () => {
    expect(render('a <kbd>b</kbd> <script>c</script>')).toBe('<p>a <kbd>b</kbd> &lt;script&gt;c&lt;/script&gt;</p>\n')
    expect(render('<script>\nalert(1)\n</script>')).toBe('<p>&lt;script&gt;<br>\nalert(1)<br>\n&lt;/script&gt;</p>\n')
  })

  it('links only URLs with a scheme', () => {
    expect(render('see main.py and https://example.com')).toBe('<p>see main.py and <a href="https://example.com">https://example.com</a></p>\n')
  })
})
