import { describe, expect, it, vi } from 'vitest'
import type { BrowserWindow, IpcMainInvokeEvent, WebContents } from 'electron'
import { bindRouterToIpc, trustedContentsIds } from '../../../src/main/ipc/electron-binding'
import { createEventBus } from '../../../src/main/ipc/event-bus'
import type { Router } from '../../../src/main/ipc/router'
import { EVENT_CHANNELS, REQUEST_CHANNELS } from '../../../src/shared/ipc/channels'
import type { EventContract } from '../../../src/shared/ipc/contract'

// Importing the real `electron` package in Node tries to download its binary.
vi.mock('electron', () => ({}))

type InvokeHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown

function fakeIpcMain() {
  const handlers = new Map<string, InvokeHandler>()
  return {
    handlers,
    handle: vi.fn((channel: string, handler: InvokeHandler) => {
      // Electron throws on a second handler for a channel; so does this fake.
      if (handlers.has(channel)) throw new Error(`duplicate handler for ${channel}`)
      handlers.set(channel, handler)
    }),
    removeHandler: vi.fn((channel: string) => {
      handlers.delete(channel)
    })
  }
}

function fakeContents(id: number, destroyed = false) {
  const mainFrame = { url: 'app://chofesh/index.html' }
  return { id, mainFrame, isDestroyed: vi.fn(() => destroyed), send: vi.fn() }
}

// The transport forwards payloads untouched, so any event and any payload will do.
const eventName = EVENT_CHANNELS[0]
const payload = { marker: 'payload' } as unknown as EventContract[typeof eventName]

function bind(contents: ReturnType<typeof fakeContents>[] = []) {
  const ipcMain = fakeIpcMain()
  const router = { invoke: vi.fn(async () => ({ ok: true as const, value: null })) } satisfies Router
  const bus = createEventBus()
  const dispose = bindRouterToIpc({
    ipcMain,
    router,
    bus,
    webContentsOf: () => contents as unknown as WebContents[]
  })
  return { ipcMain, router, bus, dispose }
}

function invokeEvent(sender: ReturnType<typeof fakeContents>, senderFrame: { url: string } | null) {
  return { sender, senderFrame } as unknown as IpcMainInvokeEvent
}

describe('bindRouterToIpc', () => {
  it('handles exactly the contract channels', () => {
    const { ipcMain } = bind()
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...REQUEST_CHANNELS].sort())
  })

  it('passes the main frame as a main-frame sender', async () => {
    const { ipcMain, router } = bind()
    const contents = fakeContents(7)
    const result = await ipcMain.handlers.get('keys:set')?.(invokeEvent(contents, contents.mainFrame), {
      providerId: 'openai',
      key: 'sk-test'
    })
    expect(result).toEqual({ ok: true, value: null })
    expect(router.invoke).toHaveBeenCalledExactlyOnceWith(
      'keys:set',
      { providerId: 'openai', key: 'sk-test' },
      { contentsId: 7, frameUrl: 'app://chofesh/index.html', isMainFrame: true }
    )
  })

  it('marks a message from an iframe as not from the main frame', async () => {
    const { ipcMain, router } = bind()
    const contents = fakeContents(7)
    // Same URL as the main frame: only frame identity tells them apart.
    const iframe = { url: 'app://chofesh/index.html' }
    await ipcMain.handlers.get('keys:list')?.(invokeEvent(contents, iframe), undefined)
    expect(router.invoke).toHaveBeenCalledWith('keys:list', undefined, {
      contentsId: 7,
      frameUrl: 'app://chofesh/index.html',
      isMainFrame: false
    })
  })

  it('treats a vanished frame as untrusted', async () => {
    const { ipcMain, router } = bind()
    await ipcMain.handlers.get('app:status')?.(invokeEvent(fakeContents(3), null), undefined)
    expect(router.invoke).toHaveBeenCalledWith('app:status', undefined, {
      contentsId: 3,
      frameUrl: '',
      isMainFrame: false
    })
  })

  it('forwards events only to live web contents', () => {
    const live = fakeContents(1)
    const destroyed = fakeContents(2, true)
    const { bus } = bind([live, destroyed])
    bus.emit(eventName, payload)
    expect(live.send).toHaveBeenCalledExactlyOnceWith(eventName, payload)
    expect(destroyed.send).not.toHaveBeenCalled()
  })

  it('undoes everything when disposed', () => {
    const live = fakeContents(1)
    const { ipcMain, bus, dispose } = bind([live])
    dispose()
    expect(ipcMain.handlers.size).toBe(0)
    expect(ipcMain.removeHandler).toHaveBeenCalledTimes(REQUEST_CHANNELS.length)
    bus.emit(eventName, payload)
    expect(live.send).not.toHaveBeenCalled()
    // Binding again must not collide with stale handlers.
    expect(() =>
      bindRouterToIpc({ ipcMain, router: { invoke: vi.fn() }, bus, webContentsOf: () => [] })
    ).not.toThrow()
  })
})

describe('trustedContentsIds', () => {
  it('lists the web contents of live windows only', () => {
    const windows = [
      { isDestroyed: () => false, webContents: { id: 1 } },
      { isDestroyed: () => true, webContents: { id: 2 } },
      { isDestroyed: () => false, webContents: { id: 3 } }
    ] as unknown as BrowserWindow[]
    expect(trustedContentsIds(windows)).toEqual(new Set([1, 3]))
  })
})
