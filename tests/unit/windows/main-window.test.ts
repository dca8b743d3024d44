import { describe, expect, it, vi } from 'vitest'
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron'
import { createMainWindow } from '../../../src/main/windows/main-window'
import { fakeWebContents } from './fake-web-contents'

// Importing the real `electron` package in Node tries to download its binary.
vi.mock('electron', () => ({}))

/** Records what createMainWindow does to a window. */
class FakeBrowserWindow {
  static created: FakeBrowserWindow[] = []
  readonly web = fakeWebContents()
  readonly webContents = this.web.asWebContents()
  readonly readyListeners: Array<() => void> = []
  readonly show = vi.fn()
  readonly loadURL = vi.fn(async (_url: string) => {})

  constructor(readonly options: BrowserWindowConstructorOptions) {
    FakeBrowserWindow.created.push(this)
  }

  once(event: string, listener: () => void): this {
    if (event === 'ready-to-show') this.readyListeners.push(listener)
    return this
  }
}

function create(prefersDark = false): FakeBrowserWindow {
  FakeBrowserWindow.created = []
  const openExternal = vi.fn(async (_url: string) => true)
  const window = createMainWindow({
    BrowserWindow: FakeBrowserWindow as unknown as typeof BrowserWindow,
    preloadPath: '/app/out/preload/index.js',
    rendererUrl: 'app://chofesh/index.html',
    openExternal,
    allowedOrigin: 'app://chofesh',
    prefersDark
  })
  const fake = FakeBrowserWindow.created[0]
  expect(window).toBe(fake)
  if (fake === undefined) throw new Error('no window created')
  return fake
}

describe('createMainWindow', () => {
  it('creates a sandboxed, isolated window with our preload', () => {
    const prefs = create().options.webPreferences
    expect(prefs?.contextIsolation).toBe(true)
    expect(prefs?.sandbox).toBe(true)
    expect(prefs?.nodeIntegration).toBe(false)
    expect(prefs?.nodeIntegrationInSubFrames).toBe(false)
    expect(prefs?.nodeIntegrationInWorker).toBe(false)
    expect(prefs?.webSecurity).toBe(true)
    expect(prefs?.allowRunningInsecureContent).toBe(false)
    expect(prefs?.webviewTag).toBe(false)
    expect(prefs?.preload).toBe('/app/out/preload/index.js')
  })

  it('has the agreed size and title and starts hidden', () => {
    const { options } = create()
    expect(options).toMatchObject({
      width: 1100,
      height: 760,
      minWidth: 720,
      minHeight: 480,
      show: false,
      title: 'Chofesh'
    })
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i)
  })

  it('paints the frame in the theme the page will use, so it does not flash', () => {
    expect(create(false).options.backgroundColor).toBe('#f7f7f8')
    expect(create(true).options.backgroundColor).toBe('#16181c')
  })

  it('installs the navigation guards before loading the page', () => {
    const window = create()
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('app://chofesh/index.html')
    const loadedAt = window.loadURL.mock.invocationCallOrder[0] ?? 0
    const guardedAt = window.web.contents.setWindowOpenHandler.mock.invocationCallOrder[0] ?? Infinity
    const navigationGuardAt = window.web.contents.on.mock.invocationCallOrder[0] ?? Infinity
    expect(guardedAt).toBeLessThan(loadedAt)
    expect(navigationGuardAt).toBeLessThan(loadedAt)
    expect(window.web.fire('will-navigate', 'https://evil.example/')).toBe(true)
    expect(window.web.fire('will-navigate', 'app://chofesh/index.html')).toBe(false)
    expect(window.web.openWindow('file:///etc/passwd')).toEqual({ action: 'deny' })
  })

  it('shows the window once it is ready', () => {
    const window = create()
    expect(window.show).not.toHaveBeenCalled()
    for (const listener of window.readyListeners) listener()
    expect(window.show).toHaveBeenCalledOnce()
  })
})
