import { join } from 'node:path'
import { app, BrowserWindow, ipcMain, nativeTheme, protocol, session, shell } from 'electron'
import { createAppCore, type AppCore } from './app-core'
import { bindRouterToIpc, trustedContentsIds } from './ipc/electron-binding'
import { createSenderPolicy } from './ipc/sender-policy'
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './windows/app-protocol'
import { openExternalSafely } from './windows/external-links'
import { createMainWindow } from './windows/main-window'
import { applyDevelopmentCsp, hardenSession } from './windows/security-policy'
import { claimSingleInstance } from './windows/single-instance'

/**
 * Composition root: the only place that knows about every service. Each
 * service gets its dependencies from here; nothing reaches them through globals.
 */

// Set by `electron-vite dev`: the renderer then comes from Vite's dev server.
const devServerUrl = process.env['ELECTRON_RENDERER_URL']
const rendererOrigin = devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN
const rendererUrl = devServerUrl ?? `${APP_ORIGIN}/index.html`

let core: AppCore | null = null
let mainWindow: BrowserWindow | null = null

const openExternal = (url: string): Promise<boolean> => openExternalSafely(shell, url)

/** The theme the page will paint, so the window frame matches it from the first frame. */
function prefersDark(): boolean {
  const theme = core?.store?.settings.read().theme ?? 'system'
  return theme === 'dark' || (theme === 'system' && nativeTheme.shouldUseDarkColors)
}

function showMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow({
      BrowserWindow,
      preloadPath: join(__dirname, '../preload/index.js'),
      rendererUrl,
      openExternal,
      allowedOrigin: rendererOrigin,
      prefersDark: prefersDark()
    })
    return
  }
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
}

registerAppScheme(protocol)

if (claimSingleInstance(app, () => showMainWindow())) {
  void app.whenReady().then(() => {
    hardenSession(session.defaultSession)
    if (devServerUrl) applyDevelopmentCsp(session.defaultSession, rendererOrigin)
    else serveRenderer(protocol, join(__dirname, '../renderer'))

    core = createAppCore({
      version: app.getVersion(),
      dataDir: app.getPath('userData'),
      keychainService: 'Chofesh',
      isTrustedSender: createSenderPolicy({
        origins: [rendererOrigin],
        contentsIds: () => trustedContentsIds(BrowserWindow.getAllWindows())
      }),
      openExternal
    })
    bindRouterToIpc({
      ipcMain,
      router: core.router,
      bus: core.bus,
      webContentsOf: () => BrowserWindow.getAllWindows().map((window) => window.webContents)
    })
    showMainWindow()
    app.on('activate', showMainWindow)
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  // Stop running answers and let them be stored before the database closes.
  app.on('will-quit', (event) => {
    if (!core) return
    event.preventDefault()
    const closing = core
    core = null
    void closing.dispose().finally(() => app.quit())
  })
}
