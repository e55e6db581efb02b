/**
 * Ticket links through the built main bundle's own single-instance path, under the stand-in
 * `electron`: the scheme is registered with the OS; the first launch's own link, a second launch's
 * argv (Windows, Linux) and macOS's open-url each reach the first window as the openLink event once
 * its page has loaded; the window is restored and focused; a malformed link arrives as "refused" only.
 */
import { existsSync } from 'node:fs'
import Module, { createRequire } from 'node:module'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { events } from '../../src/shared/contract'
import { createFakeElectron } from '../support/fakeElectron'
import { makeTempDir } from '../support/tempDir'

const MAIN_BUNDLE = join(__dirname, '../../out/main/index.js')
const SUB = '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d'
const temp = makeTempDir('tier-admin-links-')
const fake = createFakeElectron(temp.dir)
const moduleInternals = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown }
const originalLoad = moduleInternals._load
const savedEnv = { ...process.env }
const savedArgv = process.argv

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 50))
  if (!condition()) throw new Error(`Timed out waiting for ${what}`)
}

const linkEvents = () => fake.windows[0]?.webContents.sent.filter((sent) => sent.channel === events.openLink.channel).map((sent) => sent.payload) ?? []

beforeAll(async () => {
  expect(existsSync(MAIN_BUNDLE), 'run "npm run build" first').toBe(true)
  for (const key of Object.keys(process.env)) if (key.startsWith('COGNITO_') || key.startsWith('TIER_ADMIN_')) delete process.env[key]
  moduleInternals._load = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? fake.electron : originalLoad.call(this, request, ...rest)
  }
  fake.electron.app.isPackaged = true
  process.chdir(temp.dir)
  // The first launch was itself started by a link (Windows and Linux put it in the arguments).
  process.argv = ['/opt/Tier Admin/tier-admin', 'tier-admin://open?username=first.launch']
  createRequire(__filename)(MAIN_BUNDLE)
  fake.makeReady()
  await waitFor(() => fake.windows.length > 0, 'the main window')
})

afterAll(async () => {
  const event = { defaultPrevented: false, preventDefault: () => undefined }
  fake.electron.app.emit('will-quit', event)
  await waitFor(() => fake.electron.app.quitCalls > 0, 'the app to quit after closing')
  moduleInternals._load = originalLoad
  process.env = savedEnv
  process.argv = savedArgv
  temp.remove()
})

describe('ticket links through the single-instance path', () => {
  it('registers the tier-admin scheme with the operating system as the packaged app', () => {
    expect(fake.electron.app.protocolClients).toEqual([{ scheme: 'tier-admin' }])
  })

  it("opens the first launch's own link once the page has loaded", async () => {
    await waitFor(() => linkEvents().length > 0, 'the first link')
    expect(linkEvents()).toEqual([{ kind: 'open', by: 'username', value: 'first.launch' }])
  })

  it("hands a second launch's link to the first window, brought forward, for each kind of key", async () => {
    const window = fake.windows[0]!
    window.minimized = true
    const focused = window.focusCalls
    const second = (link: string) => fake.electron.app.emit('second-instance', {}, ['/opt/Tier Admin/tier-admin', '--flag', link], temp.dir)
    second('tier-admin://open?email=jane%40acme.test')
    second(`tier-admin://open?sub=${SUB}&pool=sandbox`)
    await waitFor(() => linkEvents().length === 3, 'the second launches')
    expect(window.minimized).toBe(false)
    expect(window.focusCalls).toBe(focused + 2)
    // macOS gives the running app the link as open-url.
    let prevented = false
    fake.electron.app.emit('open-url', { preventDefault: () => (prevented = true) }, 'tier-admin://open?username=mac.user')
    await waitFor(() => linkEvents().length === 4, 'the open-url link')
    expect(prevented).toBe(true)
    expect(linkEvents().slice(1)).toEqual([
      { kind: 'open', by: 'email', value: 'jane@acme.test' },
      { kind: 'open', by: 'sub', value: SUB },
      { kind: 'open', by: 'username', value: 'mac.user' }
    ])
  })

  it('sends a malformed link or one for a profile that does not exist as refused, never as a user to open', async () => {
    const before = linkEvents().length
    fake.electron.app.emit('second-instance', {}, ['tier-admin', 'tier-admin://open?username=jane&tier=premium'], temp.dir)
    fake.electron.app.emit('second-instance', {}, ['tier-admin', 'tier-admin://open?username=jane&pool=prod-eu'], temp.dir)
    // A second launch without a link only brings the window forward.
    fake.electron.app.emit('second-instance', {}, ['tier-admin'], temp.dir)
    await waitFor(() => linkEvents().length === before + 2, 'the refusals')
    expect(linkEvents().slice(before)).toEqual([
      { kind: 'refused', reason: expect.stringContaining('unknown key "tier"') },
      { kind: 'refused', reason: expect.stringContaining('no profile with that id') }
    ])
  })
})
