/**
 * Runs the built preload (out/preload/index.cjs, the file main gives its window: see mainBundle.test.ts)
 * under a stand-in `electron`, as a sandboxed preload is run, and checks what it gives the page as
 * `window.api`: the very names test/e2e/electron.app.spec.ts expects of the real window, checked here
 * where no Electron binary is; frozen; each operation an invoke on its own channel, each subscriber a
 * listener on its event's.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { compileFunction } from 'node:vm'
import { beforeAll, describe, expect, it } from 'vitest'
import { appEvents, contract, events, operations, subscriberName } from '../../src/shared/contract'
import { expectedBridgeKeys } from '../support/expectedBridge'
import { createFakePreloadElectron } from '../support/fakeElectron'

const PRELOAD_BUNDLE = join(__dirname, '../../out/preload/index.cjs')
const fake = createFakePreloadElectron()
type Bridge = Record<string, (argument: unknown) => unknown>
const api = (): Bridge => fake.exposed.get('api') as Bridge

beforeAll(() => {
  // A sandboxed preload is a CommonJS script whose require() gives Electron's own modules only.
  const run = compileFunction(readFileSync(PRELOAD_BUNDLE, 'utf8'), ['require', 'module', 'exports'], { filename: PRELOAD_BUNDLE })
  const module = { exports: {} }
  const require = (id: string): unknown => {
    if (id === 'electron') return fake.electron
    throw new Error(`A sandboxed preload cannot require ${id}`)
  }
  run(require, module, module.exports)
})

describe('the built preload', () => {
  it('exposes only `api`, with one function per contract operation and event subscriber, frozen', () => {
    expect([...fake.exposed.keys()]).toEqual(['api'])
    expect(Object.keys(api()).sort()).toEqual(expectedBridgeKeys())
    expect(Object.values(api()).every((value) => typeof value === 'function')).toBe(true)
    expect(Object.isFrozen(api())).toBe(true)
  })

  it("sends each operation on its own channel and listens for each event on that event's channel", async () => {
    for (const operation of operations) await api()[operation]({ probe: operation })
    expect(fake.invoked).toEqual(operations.map((operation) => ({ channel: contract[operation].channel, payload: { probe: operation } })))
    for (const event of appEvents) api()[subscriberName(event)](() => undefined)
    expect(fake.subscribed).toEqual(appEvents.map((event) => events[event].channel))
  })
})
