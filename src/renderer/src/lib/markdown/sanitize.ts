import createDOMPurify from 'dompurify'

/**
 * The only tags model output may produce. Everything a markdown answer
 * needs, plus the harmless inline HTML models like to write (`<br>` in
 * tables, `<sub>`, `<kbd>`, `<details>`). Deliberately absent: script,
 * style, iframe/object/embed, form controls, svg/math (namespace tricks),
 * picture/source/video/audio (more ways to fetch), link/meta/base.
 */
export const ALLOWED_TAGS: readonly string[] = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'code', 'dd', 'del', 'details', 'div', 'dl', 'dt', 'em',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q',
  's', 'samp', 'small', 'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'u', 'ul', 'var'
]

// No style (exfiltration through url(), and the CSP would refuse it anyway), no id/name (DOM clobbering), no data-*/aria-* (our own UI uses those).
const ALLOWED_ATTR = ['href', 'src', 'alt', 'title', 'class', 'start', 'colspan', 'rowspan', 'open']

// Absolute http(s)/mailto, or no scheme at all; the finer policy is url-policy.ts, applied after.
const ALLOWED_URI_REGEXP = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.:-]|$))/i

// Classes only for what we style: highlight.js scopes, the fence language, table alignment.
const ALLOWED_CLASS = /^(?:hljs-[\w-]+|[a-z]+_{1,2}|language-\S+|md-align-(?:left|center|right))$/

const CONFIG = {
  ALLOWED_TAGS: [...ALLOWED_TAGS],
  ALLOWED_ATTR,
  ALLOWED_URI_REGEXP,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  RETURN_DOM_FRAGMENT: true
} as const

// A private instance, so our hook never touches another user of DOMPurify.
const purify = createDOMPurify(window)
purify.addHook('uponSanitizeAttribute', (_node, event) => {
  if (event.attrName !== 'class') return
  event.attrValue = event.attrValue
    .split(/\s+/)
    .filter((name) => ALLOWED_CLASS.test(name))
    .join(' ')
  if (event.attrValue === '') event.keepAttr = false
})

/**
 * Sanitizes one block's HTML into a fragment of DOMPurify's inert document:
 * nothing in it runs or loads until it is inserted into the page, which
 * gives decorate.ts the chance to swap remote images for placeholders first.
 */
export function sanitizeToFragment(html: string): DocumentFragment {
  return purify.sanitize(html, CONFIG)
}
