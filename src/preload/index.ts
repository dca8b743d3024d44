import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { EVENT_CHANNELS, REQUEST_CHANNELS } from '../shared/ipc/channels'
import { buildApi } from './build-api'

// The renderer never sees ipcRenderer nor the IpcRendererEvent (which would
// leak `sender`); it gets one function per contract channel.
const api = buildApi(REQUEST_CHANNELS, EVENT_CHANNELS, {
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
  subscribe: (event, listener) => {
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload)
    ipcRenderer.on(event, forward)
    return () => {
      ipcRenderer.removeListener(event, forward)
    }
  }
})

contextBridge.exposeInMainWorld('api', api)
