/**
 * The bridge: one named function per contract operation, each a plain invoke on its channel, and one
 * `onX(listener)` per contract event. Nothing else from Electron or Node reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { appEvents, contract, events, operations, subscriberName, type Api } from '../shared/contract'

function buildApi(): Api {
  const api: Record<string, unknown> = {}
  for (const operation of operations) {
    const { channel } = contract[operation]
    api[operation] = (request?: unknown) => ipcRenderer.invoke(channel, request)
  }
  for (const event of appEvents) {
    const { channel, payload } = events[event]
    api[subscriberName(event)] = (listener: (value: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError(`${subscriberName(event)} needs a function`)
      // The page gets the checked payload only: the IPC event object would hand it ipcRenderer itself.
      const forward = (_event: IpcRendererEvent, value: unknown) => {
        const parsed = payload.safeParse(value)
        if (parsed.success) listener(parsed.data)
      }
      ipcRenderer.on(channel, forward)
      return () => void ipcRenderer.removeListener(channel, forward)
    }
  }
  return api as Api
}

contextBridge.exposeInMainWorld('api', Object.freeze(buildApi()))
