import createDOMPurify, { type Config } from 'dompurify'
import { ALLOWED_TAGS } from './allowed-tags'

// No style (exfiltration through url(), and the CSP would refuse it anyway), no id/name (DOM clobbering), no data-*/aria-* (our own UI uses those).
const ALLOWED_ATTR = ['href', 'src', 'alt', 'title', 'class', 'start', 'colspan', 'rowspan', 'open']

// Absolute http(s)/mailto, or no scheme at all; the finer policy is url-policy.ts, applied after.
const ALLOWED_URI_REGEXP = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.:-]|$))/i

// Classes only for what we style: highlight.js scopes, the fence language, table alignment.
const ALLOWED_CLASS = /^(?:hljs-[\w-]+|[a-z]+_{1,2}|language-\S+|md-align-(?:left|center|right))$/

const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  ALLOWED_TAGS: [...ALLOWED_TAGS],
  ALLOWED_ATTR,
  ALLOWED_URI_REGEXP,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  RETURN_DOM_FRAGMENT: true
}

// A private instance, so our configuration and hook never touch another user of DOMPurify.
const purify = createDOMPurify(window)
// Set once: DOMPurify then ignores the per-call argument instead of rebuilding the configuration on every delta.
purify.setConfig(CONFIG)
purify.addHook('uponSanitizeAttribute', (_node, event) => {
  if (event.attrName !== 'class') return
  event.attrValue = event.attrValue
    .split(/\s+/)
    .filter((name) => ALLOWED_CLASS.test(name))
    .join(' ')
  if (event.attrValue === '') event.keepAttr = false
})

/**
 * Sanitizes one block's HTML into a fragment of DOMPurify's inert document
 * (parsed by DOMParser, no browsing context): nothing in it runs or loads
 * until it is inserted into the page, which gives decorate.ts the chance to
 * swap remote images for placeholders first. The nodes are used as they
 * are, never serialized and parsed again (where mutation XSS lives).
 */
export function sanitizeToFragment(html: string): DocumentFragment {
  return purify.sanitize(html, CONFIG)
}
