/**
 * Loads the built main bundle (out/main/index.js, from `npm run build`) under a stand-in `electron`
 * module and checks what it does at start-up: a handler per contract channel, a locked window with its
 * icon, a CommonJS preload, the application menu of a packaged build, and a sandbox pool started and
 * stopped with the app.
 */
import { existsSync, readFileSync } from 'node:fs'
import Module, { createRequire } from 'node:module'
import { join } from 'node:path'
import { Script } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../src/main/security/policy'
import { contract, events, operations } from '../../src/shared/contract'
import { SCREEN_LABELS, SCREENS } from '../../src/shared/screens'
import { createFakeElectron, type MenuItem } from '../support/fakeElectron'
import { makeTempDir } from '../support/tempDir'

const MAIN_BUNDLE = join(__dirname, '../../out/main/index.js')
const temp = makeTempDir('tier-admin-main-')
const fake = createFakeElectron(temp.dir)
type Resolver = (request: string, ...rest: unknown[]) => string
const moduleInternals = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown; _resolveFilename: Resolver }
const originalLoad = moduleInternals._load
const savedEnv = { ...process.env }

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 50))
  if (!condition()) throw new Error(`Timed out waiting for ${what}`)
}

beforeAll(async () => {
  expect(existsSync(MAIN_BUNDLE), 'run "npm run build" first').toBe(true)
  for (const key of Object.keys(process.env)) if (key.startsWith('COGNITO_') || key.startsWith('TIER_ADMIN_')) delete process.env[key]
  moduleInternals._load = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? fake.electron : originalLoad.call(this, request, ...rest)
  }
  // As an operator runs it: the packaged build, which must offer no reload or developer tools.
  fake.electron.app.isPackaged = true
  process.chdir(temp.dir)
  createRequire(__filename)(MAIN_BUNDLE)
  fake.makeReady()
  await waitFor(() => fake.windows.length > 0, 'the main window')
})

afterAll(async () => {
  // Quitting must stop the sandbox emulator before the app exits.
  const event = {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true
    }
  }
  fake.electron.app.emit('will-quit', event)
  await waitFor(() => fake.electron.app.quitCalls > 0, 'the app to quit after closing')
  moduleInternals._load = originalLoad
  process.env = savedEnv
  temp.remove()
})

describe('the built main bundle', () => {
  it('registers a handler for every contract channel and nothing else', () => {
    expect([...fake.handlers.keys()].sort()).toEqual(operations.map((operation) => contract[operation].channel).sort())
  })

  it('creates its window with the locked-down preferences and a CommonJS preload that exists', () => {
    const prefs = fake.windows[0].options.webPreferences
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false })
    const preload = prefs.preload as string
    expect(existsSync(preload), preload).toBe(true)
    const source = readFileSync(preload, 'utf8')
    // A sandboxed preload is run as a CommonJS script: an ES module would not even parse as one.
    expect(() => new Script(source)).not.toThrow()
    // A sandboxed preload can require nothing but Electron's own modules.
    const required = [...source.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1])
    expect(new Set(required)).toEqual(new Set(['electron']))
  })

  it('gives the window the app icon, a 512×512 PNG that exists', () => {
    const icon = (fake.windows[0].options as { icon?: string }).icon
    expect(icon && existsSync(icon), String(icon)).toBe(true)
    const png = readFileSync(icon!)
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512])
  })

  it('installs a menu with the standard roles and the screens, which switch the window through the navigate event', () => {
    const menu = fake.menuRecord.applicationMenu?.template ?? []
    const submenu = (label: string): MenuItem[] => menu.find((item) => item.label === label)?.submenu ?? []
    const roles = (label: string) => submenu(label).flatMap((item) => (item.role ? [item.role] : []))
    expect(roles('Edit')).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'])
    expect(roles('View')).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut']))
    expect(roles('View')).not.toContain('reload')
    expect(roles('View')).not.toContain('forceReload')
    expect(roles('View')).not.toContain('toggleDevTools')
    expect(roles('Window')).toEqual(['minimize', 'close'])
    expect(roles('Help')).toEqual(['about'])

    const screens = submenu('View').filter((item) => item.id?.startsWith('screen-'))
    expect(screens.map((item) => [item.label, item.accelerator])).toEqual(SCREENS.map((screen, index) => [SCREEN_LABELS[screen], `CmdOrCtrl+${index + 1}`]))
    const contents = fake.windows[0].webContents
    screens.find((item) => item.label === 'Statistics')?.click?.()
    expect(contents.sent.at(-1)).toEqual({ channel: events.navigate.channel, payload: 'statistics' })
    // A window that navigated away from the app's page is told nothing.
    const own = fake.windows[0].loadedUrl
    fake.windows[0].loadedUrl = 'https://evil.example/'
    screens[0].click?.()
    fake.windows[0].loadedUrl = own
    expect(contents.sent).toHaveLength(1)
  })

  it('denies navigation, new windows and every permission but clipboard writes from its page, and sets a strict CSP', () => {
    const contents = fake.windows[0].webContents
    const navigate = {
      prevented: false,
      preventDefault() {
        this.prevented = true
      }
    }
    contents.emit('will-navigate', navigate, 'https://evil.example/')
    expect(navigate.prevented).toBe(true)
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    let granted: boolean | null = null
    fake.sessionRecord.permissionRequestHandler?.(null, 'media', (allowed: boolean) => (granted = allowed))
    expect(granted).toBe(false)
    // The Copy buttons may write plain text to the clipboard, from the app's own page only.
    fake.sessionRecord.permissionRequestHandler?.(contents, 'clipboard-sanitized-write', (allowed: boolean) => (granted = allowed))
    expect(granted).toBe(true)
    const stranger = { getURL: () => 'https://evil.example/' }
    fake.sessionRecord.permissionRequestHandler?.(stranger, 'clipboard-sanitized-write', (allowed: boolean) => (granted = allowed))
    expect(granted).toBe(false)
    fake.sessionRecord.permissionRequestHandler?.(contents, 'clipboard-read', (allowed: boolean) => (granted = allowed))
    expect(granted).toBe(false)
    let headers: Record<string, string[]> = {}
    fake.sessionRecord.headersListener?.(
      { responseHeaders: {} },
      (response: { responseHeaders: Record<string, string[]> }) => (headers = response.responseHeaders)
    )
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY])
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'")
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
  })

  it('answers the app page, refuses other frames, and is connected to its sandbox pool', async () => {
    const window = fake.windows[0]
    const handler = fake.handlers.get(contract.getConnection.channel)!
    const fromApp = (await handler({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, undefined)) as {
      ok: boolean
      data: { state: string; info: { mode: string } }
    }
    expect(fromApp.ok).toBe(true)
    expect(fromApp.data).toMatchObject({ state: 'connected', info: { mode: 'sandbox' } })
    const fromElsewhere = (await handler({ senderFrame: { url: 'https://evil.example/' } }, undefined)) as { ok: boolean; error: { code: string } }
    expect(fromElsewhere).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } })
    const badPayload = (await fake.handlers.get(contract.register.channel)!(
      { sender: window.webContents, senderFrame: window.webContents.mainFrame },
      { username: 42 }
    )) as {
      ok: boolean
      error: { code: string; message: string }
    }
    expect(badPayload).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(badPayload.error.message).not.toMatch(/\n\s+at /)
  })
})
