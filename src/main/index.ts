import { join } from 'node:path'
import {
  app,
  BrowserWindow,
  clipboard,
  globalShortcut,
  ipcMain,
  Menu,
  nativeImage,
  nativeTheme,
  protocol,
  screen,
  session,
  shell,
  Tray
} from 'electron'
import { DEFAULT_SETTINGS } from '../shared/domain'
import { createAppCore, type AppCore } from './app-core'
import { bindRouterToIpc, trustedContentsIds } from './ipc/electron-binding'
import { createSenderPolicy } from './ipc/sender-policy'
import { parseLaunchArguments } from './quick-ask/arguments'
import { createHotkeyService, type HotkeyService } from './quick-ask/hotkey'
import { installQuitPolicy } from './quick-ask/lifecycle'
import { createShortcutControl } from './quick-ask/shortcut-control'
import { buildAppMenu } from './windows/app-menu'
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './windows/app-protocol'
import { openExternalSafely } from './windows/external-links'
import { createMainWindow } from './windows/main-window'
import { createQuickAskWindow, type QuickAskWindow } from './windows/quick-ask-window'
import { applyDevelopmentCsp, hardenSession } from './windows/security-policy'
import { claimSingleInstance } from './windows/single-instance'
import { createTray } from './windows/tray'

/**
 * Composition root: the only place that knows about every service. Each
 * service gets its dependencies from here; nothing reaches them through globals.
 */

// Set by `electron-vite dev`: the renderer then comes from Vite's dev server.
const devServerUrl = process.env['ELECTRON_RENDERER_URL']
const rendererOrigin = devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN
const rendererUrl = devServerUrl ?? `${APP_ORIGIN}/index.html`
const preloadPath = join(__dirname, '../preload/index.js')

let core: AppCore | null = null
let mainWindow: BrowserWindow | null = null
let quickAsk: QuickAskWindow | null = null
let hotkey: HotkeyService | null = null
// Held for the app's lifetime: a collected Tray takes its icon with it.
let tray: Tray | null = null

const openExternal = (url: string): Promise<boolean> => openExternalSafely(shell, url)
const quitPolicy = installQuitPolicy({ app, platform: process.platform, hasTray: () => tray !== null })

/** The theme the page will paint, so the window frame matches it from the first frame. */
function prefersDark(): boolean {
  const theme = core?.store?.settings.read().theme ?? 'system'
  return theme === 'dark' || (theme === 'system' && nativeTheme.shouldUseDarkColors)
}

function showMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow({
      BrowserWindow,
      preloadPath,
      rendererUrl,
      openExternal,
      allowedOrigin: rendererOrigin,
      prefersDark: prefersDark()
    })
    // The hidden quick-ask window keeps `window-all-closed` from firing.
    mainWindow.on('closed', () => quitPolicy.mainWindowClosed())
    return
  }
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
}

function newChat(): void {
  showMainWindow()
  core?.bus.emit('conversations:new', {})
}

/** The tray icon ships next to the app (electron-builder extraResources); in development it is in resources/. */
function trayIconPath(): string {
  return app.isPackaged ? join(process.resourcesPath, 'icon.png') : join(app.getAppPath(), 'resources', 'icon.png')
}

registerAppScheme(protocol)

const onLaunch = (argv: string[]): void => {
  if (parseLaunchArguments(argv).quickAsk) quickAsk?.show()
  else showMainWindow()
}

if (claimSingleInstance(app, onLaunch)) {
  void app.whenReady().then(() => {
    hardenSession(session.defaultSession)
    if (devServerUrl) applyDevelopmentCsp(session.defaultSession, rendererOrigin)
    else serveRenderer(protocol, join(__dirname, '../renderer'))

    hotkey = createHotkeyService({ globalShortcut, onTrigger: () => quickAsk?.toggle() })
    const shortcut = createShortcutControl(hotkey)
    core = createAppCore({
      version: app.getVersion(),
      dataDir: app.getPath('userData'),
      keychainService: 'Chofesh',
      isTrustedSender: createSenderPolicy({
        origins: [rendererOrigin],
        contentsIds: () => trustedContentsIds(BrowserWindow.getAllWindows())
      }),
      openExternal,
      windows: { hideQuickAsk: () => quickAsk?.hide(), showMain: showMainWindow },
      shortcut,
      writeClipboard: (text) => clipboard.writeText(text)
    })
    const bus = core.bus
    bindRouterToIpc({
      ipcMain,
      router: core.router,
      bus,
      webContentsOf: () => BrowserWindow.getAllWindows().map((window) => window.webContents)
    })

    quickAsk = createQuickAskWindow({
      BrowserWindow,
      screen,
      app,
      preloadPath,
      rendererUrl,
      allowedOrigin: rendererOrigin,
      openExternal,
      onShown: () => bus.emit('quick-ask:shown', {})
    })
    shortcut.apply(core.store?.settings.read().quickAskShortcut ?? DEFAULT_SETTINGS.quickAskShortcut)

    const isMac = process.platform === 'darwin'
    Menu.setApplicationMenu(
      buildAppMenu({ Menu, isMac, devTools: Boolean(devServerUrl), actions: { newChat, quickAsk: () => quickAsk?.show() } })
    )
    try {
      tray = createTray({
        Tray,
        Menu,
        nativeImage,
        iconPath: trayIconPath(),
        actions: { quickAsk: () => quickAsk?.show(), newChat, showMain: showMainWindow, quit: () => app.quit() }
      })
    } catch (error) {
      // No tray is not fatal: the quit policy then quits when the main window closes.
      console.error('Chofesh: no tray icon.', error)
    }

    // `chofesh --quick-ask` as the first launch opens only the quick-ask window, once painted.
    if (parseLaunchArguments(process.argv).quickAsk) {
      const window = quickAsk.window
      window.once('ready-to-show', () => quickAsk?.show())
    } else {
      showMainWindow()
    }
    app.on('activate', showMainWindow)
  })

  // Stop running answers and let them be stored before the database closes.
  app.on('will-quit', (event) => {
    hotkey?.dispose()
    if (!core) return
    event.preventDefault()
    const closing = core
    core = null
    void closing.dispose().finally(() => app.quit())
  })
}
