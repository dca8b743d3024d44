/**
 * The renderer's Content-Security-Policy. The renderer has no network of its
 * own (DESIGN §1.2): everything goes through the typed bridge, so it needs
 * nothing but its own scripts, styles, fonts and inline/blob images.
 */
const PRODUCTION_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  // Remote images are an exfiltration channel for model output: never allowed.
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'none'"],
  ['media-src', "'none'"],
  ['object-src', "'none'"],
  ['frame-src', "'none'"],
  ['worker-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"]
]

function serialize(directives: ReadonlyArray<readonly [string, string]>): string {
  return directives.map(([name, sources]) => `${name} ${sources}`).join('; ')
}

export const RENDERER_CSP = serialize(PRODUCTION_DIRECTIVES)

/**
 * The policy for `electron-vite dev` only: Vite serves modules and its HMR
 * client from the dev server, talks to it over a WebSocket, and injects
 * component styles as inline `<style>` tags. Scripts stay free of
 * 'unsafe-inline' and 'unsafe-eval' even here.
 */
export function developmentCsp(devServerOrigin: string): string {
  const url = new URL(devServerOrigin)
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`The dev server origin must be http(s), got ${url.protocol}`)
  }
  // URL#origin cannot contain spaces or semicolons, so it cannot inject directives.
  const origin = url.origin
  const socket = `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`
  const extra: Record<string, string> = {
    'script-src': `'self' ${origin}`,
    'style-src': `'self' ${origin} 'unsafe-inline'`,
    'img-src': `'self' data: blob: ${origin}`,
    'font-src': `'self' data: ${origin}`,
    'connect-src': `${origin} ${socket}`
  }
  return serialize(PRODUCTION_DIRECTIVES.map(([name, sources]) => [name, extra[name] ?? sources] as const))
}
