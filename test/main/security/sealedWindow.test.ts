/**
 * The sealed window, on the built main bundle (out/main/index.js) under the stand-in `electron`: the
 * page comes from the app:// scheme (declared privileged before ready, answered from out/renderer only,
 * with the CSP header), a dev server address in the environment is ignored unless the run is an
 * unpackaged electron-vite development run, no window opens and nothing reaches shell.openExternal,
 * and navigation is cancelled.
 */
import { readFileSync } from 'node:fs'
import Module, { createRequire } from 'node:module'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../../src/main/security/policy'
import { contract } from '../../../src/shared/contract'
import { createFakeElectron } from '../../support/fakeElectron'
import { makeTempDir } from '../../support/tempDir'

const OUT = join(__dirname, '../../../out')
const MAIN_BUNDLE = join(OUT, 'main/index.js')
const DEV_SERVER = 'http://127.0.0.1:5173'
const temp = makeTempDir('tier-admin-sealed-')
const fake = createFakeElectron(temp.dir)
const moduleInternals = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown }
const originalLoad = moduleInternals._load
const savedEnv = { ...process.env }
const savedCwd = process.cwd()
type Serve = (request: { url: string; method: string }) => Promise<Response>

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 50))
  if (!condition()) throw new Error(`Timed out waiting for ${what}`)
}

const serve: Serve = (request) => (fake.protocolRecord.handlers.get('app') as Serve)(request)
const get = (url: string) => serve({ url, method: 'GET' })
const cancelled = (emit: (event: { preventDefault: () => void }) => void): boolean => {
  let prevented = false
  emit({ preventDefault: () => (prevented = true) })
  return prevented
}

beforeAll(async () => {
  for (const key of Object.keys(process.env)) if (key.startsWith('COGNITO_') || key.startsWith('TIER_ADMIN_')) delete process.env[key]
  // An attacker (or a stray shell) sets the dev server variables for the production bundle.
  process.env.ELECTRON_RENDERER_URL = DEV_SERVER
  process.env.NODE_ENV_ELECTRON_VITE = 'development'
  moduleInternals._load = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? fake.electron : originalLoad.call(this, request, ...rest)
  }
  fake.electron.app.isPackaged = true
  process.chdir(temp.dir)
  createRequire(__filename)(MAIN_BUNDLE)
  fake.makeReady()
  await waitFor(() => fake.windows.length > 0, 'the main window')
})

afterAll(async () => {
  const quit = { preventDefault() {} }
  fake.electron.app.emit('will-quit', quit)
  await waitFor(() => fake.electron.app.quitCalls > 0, 'the app to quit after closing')
  moduleInternals._load = originalLoad
  process.env = savedEnv
  process.chdir(savedCwd)
  temp.remove()
})

describe('the page', () => {
  it('is loaded from the app scheme, declared privileged (standard, secure, no CSP bypass) before ready, never file://', () => {
    expect(fake.windows[0].loadedUrl).toBe('app://tier-admin/index.html')
    expect(fake.protocolRecord.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }])
    expect(fake.protocolRecord.privileged[0].privileges.bypassCSP).toBeUndefined()
    expect(fake.protocolRecord.privilegedAfterReady).toBe(false)
    expect([...fake.protocolRecord.handlers.keys()]).toEqual(['app'])
  })

  it('is served from out/renderer with its type and the one CSP as a header', async () => {
    const page = await get('app://tier-admin/index.html')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    const html = await page.text()
    expect(html).toBe(readFileSync(join(OUT, 'renderer/index.html'), 'utf8'))
    const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(html)![1]
    const asset = await get(`app://tier-admin/${script}`)
    expect([asset.status, asset.headers.get('content-type'), asset.headers.get('content-security-policy')]).toEqual([
      200,
      'text/javascript; charset=utf-8',
      CONTENT_SECURITY_POLICY
    ])
    expect((await get('app://tier-admin/')).status).toBe(200)
  })

  it('refuses every path outside out/renderer, other hosts, unknown types and writes', async () => {
    const refused = [
      'app://tier-admin/../main/index.js',
      'app://tier-admin/%2e%2e/main/index.js',
      'app://tier-admin/..%2fmain%2findex.js',
      'app://tier-admin/assets/..%2f..%2fmain%2findex.js',
      'app://tier-admin/..%5cmain%5cindex.js',
      'app://tier-admin/%2e%2e%2f%2e%2e%2fpackage.json',
      'app://tier-admin/%2fetc%2fpasswd',
      'app://tier-admin/index.html%00.js',
      'app://tier-admin/%E0%A4%A',
      'app://tier-admin/missing.js',
      'app://tier-admin/assets',
      'app://tier-admin/../preload/index.cjs',
      'app://other-host/index.html',
      'file:///etc/passwd'
    ]
    for (const url of refused) {
      const response = await get(url)
      expect(response.status, url).toBeGreaterThanOrEqual(400)
      expect(await response.text(), url).toBe('')
      expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY)
    }
    expect((await serve({ url: 'app://tier-admin/index.html', method: 'POST' })).status).toBe(405)
  })
})

describe('the window', () => {
  it('opens no window and hands no URL to the operating system', () => {
    const contents = fake.windows[0].webContents
    for (const url of [
      'https://docs.aws.amazon.com/',
      'http://evil.example/',
      'file:///etc/passwd',
      'mailto:a@b.c',
      'app://tier-admin/index.html',
      'about:blank'
    ]) {
      expect(contents.windowOpenHandler?.({ url, disposition: 'new-window' }), url).toEqual({ action: 'deny' })
    }
    expect(fake.electron.shell.openedExternally).toEqual([])
    expect(fake.windows).toHaveLength(1)
  })

  it('cancels every navigation, redirect and webview', () => {
    const contents = fake.windows[0].webContents
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      expect(
        cancelled((e) => contents.emit(event, e, 'https://evil.example/')),
        event
      ).toBe(true)
    }
  })
})

describe('the dev server address', () => {
  const handler = () => fake.handlers.get(contract.getConnection.channel)!
  const callFrom = async (url: string) => {
    const window = fake.windows[0]
    const own = window.loadedUrl
    window.loadedUrl = url
    try {
      const reply = (await handler()({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, undefined)) as { error?: { code: string } }
      return reply.error?.code !== 'FORBIDDEN_SENDER'
    } finally {
      window.loadedUrl = own
    }
  }
  const mode = (isPackaged: boolean, flag: string | undefined) => {
    fake.electron.app.isPackaged = isPackaged
    if (flag === undefined) delete process.env.NODE_ENV_ELECTRON_VITE
    else process.env.NODE_ENV_ELECTRON_VITE = flag
  }

  it('is ignored when packaged, or unpackaged outside an electron-vite development run', async () => {
    for (const [isPackaged, flag] of [
      [true, 'development'],
      [false, undefined],
      [false, 'production']
    ] as const) {
      mode(isPackaged, flag)
      expect(await callFrom(`${DEV_SERVER}/`), `packaged ${isPackaged}, ${flag}`).toBe(false)
      expect(await callFrom('app://tier-admin/index.html'), `packaged ${isPackaged}, ${flag}`).toBe(true)
    }
  })

  it('is the only page answered in an unpackaged development run, and only on loopback', async () => {
    mode(false, 'development')
    try {
      expect(await callFrom(`${DEV_SERVER}/`)).toBe(true)
      expect(await callFrom('app://tier-admin/index.html')).toBe(false)
      expect(await callFrom(`${DEV_SERVER}/x`)).toBe(false)
      process.env.ELECTRON_RENDERER_URL = 'http://evil.example:5173'
      expect(await callFrom('http://evil.example:5173/')).toBe(false)
    } finally {
      process.env.ELECTRON_RENDERER_URL = DEV_SERVER
      mode(true, 'development')
    }
  })
})
