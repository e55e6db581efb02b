/**
 * The bridge the page gets, as the harness builds it from the app's own preload and main's own IPC
 * registration: one frozen function per contract operation and event, and main's sender check, which
 * refuses a page of another origin that reached the same binding.
 */
import { expectedBridgeKeys } from '../support/expectedBridge'
import { expect, testWithOwnApp } from './fixtures'

const test = testWithOwnApp()

test('gives the page one function per operation and event, and nothing it can change', async ({ harness }) => {
  const bridge = await harness.page.evaluate(() => ({ names: Object.keys(window.api).sort(), frozen: Object.isFrozen(window.api) }))
  expect(bridge.names).toEqual(expectedBridgeKeys())
  expect(bridge.frozen).toBe(true)
})

test("refuses a call from a page that is not the app, by main's own sender check", async ({ harness }) => {
  const stranger = await harness.context.newPage()
  try {
    // This page alone may load the stranger's origin; the harness blocks it everywhere else.
    await stranger.route('https://evil.example/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>x</title>' })
    )
    await stranger.goto('https://evil.example/')
    const before = harness.calls.length
    const reply = await stranger.evaluate(() => window.api.getConnection())
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } })
    // The same call from the app's page is answered.
    expect(await harness.page.evaluate(() => window.api.getConnection())).toMatchObject({ ok: true })
    expect(harness.calls.slice(before).map((call) => call.operation)).toEqual(['getConnection', 'getConnection'])
  } finally {
    await stranger.close()
    // The app's page was left behind the stranger's tab, where Chromium holds back its animation frames.
    await harness.page.bringToFront()
  }
})
