import { vi } from 'vitest'
import type { WebContents } from 'electron'

type Listener = (...args: unknown[]) => void
type WindowOpenHandler = (details: { url: string }) => { action: string }

/**
 * Just enough of WebContents to drive the navigation guards: it records
 * listeners and lets a test fire the events Electron would.
 */
export function fakeWebContents() {
  const listeners = new Map<string, Listener[]>()
  let windowOpenHandler: WindowOpenHandler | null = null
  const contents = {
    on: vi.fn((name: string, listener: Listener) => {
      listeners.set(name, [...(listeners.get(name) ?? []), listener])
      return contents
    }),
    setWindowOpenHandler: vi.fn((handler: WindowOpenHandler) => {
      windowOpenHandler = handler
    })
  }
  return {
    contents,
    asWebContents: () => contents as unknown as WebContents,
    listenerCount: (name: string) => listeners.get(name)?.length ?? 0,
    /** Fires a navigation-style event; returns true when a guard prevented it. */
    fire(name: string, url: string): boolean {
      const event = { url, preventDefault: vi.fn() }
      for (const listener of listeners.get(name) ?? []) listener(event, url, false, true, 1, 1)
      return event.preventDefault.mock.calls.length > 0
    },
    openWindow(url: string): { action: string } {
      if (windowOpenHandler === null) throw new Error('no window open handler installed')
      return windowOpenHandler({ url })
    }
  }
}
