/**
 * The bridge: one named function per contract operation, each a plain invoke on its channel, and one
 * `onX(listener)` per contract event. Nothing else from Electron or Node reaches the page. Built over
 * any transport shaped like ipcRenderer, so the Chromium harness gives its page this very object.
 */
import { appEvents, contract, events, operations, subscriberName, type Api } from '../shared/contract'

/** How a transport hands an event to a listener: Electron's event object first (never shown to the page), then the payload. */
export type TransportListener = (event: unknown, payload: unknown) => void

/** The part of Electron's ipcRenderer the bridge uses. */
export interface BridgeTransport {
  invoke(channel: string, payload: unknown): Promise<unknown>
  on(channel: string, listener: TransportListener): unknown
  removeListener(channel: string, listener: TransportListener): unknown
}

export function buildApi(transport: BridgeTransport): Api {
  const api: Record<string, unknown> = {}
  for (const operation of operations) {
    const { channel } = contract[operation]
    api[operation] = (request?: unknown) => transport.invoke(channel, request)
  }
  for (const event of appEvents) {
    const { channel, payload } = events[event]
    api[subscriberName(event)] = (listener: (value: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError(`${subscriberName(event)} needs a function`)
      // The page gets the checked payload only: the IPC event object would hand it ipcRenderer itself.
      const forward: TransportListener = (_event, value) => {
        const parsed = payload.safeParse(value)
        if (parsed.success) listener(parsed.data)
      }
      transport.on(channel, forward)
      return () => void transport.removeListener(channel, forward)
    }
  }
  return api as Api
}
