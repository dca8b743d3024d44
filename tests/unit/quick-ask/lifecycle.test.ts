import { describe, expect, it, vi } from 'vitest'
import { installQuitPolicy, keepsRunningWithoutMainWindow } from '../../../src/main/quick-ask/lifecycle'
import { fakeApp } from './fake-quick-ask-deps'

// Importing the real `electron` package in Node tries to download its binary.
vi.mock('electron', () => ({}))

describe('keepsRunningWithoutMainWindow', () => {
  it.each([
    ['darwin', false, true],
    ['darwin', true, true],
    ['linux', true, true],
    ['win32', true, true],
    ['linux', false, false],
    ['win32', false, false]
  ] as const)('%s with tray %s: %s', (platform, hasTray, expected) => {
    expect(keepsRunningWithoutMainWindow(platform, hasTray)).toBe(expected)
  })
})

describe('installQuitPolicy', () => {
  function install(platform: NodeJS.Platform, hasTray: boolean) {
    const app = fakeApp()
    const policy = installQuitPolicy({ app: app.asApp(), platform, hasTray: () => hasTray })
    return { app, policy }
  }

  it('replaces Electron’s quit-when-all-windows-closed default', () => {
    const { app } = install('darwin', false)
    expect(app.listenerCount('window-all-closed')).toBe(1)
    app.emit('window-all-closed')
    expect(app.app.quit).not.toHaveBeenCalled()
  })

  it('on macOS closing the main window keeps the app running', () => {
    const { app, policy } = install('darwin', false)
    policy.mainWindowClosed()
    expect(app.app.quit).not.toHaveBeenCalled()
  })

  it('on Linux and Windows the tray keeps the app running', () => {
    const { app, policy } = install('linux', true)
    policy.mainWindowClosed()
    app.emit('window-all-closed')
    expect(app.app.quit).not.toHaveBeenCalled()
  })

  it('without a tray, closing the main window quits even though the hidden quick-ask window lives on', () => {
    const { app, policy } = install('win32', false)
    policy.mainWindowClosed()
    expect(app.app.quit).toHaveBeenCalledOnce()
  })
})
