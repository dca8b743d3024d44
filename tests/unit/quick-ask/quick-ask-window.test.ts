import { beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createQuickAskWindow,
  QUICK_ASK_SIZE,
  quickAskPageUrl,
  type QuickAskWindowDeps
} from '../../../src/main/windows/quick-ask-window'
import {
  asBrowserWindowClass,
  fakeApp,
  fakeScreen,
  FakeWindow,
  LEFT_DISPLAY,
  RIGHT_DISPLAY
} from './fake-quick-ask-deps'

// Importing the real `electron` package in Node tries to download its binary.
vi.mock('electron', () => ({}))

function create(overrides: Partial<QuickAskWindowDeps> = {}) {
  const screen = fakeScreen()
  const app = fakeApp()
  const onShown = vi.fn()
  const controller = createQuickAskWindow({
    BrowserWindow: asBrowserWindowClass(),
    screen: screen.asScreen(),
    app: app.asApp(),
    preloadPath: '/app/out/preload/index.js',
    rendererUrl: 'app://chofesh/index.html',
    allowedOrigin: 'app://chofesh',
    openExternal: vi.fn(async () => true),
    onShown,
    platform: 'linux',
    ...overrides
  })
  const window = FakeWindow.created.at(-1)
  if (window === undefined) throw new Error('no window created')
  return { controller, window, screen, app, onShown }
}

beforeEach(() => {
  FakeWindow.created = []
  FakeWindow.focused = null
})

describe('createQuickAskWindow', () => {
  it('is a small frameless always-on-top window, created hidden, out of the task bar', () => {
    const { window, controller } = create()
    expect(controller.window).toBe(window)
    expect(window.options).toMatchObject({
      width: 640,
      height: 420,
      show: false,
      frame: false,
      alwaysOnTop: true,
      skipTaskbar: true,
      resizable: false
    })
    expect(window.show).not.toHaveBeenCalled()
  })

  it('has the same sandboxed, isolated web preferences as the main window', () => {
    const prefs = create().window.options.webPreferences
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false
    })
  })

  it('loads the quick-ask page with the navigation guards already installed', () => {
    const { window } = create()
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('app://chofesh/index.html#quick-ask')
    const loadedAt = window.loadURL.mock.invocationCallOrder[0] ?? 0
    expect(window.web.contents.setWindowOpenHandler.mock.invocationCallOrder[0] ?? Infinity).toBeLessThan(loadedAt)
    expect(window.web.contents.on.mock.invocationCallOrder[0] ?? Infinity).toBeLessThan(loadedAt)
    expect(window.web.fire('will-navigate', 'https://evil.example/')).toBe(true)
    expect(window.web.fire('will-navigate', 'app://chofesh/index.html#quick-ask')).toBe(false)
    expect(window.web.fire('will-attach-webview', 'https://evil.example/')).toBe(true)
    expect(window.web.openWindow('https://example.com/')).toEqual({ action: 'deny' })
  })

  it('toggle shows and focuses the hidden window, tells the page, and hides it again', () => {
    const { controller, window, onShown } = create()
    controller.toggle()
    expect(window.isVisible()).toBe(true)
    expect(window.isFocused()).toBe(true)
    expect(onShown).toHaveBeenCalledOnce()
    controller.toggle()
    expect(window.isVisible()).toBe(false)
    expect(window.isDestroyed()).toBe(false)
    expect(onShown).toHaveBeenCalledOnce()
  })

  it('toggle brings a visible but unfocused window to the front instead of hiding it', () => {
    const { controller, window, onShown } = create({ hideOnBlur: false })
    controller.show()
    window.blur()
    expect(window.isVisible()).toBe(true)
    controller.toggle()
    expect(window.isVisible()).toBe(true)
    expect(window.isFocused()).toBe(true)
    expect(onShown).toHaveBeenCalledTimes(2)
  })

  it.each([
    ['left', { x: 300, y: 500 }, LEFT_DISPLAY],
    ['right', { x: 3000, y: 900 }, RIGHT_DISPLAY]
  ])('appears on the %s display when the cursor is there, centred and high', (_name, cursor, display) => {
    const { controller, window, screen } = create()
    screen.state.cursor = cursor
    controller.show()
    expect(screen.screen.getDisplayNearestPoint).toHaveBeenLastCalledWith(cursor)
    const { x, y, width, height } = window.bounds
    const area = display.workArea
    expect({ width, height }).toEqual(QUICK_ASK_SIZE)
    expect(x).toBeGreaterThanOrEqual(area.x)
    expect(y).toBeGreaterThanOrEqual(area.y)
    expect(x + width).toBeLessThanOrEqual(area.x + area.width)
    expect(y + height).toBeLessThanOrEqual(area.y + area.height)
    expect(Math.abs(x + width / 2 - (area.x + area.width / 2))).toBeLessThanOrEqual(1)
    // Its middle sits in the upper part of the screen, near the top third.
    expect(y + height / 2).toBeLessThan(area.y + area.height / 2)
    // Placed before it becomes visible, so it never flashes on the wrong display.
    expect(window.setBounds.mock.invocationCallOrder[0] ?? Infinity).toBeLessThan(window.show.mock.invocationCallOrder[0] ?? 0)
  })

  it('follows the cursor to another display the next time it is shown', () => {
    const { controller, window, screen } = create()
    controller.show()
    expect(window.bounds.x).toBeLessThan(1920)
    controller.hide()
    screen.state.cursor = { x: 2500, y: 100 }
    controller.show()
    expect(window.bounds.x).toBeGreaterThanOrEqual(1920)
  })

  it('hides when the user clicks elsewhere', () => {
    const { controller, window } = create()
    controller.show()
    window.blur()
    expect(window.isVisible()).toBe(false)
    expect(window.isDestroyed()).toBe(false)
  })

  it('stays up on blur when told to, or while DevTools have the focus', () => {
    const kept = create({ hideOnBlur: false })
    kept.controller.show()
    kept.window.blur()
    expect(kept.window.isVisible()).toBe(true)

    const debugging = create()
    debugging.controller.show()
    debugging.window.webContents.isDevToolsOpened.mockReturnValue(true)
    debugging.window.blur()
    expect(debugging.window.isVisible()).toBe(true)
  })

  it('Alt+F4 or Cmd+W hides the window and keeps its page; quitting really closes it', () => {
    const { controller, window, app } = create()
    controller.show()
    expect(window.close()).toBe(false)
    expect(window.isVisible()).toBe(false)
    expect(window.isDestroyed()).toBe(false)
    app.emit('before-quit', {})
    expect(window.close()).toBe(true)
    expect(window.isDestroyed()).toBe(true)
    // No new window while the app is quitting.
    controller.show()
    expect(FakeWindow.created).toHaveLength(1)
  })

  it('builds a new window if the old one was destroyed', () => {
    const { controller, window } = create()
    window.destroyed = true
    controller.toggle()
    expect(FakeWindow.created).toHaveLength(2)
    const replacement = FakeWindow.created[1]
    expect(controller.window).toBe(replacement)
    expect(replacement?.isVisible()).toBe(true)
    expect(replacement?.loadURL).toHaveBeenCalledWith('app://chofesh/index.html#quick-ask')
  })

  describe('on macOS, hiding hands focus back to the app the user came from', () => {
    it('when it was shown over another app', () => {
      const { controller, app } = create({ platform: 'darwin' })
      FakeWindow.focused = null
      controller.show()
      controller.hide()
      expect(app.app.hide).toHaveBeenCalledOnce()
    })

    it('but not when it was shown over the main window', () => {
      const { controller, app } = create({ platform: 'darwin' })
      FakeWindow.focused = { other: true }
      controller.show()
      controller.hide()
      expect(app.app.hide).not.toHaveBeenCalled()
    })

    it('and not after a blur: focus already went where the user clicked', () => {
      const { controller, window, app } = create({ platform: 'darwin' })
      controller.show()
      window.blur()
      expect(window.isVisible()).toBe(false)
      expect(app.app.hide).not.toHaveBeenCalled()
    })

    it('never on other platforms, whose window managers do it themselves', () => {
      const { controller, app } = create({ platform: 'win32' })
      controller.show()
      controller.hide()
      expect(app.app.hide).not.toHaveBeenCalled()
    })
  })
})

describe('quickAskPageUrl', () => {
  it('adds the quick-ask route to the packaged and the dev-server URL', () => {
    expect(quickAskPageUrl('app://chofesh/index.html')).toBe('app://chofesh/index.html#quick-ask')
    expect(quickAskPageUrl('http://localhost:5173')).toBe('http://localhost:5173/#quick-ask')
    expect(quickAskPageUrl('http://localhost:5173/#old')).toBe('http://localhost:5173/#quick-ask')
  })
})
