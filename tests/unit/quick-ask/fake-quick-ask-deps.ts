import { vi } from 'vitest'
import type { App, BrowserWindow, BrowserWindowConstructorOptions, Rectangle, Screen } from 'electron'
import { fakeWebContents } from '../windows/fake-web-contents'

type Listener = (...args: unknown[]) => void

/** A BrowserWindow that keeps visibility and focus the way Electron does, and lets a test fire its events. */
export class FakeWindow {
  static created: FakeWindow[] = []
  /** Which of our windows has focus; null while another app is in front. */
  static focused: FakeWindow | { other: true } | null = null
  static getFocusedWindow(): unknown {
    return FakeWindow.focused
  }

  readonly web = fakeWebContents()
  readonly webContents = { ...this.web.contents, isDevToolsOpened: vi.fn(() => false) }
  readonly listeners = new Map<string, Listener[]>()
  readonly loadURL = vi.fn(async (_url: string) => {})
  readonly setBounds = vi.fn((bounds: Partial<Rectangle>) => {
    this.bounds = { ...this.bounds, ...bounds }
  })
  bounds: Rectangle
  visible = false
  destroyed = false

  constructor(readonly options: BrowserWindowConstructorOptions) {
    this.bounds = { x: 0, y: 0, width: options.width ?? 800, height: options.height ?? 600 }
    FakeWindow.created.push(this)
  }

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
    return this
  }

  once(event: string, listener: Listener): this {
    return this.on(event, listener)
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args)
  }

  readonly show = vi.fn(() => {
    this.visible = true
  })

  readonly focus = vi.fn(() => {
    FakeWindow.focused = this
  })

  readonly hide = vi.fn(() => {
    this.visible = false
    if (FakeWindow.focused === this) this.blur()
  })

  isVisible(): boolean {
    return this.visible
  }

  isFocused(): boolean {
    return FakeWindow.focused === this
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  /** The user clicks another app. */
  blur(): void {
    if (FakeWindow.focused === this) FakeWindow.focused = null
    this.emit('blur', {})
  }

  /** Alt+F4, Cmd+W or the app quitting: returns whether the window really closed. */
  close(): boolean {
    const event = { preventDefault: vi.fn() }
    this.emit('close', event)
    if (event.preventDefault.mock.calls.length > 0) return false
    this.visible = false
    this.destroyed = true
    this.emit('closed')
    return true
  }
}

export const LEFT_DISPLAY = {
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 }
}
// A taller display to the right, with a menu bar eating its top 25 px.
export const RIGHT_DISPLAY = {
  bounds: { x: 1920, y: -200, width: 2560, height: 1440 },
  workArea: { x: 1920, y: -175, width: 2560, height: 1415 }
}

export function fakeScreen() {
  const state = { cursor: { x: 100, y: 100 } }
  const screen = {
    getCursorScreenPoint: vi.fn(() => state.cursor),
    getDisplayNearestPoint: vi.fn((point: { x: number; y: number }) => (point.x >= 1920 ? RIGHT_DISPLAY : LEFT_DISPLAY))
  }
  return { state, screen, asScreen: () => screen as unknown as Pick<Screen, 'getCursorScreenPoint' | 'getDisplayNearestPoint'> }
}

export function fakeApp() {
  const listeners = new Map<string, Listener[]>()
  const app = {
    on: vi.fn((event: string, listener: Listener) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener])
      return app
    }),
    hide: vi.fn(),
    quit: vi.fn()
  }
  return {
    app,
    asApp: () => app as unknown as App,
    emit(event: string, ...args: unknown[]): void {
      for (const listener of listeners.get(event) ?? []) listener(...args)
    },
    listenerCount: (event: string) => listeners.get(event)?.length ?? 0
  }
}

export const asBrowserWindowClass = (): typeof BrowserWindow => FakeWindow as unknown as typeof BrowserWindow
