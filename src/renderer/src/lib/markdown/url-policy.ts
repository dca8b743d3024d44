/**
 * Which URLs in model output may do what. Pure, so it is unit-tested in Node.
 * Main validates again before opening anything (`isSafeExternalUrl`): this
 * file only decides what the renderer shows and forwards.
 */

/** `external`: may be handed to main; `inert`: stays in the DOM but a click does nothing; `blocked`: removed. */
export type LinkKind = 'external' | 'inert' | 'blocked'

/** `remote`: shown as a click-to-load placeholder; `inline`: a raster data: image, shown; `blocked`: dropped. */
export type ImageKind = 'remote' | 'inline' | 'blocked'

const EXTERNAL_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:'])

// Raster only: an SVG is a document, and base64 keeps the payload opaque to tricks with quotes and spaces.
const INLINE_IMAGE = /^data:image\/(?:png|gif|jpeg|webp);base64,[a-z0-9+/=\s]*$/i

function parseAbsolute(value: string): URL | null {
  try {
    return new URL(value)
  } catch {
    return null
  }
}

export function classifyLink(href: string): LinkKind {
  const url = parseAbsolute(href)
  // No scheme at all (`page`, `#top`, `?q`, `//host`): nothing in this app resolves it, so it is harmless and inert.
  if (!url) return /^[a-z][a-z0-9+.-]*:/i.test(href.trim()) ? 'blocked' : 'inert'
  if (!EXTERNAL_PROTOCOLS.has(url.protocol)) return 'blocked'
  if (url.protocol !== 'mailto:' && url.hostname === '') return 'blocked'
  return 'external'
}

/** The normalized URL to hand to main for an `external` link, else null. */
export function externalUrl(href: string): string | null {
  return classifyLink(href) === 'external' ? (parseAbsolute(href)?.href ?? null) : null
}

export function classifyImage(src: string): ImageKind {
  const url = parseAbsolute(src)
  if (!url) return 'blocked'
  if (url.protocol === 'https:' || url.protocol === 'http:') return url.hostname === '' ? 'blocked' : 'remote'
  return INLINE_IMAGE.test(src.trim()) ? 'inline' : 'blocked'
}

/** The host a remote image would be fetched from, as the user should read it (punycode, so look-alikes show). */
export function imageHost(src: string): string {
  return parseAbsolute(src)?.host ?? ''
}
