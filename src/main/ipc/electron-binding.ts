import type { BrowserWindow, IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { REQUEST_CHANNELS } from '../../shared/ipc/channels'
import type { EventBus } from './event-bus'
import type { Router, SenderInfo } from './router'

export interface IpcBindingDeps {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>
  router: Router
  bus: EventBus
  /** The web contents events are delivered to: our own windows only. */
  webContentsOf: () => WebContents[]
}

/** What the router needs to judge a sender; a destroyed frame counts as an iframe, i.e. untrusted. */
export function senderInfoOf(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): SenderInfo {
  const frame = event.senderFrame
  return {
    contentsId: event.sender.id,
    frameUrl: frame?.url ?? '',
    isMainFrame: frame != null && frame === event.sender.mainFrame
  }
}

/**
 * Thin Electron transport over the router and the event bus: all checking
 * happens in the router. Returns a disposer that undoes every registration.
 */
export function bindRouterToIpc({ ipcMain, router, bus, webContentsOf }: IpcBindingDeps): () => void {
  for (const channel of REQUEST_CHANNELS) {
    // Only the first argument is the payload; the preload never sends more.
    ipcMain.handle(channel, (event, payload: unknown) => router.invoke(channel, payload, senderInfoOf(event)))
  }
  const unsubscribe = bus.subscribe((event, payload) => {
    for (const contents of webContentsOf()) {
      if (!contents.isDestroyed()) contents.send(event, payload)
    }
  })
  return () => {
    unsubscribe()
    for (const channel of REQUEST_CHANNELS) ipcMain.removeHandler(channel)
  }
}

/** Ids of our live windows' web contents, for the sender policy's allow-list. */
export function trustedContentsIds(windows: readonly Pick<BrowserWindow, 'isDestroyed' | 'webContents'>[]): Set<number> {
  const ids = new Set<number>()
  for (const window of windows) {
    if (!window.isDestroyed()) ids.add(window.webContents.id)
  }
  return ids
}
