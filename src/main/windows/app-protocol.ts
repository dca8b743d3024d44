import { readFile } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'
import type { Protocol } from 'electron'
import { RENDERER_CSP } from './content-security-policy'

export const APP_SCHEME = 'app'
export const APP_HOST = 'chofesh'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/**
 * Must run before the app is ready. `standard` gives app:// a real origin
 * (so sender checks and relative URLs work), `secure` makes it a secure
 * context. It deliberately does not get `bypassCSP`: our CSP must apply.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }
  ])
}

/**
 * Maps an app:// URL to a file inside rootDir, or null. Anything that looks
 * like an escape attempt is refused outright rather than normalized, because
 * a request for `..` never comes from our own bundle.
 */
export function resolveAppRequestPath(requestUrl: string, rootDir: string): string | null {
  // Check the raw text too: URL parsing silently folds `..` and `%2e%2e` away.
  const dotted = requestUrl.replace(/%2e/gi, '.')
  if (dotted.includes('..') || requestUrl.includes('\0') || /\\|%5c|%00/i.test(requestUrl)) return null
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) return null
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  // `:` would name a drive or an alternate data stream on Windows.
  if (path.includes('\0') || path.includes('\\') || path.includes(':') || path.includes('..')) return null
  if (path === '/' || path === '') path = '/index.html'
  const root = resolve(rootDir)
  const file = resolve(root, `.${path}`)
  return file.startsWith(root + sep) ? file : null
}

// Only what the renderer bundle contains; anything else is refused, not guessed.
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2'
}

function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': RENDERER_CSP,
    'X-Content-Type-Options': 'nosniff'
  }
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: securityHeaders('text/plain; charset=utf-8') })
}

/** Serves the built renderer from rootDir over app://chofesh, with our CSP on every response. */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: securityHeaders('text/plain; charset=utf-8') })
    }
    const file = resolveAppRequestPath(request.url, rootDir)
    const contentType = file === null ? undefined : CONTENT_TYPES[extname(file).toLowerCase()]
    if (file === null || contentType === undefined) return notFound()
    try {
      const body = await readFile(file)
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: securityHeaders(contentType)
      })
    } catch {
      return notFound()
    }
  })
}
