import { describe, expect, it, vi } from 'vitest'
import type { App } from 'electron'
import { claimSingleInstance } from '../../../src/main/windows/single-instance'

// Importing the real `electron` package in Node tries to download its binary.
vi.mock('electron', () => ({}))

function fakeApp(gotLock: boolean) {
  const listeners = new Map<string, (...args: unknown[]) => void>()
  const app = {
    requestSingleInstanceLock: vi.fn(() => gotLock),
    quit: vi.fn(),
    on: vi.fn((event: string, listener: (...args: unknown[]) => void) => {
      listeners.set(event, listener)
      return app
    })
  }
  return { app, asApp: () => app as unknown as App, listeners }
}

describe('claimSingleInstance', () => {
  it('quits when another instance holds the lock', () => {
    const { app, asApp } = fakeApp(false)
    const onSecondInstance = vi.fn()
    expect(claimSingleInstance(asApp(), onSecondInstance)).toBe(false)
    expect(app.quit).toHaveBeenCalledOnce()
    expect(app.on).not.toHaveBeenCalled()
  })

  it("forwards a second launch's arguments to the first instance", () => {
    const { app, asApp, listeners } = fakeApp(true)
    const onSecondInstance = vi.fn()
    expect(claimSingleInstance(asApp(), onSecondInstance)).toBe(true)
    expect(app.quit).not.toHaveBeenCalled()
    const argv = ['/usr/bin/chofesh', '--quick-ask']
    listeners.get('second-instance')?.({}, argv, '/home/user', {})
    expect(onSecondInstance).toHaveBeenCalledExactlyOnceWith(['/usr/bin/chofesh', '--quick-ask'])
  })
})
