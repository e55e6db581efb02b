/**
 * The window's Content Security Policy, enforced by Chromium on the built page as the app scheme's
 * handler serves it (the harness answers with that handler's code and headers): an injected inline
 * script, an inline event handler, a data: script and a script from another origin are blocked
 * by the policy, and a script from a path outside out/renderer is never served.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CONTENT_SECURITY_POLICY } from '../../src/main/security/policy'
import { APP_ORIGIN } from '../harness/rendererHarness'
import { expect, testWithOwnApp } from './fixtures'

const test = testWithOwnApp()

type Probe = Window & { __ran?: string[]; __violations?: string[]; __listening?: boolean }

test.beforeEach(async ({ harness }) => {
  await harness.page.evaluate(() => {
    const probe = window as Probe
    probe.__ran = []
    probe.__violations = []
    // One page serves every test of the file: listen once.
    if (!probe.__listening)
      document.addEventListener('securitypolicyviolation', (event) => probe.__violations!.push(`${event.effectiveDirective} ${event.blockedURI}`))
    probe.__listening = true
  })
})

// The page is this file's for all its tests: what a test injected goes, however the test ended, so no
// later test (or screenshot) meets a stray script or a broken image. Removed only now, once the test has
// read the violations they caused.
test.afterEach(async ({ harness }) => {
  await harness.page.evaluate(() => document.querySelectorAll('[data-csp-probe]').forEach((node) => node.remove()))
})

/** Adds a script element and waits until it loads, fails or is blocked. */
async function addScript(harness: { page: import('@playwright/test').Page }, attributes: { src?: string; text?: string }): Promise<string> {
  return harness.page.evaluate(
    ({ src, text }) =>
      new Promise<string>((resolve) => {
        const script = document.createElement('script')
        script.dataset.cspProbe = ''
        script.onload = () => resolve('loaded')
        script.onerror = () => resolve('error')
        if (src) script.src = src
        if (text !== undefined) script.textContent = text
        document.head.append(script)
        // An inline script fires neither event: it ran (synchronously) or was blocked.
        if (!src) setTimeout(() => resolve('inline'), 200)
      }),
    attributes
  )
}

const ran = (harness: { page: import('@playwright/test').Page }) => harness.page.evaluate(() => (window as Probe).__ran)
/** Each distinct violation: the page holds the policy twice (header and meta tag), and each reports it. */
const violations = (harness: { page: import('@playwright/test').Page }) => harness.page.evaluate(() => [...new Set((window as Probe).__violations)])

test('the page is answered with the one policy as a header', async ({ harness }) => {
  const header = await harness.page.evaluate(async () => (await fetch('/index.html')).headers.get('content-security-policy'))
  expect(header).toBe(CONTENT_SECURITY_POLICY)
})

test('an injected inline script, an inline event handler and a data: script do not run', async ({ harness }) => {
  await addScript(harness, { text: "window.__ran.push('inline')" })
  await addScript(harness, { src: "data:text/javascript,window.__ran.push('data')" })
  await harness.page.evaluate(() => {
    const image = document.createElement('img')
    image.dataset.cspProbe = ''
    image.setAttribute('onerror', "window.__ran.push('handler')")
    image.src = 'data:image/png;base64,AAAA'
    document.body.append(image)
  })
  await expect.poll(() => violations(harness)).toHaveLength(3)
  expect(await ran(harness)).toEqual([])
  expect(await violations(harness)).toEqual(['script-src-elem inline', 'script-src-elem data', 'script-src-attr inline'])
})

test('a script from another origin is blocked by the policy before it is fetched', async ({ harness }) => {
  let fetched = 0
  // Were the policy missing, this script would be served and run.
  await harness.page.route('https://evil.example/**', (route) => {
    fetched += 1
    return route.fulfill({ status: 200, contentType: 'text/javascript', body: "window.__ran.push('origin')" })
  })
  try {
    expect(await addScript(harness, { src: 'https://evil.example/x.js' })).toBe('error')
    expect(await ran(harness)).toEqual([])
    expect(fetched).toBe(0)
    expect(await violations(harness)).toEqual(['script-src-elem https://evil.example/x.js'])
  } finally {
    await harness.page.unroute('https://evil.example/**')
  }
})

test('a script from a path outside out/renderer is not served, however the path is written', async ({ harness }) => {
  // A script that would run under 'self' on file://, where every folder on disk is the page's own.
  const folder = join(__dirname, '../../test-output/csp-probe')
  mkdirSync(folder, { recursive: true })
  writeFileSync(join(folder, 'evil.js'), "window.__ran.push('outside')")
  const paths = [
    '/../../test-output/csp-probe/evil.js',
    '/%2e%2e/%2e%2e/test-output/csp-probe/evil.js',
    '/..%2f..%2ftest-output%2fcsp-probe%2fevil.js',
    '/assets/..%2f..%2f..%2ftest-output%2fcsp-probe%2fevil.js'
  ]
  for (const path of paths) expect(await addScript(harness, { src: `${APP_ORIGIN}${path}` }), path).toBe('error')
  expect(await ran(harness)).toEqual([])
  // The server answers the page's own script and refuses the others: the refusals are not a broken route.
  const statuses = await harness.page.evaluate(
    async (urls) => Promise.all(urls.map(async (url) => (await fetch(url)).status)),
    [await harness.page.evaluate(() => (document.querySelector('script[src]') as HTMLScriptElement).src), ...paths.map((path) => `${APP_ORIGIN}${path}`)]
  )
  expect(statuses).toEqual([200, 404, 404, 404, 404])
})
