/** The preload: the bridge over Electron's ipcRenderer, exposed to the page as `window.api`. */
import { contextBridge, ipcRenderer } from 'electron'
import { buildApi } from './bridge'

contextBridge.exposeInMainWorld('api', Object.freeze(buildApi(ipcRenderer)))
