import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { REQUEST_CHANNELS } from '../../src/shared/ipc/channels'

/**
 * Boots src/main/index.ts against a fake `electron`, as far as Node can take
 * it: the order of start-up steps and the wiring between them. The real
 * Electron run is the Playwright launch smoke test.
 */
const userData = mkdtempSync(join(tmpdir(), 'chofesh-root-'))
const calls: string[] = []
const listeners = new Map<string, (...args: unknown[]) => void>()
const handlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>()
let ready: () => void = () => undefined
const windows: Array<{ options: Record<string, unknown>; url: string }> = []

vi.mock('electron', () => {
  class BrowserWindow {
    static instances: BrowserWindow[] = []
    static getAllWindows = () => BrowserWindow.instances
    webContents = { id: 7, on: vi.fn(), setWindowOpenHandler: vi.fn(), isDestroyed: () => false, send: vi.fn() }
    constructor(options: Record<string, unknown>) {
      windows.push({ options, url: '' })
      calls.push('window')
      BrowserWindow.instances.push(this)
    }
    once = vi.fn()
    on = vi.fn()
    show = vi.fn()
    hide = vi.fn()
    focus = vi.fn()
    setBounds = vi.fn()
    isVisible = () => false
    loadURL = vi.fn(async (url: string) => {
      const last = windows.at(-1)
      if (last) last.url = url
    })
    isDestroyed = () => false
  }
  const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() }
  return {
    app: {
      isPackaged: false,
      getAppPath: () => '/app',
      hide: vi.fn(),
      requestSingleInstanceLock: () => true,
      quit: vi.fn(),
      on: (event: string, listener: (...args: unknown[]) => void) => listeners.set(event, listener),
      whenReady: () => new Promise<void>((resolve) => (ready = resolve)),
      getVersion: () => '0.0.0-test',
      getPath: () => userData
    },
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, payload: unknown) => Promise<unknown>) => handlers.set(channel, handler),
      removeHandler: vi.fn()
    },
    nativeTheme: { shouldUseDarkColors: false },
    globalShortcut: { register: vi.fn(() => true), unregister: vi.fn(), unregisterAll: vi.fn() },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn(() => calls.push('menu')) },
    Tray: class {
      constructor() {
        calls.push('tray')
      }
      setToolTip = vi.fn()
      setContextMenu = vi.fn()
      on = vi.fn()
    },
    nativeImage: {
      createFromPath: () => ({ isEmpty: () => true, resize: () => ({}), getSize: () => ({ width: 0, height: 0 }) }),
      createEmpty: () => ({ addRepresentation: vi.fn(), isEmpty: () => true })
    },
    screen: {
      getCursorScreenPoint: () => ({ x: 0, y: 0 }),
      getDisplayNearestPoint: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } })
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => calls.push('scheme')),
      handle: vi.fn(() => calls.push('protocol'))
    },
    session: { defaultSession: session },
    shell: { openExternal: vi.fn() }
  }
})

afterAll(() => rmSync(userData, { recursive: true, force: true }))

describe('the composition root', () => {
  it('registers the app:// scheme before ready, then serves, binds every channel and opens hardened windows', async () => {
    await import('../../src/main/index')
    expect(calls).toEqual(['scheme'])
    ready()
    await vi.waitFor(() => expect(windows).toHaveLength(2))

    // The quick-ask window is made (hidden) before the main window, so the hotkey shows it at once.
    expect(calls).toEqual(['scheme', 'protocol', 'window', 'menu', 'tray', 'window'])
    expect([...handlers.keys()].sort()).toEqual([...REQUEST_CHANNELS].sort())
    const [quick, main] = windows
    expect(quick?.url).toBe('app://chofesh/index.html#quick-ask')
    expect(quick?.options).toMatchObject({ show: false, frame: false, alwaysOnTop: true })
    expect(main?.url).toBe('app://chofesh/index.html')
    for (const window of [quick, main]) {
      expect(window?.options['webPreferences']).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false })
      expect(String((window?.options['webPreferences'] as { preload: string }).preload)).toMatch(/preload[/\\]index\.js$/)
    }
  })

  it('answers through the router: our window is trusted, an iframe or another window is not', async () => {
    const status = handlers.get('app:status')
    const mainFrame = { url: 'app://chofesh/index.html' }
    const ours = await status?.({ sender: { id: 7, mainFrame }, senderFrame: mainFrame }, undefined)
    expect(ours).toMatchObject({ ok: true, value: { version: '0.0.0-test', database: { ok: true } } })
    const iframe = await status?.({ sender: { id: 7, mainFrame }, senderFrame: { url: 'app://chofesh/index.html' } }, undefined)
    expect(iframe).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } })
    const stranger = await status?.({ sender: { id: 99, mainFrame }, senderFrame: mainFrame }, undefined)
    expect(stranger).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } })
  })

  it('stops answers and closes the database before quitting', async () => {
    const preventDefault = vi.fn()
    listeners.get('will-quit')?.({ preventDefault })
    expect(preventDefault).toHaveBeenCalledOnce()
    // A second will-quit (from app.quit after dispose) is let through.
    const again = vi.fn()
    listeners.get('will-quit')?.({ preventDefault: again })
    expect(again).not.toHaveBeenCalled()
  })
})
