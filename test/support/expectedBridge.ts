import { appEvents, operations, subscriberName } from '../../src/shared/contract'

/**
 * The names `window.api` must have, read from the contract rather than from the bridge, so a bridge
 * that drifts from the contract fails: one function per operation and one `onX` subscriber per app
 * event, sorted. The harness's page, the real Electron window and the built preload are each held to it.
 */
export function expectedBridgeKeys(): string[] {
  return [...operations, ...appEvents.map(subscriberName)].sort()
}
