import type { App, BrowserWindow, Screen } from 'electron'
import { quickAskPosition } from './quick-ask-placement'
import { hardenWebContents, secureWebPreferences } from './security-policy'

export const QUICK_ASK_SIZE = { width: 640, height: 420 } as const

/** The renderer mounts the quick-ask app instead of the main one on this hash (renderer/src/main.ts). */
export const QUICK_ASK_HASH = 'quick-ask'

export function quickAskPageUrl(rendererUrl: string): string {
  const url = new URL(rendererUrl)
  url.hash = QUICK_ASK_HASH
  return url.href
}

export interface QuickAskWindowDeps {
  BrowserWindow: typeof BrowserWindow
  screen: Pick<Screen, 'getCursorScreenPoint' | 'getDisplayNearestPoint'>
  /** Closing only hides the window until the app quits; on macOS hiding hands focus back. */
  app: Pick<App, 'on' | 'hide'>
  preloadPath: string
  /** The same URL as the main window's (app://chofesh/index.html or the dev server); `#quick-ask` is added here. */
  rendererUrl: string
  /** The origin rendererUrl belongs to; navigation anywhere else is blocked. */
  allowedOrigin: string
  openExternal: (url: string) => Promise<boolean>
  /** Called each time the window is shown, so the page can focus its question box (`quick-ask:shown`). */
  onShown?: () => void
  /** Hide when the user clicks elsewhere, as launchers do. Default true. */
  hideOnBlur?: boolean
  platform?: NodeJS.Platform
}

export interface QuickAskWindow {
  /** The live window (a new one replaces it if it was ever destroyed). */
  readonly window: BrowserWindow
  show(): void
  /** Hides without destroying: an answer still streaming goes on in main and is stored. */
  hide(): void
  /** The hotkey: shows the window unless it is already in front of the user. */
  toggle(): void
}

/**
 * Created hidden at start-up, so the hotkey shows an already-painted page at
 * once instead of waiting for a window and a renderer to start.
 */
export function createQuickAskWindow(deps: QuickAskWindowDeps): QuickAskWindow {
  const platform = deps.platform ?? process.platform
  let quitting = false
  // macOS leaves the app active when its window hides; then the previous app should get focus back.
  let returnFocusOnHide = false
  deps.app.on('before-quit', () => {
    quitting = true
  })

  function hideWindow(window: BrowserWindow, returnFocus: boolean): void {
    if (window.isDestroyed() || !window.isVisible()) return
    window.hide()
    if (returnFocus && returnFocusOnHide) deps.app.hide()
    returnFocusOnHide = false
  }

  function hide(): void {
    hideWindow(current, true)
  }

  function build(): BrowserWindow {
    const window = new deps.BrowserWindow({
      ...QUICK_ASK_SIZE,
      show: false,
      frame: false,
      alwaysOnTop: true,
      skipTaskbar: true,
      resizable: false,
      minimizable: false,
      maximizable: false,
      fullscreenable: false,
      title: 'Chofesh quick ask',
      webPreferences: secureWebPreferences(deps.preloadPath)
    })
    // Guards go on before the first load so no navigation can slip past them.
    hardenWebContents(window.webContents, { allowedOrigin: deps.allowedOrigin, openExternal: deps.openExternal })
    // Alt+F4 or Cmd+W would destroy the page and its state; keep it for the next question.
    window.on('close', (event) => {
      if (quitting) return
      event.preventDefault()
      hideWindow(window, true)
    })
    if (deps.hideOnBlur ?? true) {
      window.on('blur', () => {
        // Focus already went where the user clicked; DevTools taking focus is not a dismissal.
        if (!window.webContents.isDevToolsOpened()) hideWindow(window, false)
      })
    }
    window.loadURL(quickAskPageUrl(deps.rendererUrl)).catch((error: unknown) => {
      console.error('Chofesh: the quick-ask window failed to load its page.', error)
    })
    return window
  }

  function show(): void {
    if (current.isDestroyed()) {
      if (quitting) return
      current = build()
    }
    const window = current
    if (!window.isVisible()) {
      returnFocusOnHide = platform === 'darwin' && deps.BrowserWindow.getFocusedWindow() === null
    }
    const display = deps.screen.getDisplayNearestPoint(deps.screen.getCursorScreenPoint())
    // setBounds with the size too: moving between displays of different scale factors can resize a window.
    window.setBounds({ ...quickAskPosition(display.workArea, QUICK_ASK_SIZE), ...QUICK_ASK_SIZE })
    window.show()
    window.focus()
    deps.onShown?.()
  }

  let current = build()

  return {
    get window() {
      return current
    },
    show,
    hide,
    toggle() {
      if (!current.isDestroyed() && current.isVisible() && current.isFocused()) hide()
      else show()
    }
  }
}
