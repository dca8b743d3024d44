import type { BrowserWindow } from 'electron'
import { hardenWebContents, secureWebPreferences } from './security-policy'

export interface MainWindowDeps {
  BrowserWindow: typeof BrowserWindow
  preloadPath: string
  /** app://chofesh/index.html, or the Vite dev server in development. */
  rendererUrl: string
  openExternal: (url: string) => Promise<boolean>
  /** The origin rendererUrl belongs to; navigation anywhere else is blocked. */
  allowedOrigin: string
  /** Whether the OS uses a dark theme, so the frame matches the page before it paints. */
  prefersDark: boolean
}

// The renderer's --bg colours (styles.css), light and dark.
const BACKGROUND = { light: '#f7f7f8', dark: '#16181c' }

export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const window = new deps.BrowserWindow({
    width: 1100,
    height: 760,
    minWidth: 720,
    minHeight: 480,
    // Shown once painted, so the user never sees an empty frame.
    show: false,
    title: 'Chofesh',
    backgroundColor: deps.prefersDark ? BACKGROUND.dark : BACKGROUND.light,
    webPreferences: secureWebPreferences(deps.preloadPath)
  })
  // Guards go on before the first load so no navigation can slip past them.
  hardenWebContents(window.webContents, { allowedOrigin: deps.allowedOrigin, openExternal: deps.openExternal })
  window.once('ready-to-show', () => window.show())
  window.loadURL(deps.rendererUrl).catch((error: unknown) => {
    console.error('Chofesh: the main window failed to load its page.', error)
  })
  return window
}
