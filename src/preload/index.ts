/**
 * The bridge: one named function per contract operation, each a plain invoke on its channel.
 * Nothing else from Electron or Node reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { contract, operations, type Api } from '../shared/contract'

function buildApi(): Api {
  const api: Record<string, (request?: unknown) => Promise<unknown>> = {}
  for (const operation of operations) {
    const { channel } = contract[operation]
    api[operation] = (request?: unknown) => ipcRenderer.invoke(channel, request)
  }
  return api as Api
}

contextBridge.exposeInMainWorld('api', Object.freeze(buildApi()))
