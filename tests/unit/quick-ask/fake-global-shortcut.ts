import { vi } from 'vitest'
import type { GlobalShortcut } from 'electron'

/**
 * Behaves like Electron's globalShortcut: `register` returns false for keys
 * another app holds (and for keys this app already holds) and throws on text
 * it cannot parse.
 */
export function fakeGlobalShortcut(options: { takenByOthers?: string[]; unparsable?: string[] } = {}) {
  const held = new Map<string, () => void>()
  const shortcut = {
    register: vi.fn((accelerator: string, callback: () => void): boolean => {
      if (options.unparsable?.includes(accelerator)) throw new Error('Error processing argument at index 0, conversion failure')
      if (options.takenByOthers?.includes(accelerator) || held.has(accelerator)) return false
      held.set(accelerator, callback)
      return true
    }),
    unregister: vi.fn((accelerator: string) => {
      held.delete(accelerator)
    }),
    isRegistered: vi.fn((accelerator: string) => held.has(accelerator))
  }
  return {
    shortcut,
    asGlobalShortcut: () => shortcut as unknown as GlobalShortcut,
    held: () => [...held.keys()],
    /** The user presses the key combination. */
    press(accelerator: string): void {
      const callback = held.get(accelerator)
      if (callback === undefined) throw new Error(`${accelerator} is not registered`)
      callback()
    }
  }
}
