import type { Session, WebContents, WebPreferences } from 'electron'
import { developmentCsp } from './content-security-policy'
import { isSafeExternalUrl } from './external-links'
import { originOf } from '../origin'

/** The renderer gets no Node, no network of its own and no <webview> (DESIGN §1.2). */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: true
  }
}

type HardenableSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> &
  Partial<Pick<Session, 'setDevicePermissionHandler'>>

/** A chat client needs no camera, location, notifications, USB, ...: refuse them all. */
export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler?.(() => false)
}

export interface WebContentsGuards {
  /** The only origin the window may show, e.g. `app://chofesh`. */
  allowedOrigin: string
  /** Opens a URL in the user's browser; called only for already-validated URLs. */
  openExternal: (url: string) => Promise<boolean>
}

/**
 * The window stays on our origin. A navigation the page starts by itself is
 * blocked and dropped, never turned into an external open: only explicit
 * link clicks and window.open (which the user sees as "open in browser")
 * reach the OS.
 */
export function hardenWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  { allowedOrigin, openExternal }: WebContentsGuards
): void {
  const allowed = originOf(allowedOrigin)
  const isAllowed = (url: string): boolean => allowed !== null && originOf(url) === allowed
  contents.on('will-navigate', (event) => {
    if (!isAllowed(event.url)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!isAllowed(event.url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) {
      openExternal(url).catch(() => false)
    }
    return { action: 'deny' }
  })
}

/**
 * In `electron-vite dev` the page comes from the Vite server, not from
 * app://, so the CSP header is added here. Only responses from that server
 * are touched.
 */
export function applyDevelopmentCsp(session: Pick<Session, 'webRequest'>, devServerOrigin: string): void {
  const origin = new URL(devServerOrigin).origin
  const policy = developmentCsp(origin)
  session.webRequest.onHeadersReceived({ urls: [`${origin}/*`] }, (details, callback) => {
    if (originOf(details.url) !== origin) {
      callback({})
      return
    }
    const headers: Record<string, string[]> = {}
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      // Drop any policy the server sent, so ours is the only one in force.
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value
    }
    headers['Content-Security-Policy'] = [policy]
    callback({ responseHeaders: headers })
  })
}
