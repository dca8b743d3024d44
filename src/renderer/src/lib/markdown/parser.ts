import MarkdownIt, { type Env, type StateCore, type Token } from 'markdown-it'
import { highlightCode } from './highlight'
import { passesRawHtml } from './raw-html'

export interface RenderEnv extends Env {
  /** Render fences as escaped text without highlighting (an open fence while streaming). */
  plainFences?: boolean
}

/**
 * markdown-it configured for answers: the default preset (CommonMark plus
 * tables and strikethrough), raw HTML on (then sanitized block by block),
 * links only with an explicit scheme (no guessing that "main.py" is a
 * website), no typographic replacements (they would alter code-like text).
 */
export const markdown = new MarkdownIt('default', { html: true, linkify: true, typographer: false })
markdown.linkify.set({ fuzzyLink: false, fuzzyEmail: false })
markdown.core.ruler.after('block', 'md_align_classes', alignWithClasses)

const { escapeHtml, unescapeAll } = markdown.utils

markdown.renderer.rules.fence = (tokens, index, _options, env) => {
  const token = tokens[index] as Token
  const language = unescapeAll(token.info).trim().split(/\s+/)[0] ?? ''
  const highlighted = (env as RenderEnv | undefined)?.plainFences ? null : highlightCode(token.content, language)
  const languageClass = language ? ` class="language-${escapeHtml(language)}"` : ''
  return `<pre><code${languageClass}>${highlighted ?? escapeHtml(token.content)}</code></pre>\n`
}

markdown.renderer.rules.html_inline = (tokens, index) => {
  const html = (tokens[index] as Token).content
  return passesRawHtml(html) ? html : escapeHtml(html)
}

markdown.renderer.rules.html_block = (tokens, index) => {
  const html = (tokens[index] as Token).content
  if (passesRawHtml(html)) return html
  const lines = escapeHtml(html.replace(/\n+$/, '')).replaceAll('\n', '<br>\n')
  return `<p>${lines}</p>\n`
}

/**
 * Table alignment arrives as `style="text-align:…"`, which the sanitizer
 * drops (and the CSP would refuse): carry it as a class instead.
 */
function alignWithClasses(state: StateCore): void {
  for (const token of state.tokens) {
    if (token.type !== 'th_open' && token.type !== 'td_open') continue
    const align = /^text-align:(left|center|right)$/.exec(String(token.attrGet('style') ?? ''))?.[1]
    if (!align) continue
    token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style')
    token.attrJoin('class', `md-align-${align}`)
  }
}
