/**
 * The `electron` module the preload gets in the Chromium harness's page (see pagePreload.ts): what a
 * sandboxed preload uses of it, with a page-side transport for ipcRenderer. Calls go to the harness's
 * binding (`__tierAdminInvoke`), which hands them to main's IPC handlers in Node; events come back
 * through `__tierAdminEmit`, which the harness calls where main calls webContents.send.
 */
import type { BridgeTransport, TransportListener } from '../../src/preload/bridge'

const listeners = new Map<string, Set<TransportListener>>()

function define(key: string, value: unknown): void {
  Object.defineProperty(window, key, { value, writable: false, configurable: false })
}

export const ipcRenderer: BridgeTransport = {
  // Looked up per call: the binding is installed by the harness, beside this script.
  invoke: (channel, payload) => (window as unknown as { __tierAdminInvoke: BridgeTransport['invoke'] }).__tierAdminInvoke(channel, payload),
  on: (channel, listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
  removeListener: (channel, listener) => listeners.get(channel)?.delete(listener)
}

export const contextBridge = { exposeInMainWorld: define }

// The page never sees Electron's event object; an empty one stands in for it.
define('__tierAdminEmit', (channel: string, payload: unknown) => listeners.get(channel)?.forEach((listener) => listener({}, payload)))
