/**
 * Every IPC channel refuses a call that is not from the main frame of the app's own window showing the
 * app's page: main's registerIpc with the window's own sender check (src/main/desktop/window.ts), under the
 * stand-in `electron`, in production (packaged) and development (electron-vite dev server) modes.
 */
import { tmpdir } from 'node:os'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Handlers } from '../../../src/main/operations/handler'
import { APP_PAGE } from '../../../src/main/security/appUrl'
import { contract, operations } from '../../../src/shared/contract'
import type { createFakeElectron } from '../../support/fakeElectron'

const fake = vi.hoisted(() => ({ current: null as ReturnType<typeof createFakeElectron> | null }))
vi.mock('electron', async () => {
  const { createFakeElectron } = await import('../../support/fakeElectron')
  fake.current = createFakeElectron(tmpdir())
  return fake.current.electron
})

const { createMainWindow, isAppSender } = await import('../../../src/main/desktop/window')
const { registerIpc } = await import('../../../src/main/ipc/registerIpc')

const DEV_SERVER = 'http://localhost:5173'
const MODES = [
  // The production bundle is started with a dev server address in its environment: it must not count.
  { mode: 'production', isPackaged: true, page: APP_PAGE, otherFile: 'app://tier-admin/assets/evil.html' },
  { mode: 'development', isPackaged: false, page: `${DEV_SERVER}/`, otherFile: `${DEV_SERVER}/evil.html` }
] as const

type Window = ReturnType<typeof createMainWindow> & { loadedUrl: string | null }
type Contents = { mainFrame: { url: string; parent: null } }
interface FrameKind {
  name: string
  /** The event Electron would give for this sender; may point the window at another URL first. */
  event(window: Window, page: string, otherFile: string): unknown
}

const subframe = (contents: Contents, url: string) => ({ url, parent: contents.mainFrame })
const FRAME_KINDS: FrameKind[] = [
  { name: 'a subframe showing the app page', event: (w, page) => ({ sender: w.webContents, senderFrame: subframe(w.webContents as never, page) }) },
  { name: 'a subframe of another origin', event: (w) => ({ sender: w.webContents, senderFrame: subframe(w.webContents as never, 'https://evil.example/') }) },
  { name: 'an about:srcdoc subframe', event: (w) => ({ sender: w.webContents, senderFrame: subframe(w.webContents as never, 'about:srcdoc') }) },
  { name: 'a null frame (navigated away or destroyed)', event: (w) => ({ sender: w.webContents, senderFrame: null }) },
  { name: 'no frame at all', event: (w) => ({ sender: w.webContents }) },
  { name: 'a frame with no sender', event: (w) => ({ senderFrame: w.webContents.mainFrame }) },
  { name: 'a top frame that is not the window’s main frame', event: (w, page) => ({ sender: w.webContents, senderFrame: { url: page, parent: null } }) },
  ...(['about:blank', '', '/x', 'file:///tmp/index.html', 'https://evil.example/', 'data:text/html,x'] as const).map((url) => ({
    name: `the main frame at ${JSON.stringify(url)}`,
    event: (w: Window) => {
      w.loadedUrl = url
      return { sender: w.webContents, senderFrame: w.webContents.mainFrame }
    }
  })),
  {
    name: 'the main frame on another file of the app',
    event: (w, _page, otherFile) => {
      w.loadedUrl = otherFile
      return { sender: w.webContents, senderFrame: w.webContents.mainFrame }
    }
  },
  {
    name: 'the app page in a window the app did not make',
    event: (_w, page) => {
      const stranger = new fake.current!.electron.BrowserWindow({ webPreferences: {} })
      void stranger.loadURL(page)
      return { sender: stranger.webContents, senderFrame: stranger.webContents.mainFrame }
    }
  }
]

const savedEnv = { ...process.env }
const called: string[] = []
// Any handler reached records itself: a refused call must reach none.
const handlers = new Proxy({} as Handlers, { get: (_target, name) => async () => void called.push(String(name)) })
const channels = new Map<string, (event: unknown, payload: unknown) => Promise<{ ok: boolean; error?: { code: string } }>>()
let window: Window

beforeAll(() => {
  process.env.ELECTRON_RENDERER_URL = DEV_SERVER
  process.env.NODE_ENV_ELECTRON_VITE = 'development'
  registerIpc({ handle: (channel: string, listener: never) => void channels.set(channel, listener) } as never, handlers, isAppSender)
  window = createMainWindow() as Window
})

afterAll(() => {
  process.env = savedEnv
})

describe.each(MODES)('in $mode mode', ({ isPackaged, page, otherFile }) => {
  const channelList = operations.map((operation) => contract[operation].channel)

  it('answers the main frame of the app window showing the app page, on every channel', async () => {
    fake.current!.electron.app.isPackaged = isPackaged
    window.loadedUrl = page
    for (const channel of channelList) {
      const reply = await channels.get(channel)!({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, undefined)
      expect(reply.error?.code, channel).not.toBe('FORBIDDEN_SENDER')
    }
  })

  it.each(FRAME_KINDS)('refuses $name on every channel, before any handler runs', async (kind) => {
    fake.current!.electron.app.isPackaged = isPackaged
    called.length = 0
    for (const channel of channelList) {
      window.loadedUrl = page
      const reply = await channels.get(channel)!(kind.event(window, page, otherFile), undefined)
      expect(reply, channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } })
    }
    expect(called).toEqual([])
    expect(channelList.length).toBe(operations.length)
  })
})

it('refuses, in production, the dev server page the environment names', async () => {
  fake.current!.electron.app.isPackaged = true
  window.loadedUrl = `${DEV_SERVER}/`
  for (const operation of operations) {
    const reply = await channels.get(contract[operation].channel)!({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, undefined)
    expect(reply, operation).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } })
  }
})
