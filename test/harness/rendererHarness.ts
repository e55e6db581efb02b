/**
 * Runs the real built renderer in Debian's Chromium with the app's own preload and main's own IPC
 * registration, sender check and event sending: only Electron's IPC transport is replaced (by a
 * Playwright binding, see electronInPage.ts). The built files are served through request routing on a
 * fixed https origin, so no port is opened.
 */
import '../../src/main/quietSdkNotices'
// The main process loads the sandbox with import() only when it is used. Under Playwright that goes
// through Node's ESM loader, which does not compile TypeScript; loaded here first, it is found ready.
import '../../src/main/sandbox/sandbox'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { IpcMainInvokeEvent } from 'electron'
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core'
import { contract, operations, type AppEvent, type PayloadOf } from '../../src/shared/contract'
import { openAppContext, type AppContext } from '../../src/main/app/appContext'
import { createLinkInbox, linkEvent, openPoolContext } from '../../src/main/desktop/ticketLinks'
import { sendEvent } from '../../src/main/ipc/sendEvent'
import { wireWindow } from '../../src/main/ipc/wireWindow'
import type { Handlers } from '../../src/main/operations/handler'
import { createOperations } from '../../src/main/operations/handlers'
import { isPageOf } from '../../src/main/security/appUrl'
import { rendererResponse } from '../../src/main/security/rendererFiles'
import { isAppMainFrame, type FrameLike, type SenderEvent } from '../../src/main/security/senderCheck'
import { preloadScript } from './pagePreload'

export const APP_ORIGIN = 'https://tier-admin.app'
/** The page the harness opens: its app page, as rendererUrl() is the window's. */
const APP_PAGE = `${APP_ORIGIN}/index.html`
/** Main's sender check, for the harness's page. */
const isAppUrl = (url: string): boolean => isPageOf(APP_PAGE, url)
const RENDERER_DIR = join(__dirname, '../../out/renderer')
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic'
]

export interface HarnessOptions {
  /** Environment for the app context (COGNITO_*, TIER_ADMIN_DATA_DIR …). */
  env: NodeJS.ProcessEnv
  headless?: boolean
  viewport?: { width: number; height: number }
  /** The operating system's colour setting as the page sees it (prefers-color-scheme); light by default. */
  colorScheme?: 'light' | 'dark'
  /** The save dialog's stand-in: each export is saved in this folder under its suggested name (none: exports are refused). */
  saveDir?: string
  /** The open dialog's stand-in: every import reads this file (none: imports are refused). */
  openFile?: string
}

export interface Harness {
  page: Page
  app: AppContext
  browser: Browser
  context: BrowserContext
  /**
   * The real main-process handlers behind the bridge. A test may wrap one to see how the window shows a
   * reply the pool cannot be made to give (a very long value, say); it is the real one otherwise.
   */
  handlers: Handlers
  /** The files main was asked to show in their folder (the file manager's stand-in), in order. */
  shownInFolder: string[]
  /** Calls made through the bridge (before main's sender check), for tests that check what the page asked for. */
  calls: { operation: string; payload: unknown }[]
  /** The clipboard's stand-in: each secret main handed over (a generated temporary password), never through the page. */
  handedOver: string[]
  /** Sends a contract event to the page as the main process does (the application menu's screen items), through main's sendEvent. */
  emit<E extends AppEvent>(event: E, payload: PayloadOf<E>): Promise<void>
  /** A ticket link as the operating system hands it to the app: through main's own inbox and check (ticketLinks.ts), then sent as the app sends it. */
  openLink(raw: string): Promise<void>
  close(): Promise<void>
}

export async function launchHarness(options: HarnessOptions): Promise<Harness> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('The renderer is not built: run "npm run build" first.')
  }
  const saveDir = options.saveDir
  const openFile = options.openFile
  const app = await openAppContext({ env: options.env, processLabel: 'the Tier Admin app' })
  const shownInFolder: string[] = []
  const handedOver: string[] = []
  // The dialogs', the file manager's and the clipboard's stand-ins, where the app uses Electron's (src/main/desktop).
  const { handlers } = createOperations(app, {
    showInFolder: (path) => void shownInFolder.push(path),
    ...(saveDir ? { chooseSaveFile: async ({ suggestedName }) => join(saveDir, suggestedName) } : {}),
    ...(openFile ? { chooseOpenFile: async () => openFile } : {}),
    handOverSecret: async (secret) => {
      handedOver.push(secret)
      return 'copied to the clipboard'
    }
  })
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: options.headless ?? true, args: CHROMIUM_ARGS })
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 820 },
    colorScheme: options.colorScheme ?? 'light',
    acceptDownloads: true
  })
  const calls: Harness['calls'] = []

  // Answered by the app scheme's own code (src/main/desktop/protocol.ts), so the page gets the app's files and
  // headers, the CSP from the one policy above all.
  await context.route(`${APP_ORIGIN}/**`, async (route) => {
    const response = await rendererResponse(RENDERER_DIR, new URL(route.request().url()).pathname, route.request().method())
    return route.fulfill({ status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) })
  })
  // Nothing else may load: the app talks to Cognito only through the main process.
  await context.route(
    (url) => !url.href.startsWith(APP_ORIGIN),
    (route) => route.abort('blockedbyclient')
  )

  // Main's IPC handlers, registered by main's own code with the same sender check; only Electron's
  // transport is replaced: the page's ipcRenderer calls this binding, which plays ipcMain.
  const ipcMain = new Map<string, (event: IpcMainInvokeEvent, payload: unknown) => unknown>()
  // Main's own sender check, over events shaped as Electron's: each page plays a web contents whose top
  // frame is one object for its life, and only the harness's page is the app's window.
  let appPage: Page | null = null
  const senders = new WeakMap<Page, { mainFrame: FrameLike }>()
  const senderOf = (of: Page): { mainFrame: FrameLike } => {
    let sender = senders.get(of)
    if (!sender) {
      const mainFrame: FrameLike = {
        get url() {
          return of.url()
        },
        parent: null
      }
      sender = { mainFrame }
      senders.set(of, sender)
    }
    return sender
  }
  const senderEvent = (of: Page, frame: Frame): SenderEvent => {
    const sender = senderOf(of)
    return { sender, senderFrame: frame === of.mainFrame() ? sender.mainFrame : { url: frame.url(), parent: sender.mainFrame } }
  }
  const isAppSender = (event: SenderEvent): boolean => isAppMainFrame(event, (contents) => appPage !== null && contents === senderOf(appPage), isAppUrl)
  // The page as main's sendEvent sees a window's webContents. Deliveries are chained, so events arrive
  // in the order sent, and emit() can wait for its own.
  let delivered: Promise<void> = Promise.resolve()
  const contents = {
    getURL: () => appPage?.url() ?? '',
    send: (channel: string, payload: unknown) => {
      const page = appPage
      if (!page) return
      delivered = delivered
        .then(() =>
          page.evaluate(([name, value]) => (window as unknown as { __tierAdminEmit: (c: string, v: unknown) => void }).__tierAdminEmit(name, value), [
            channel,
            payload
          ] as const)
        )
        .catch(() => undefined)
    }
  }
  // Main's own wiring of a window: the channels with the sender check, and every job's progress sent as the app sends it.
  const stopJobUpdates = wireWindow({
    ipcMain: { handle: (channel, listener) => void ipcMain.set(channel, listener) },
    handlers,
    isTrustedSender: isAppSender,
    jobUpdates: app.jobUpdates,
    contents,
    isAppUrl
  })
  const operationOf = new Map(operations.map((operation) => [contract[operation].channel as string, operation]))
  await context.exposeBinding('__tierAdminInvoke', async (source, channel: string, payload: unknown) => {
    const handle = ipcMain.get(channel)
    // What Electron answers an invoke on a channel nobody handles.
    if (!handle) throw new Error(`No handler registered for '${channel}'`)
    calls.push({ operation: operationOf.get(channel) ?? channel, payload })
    return handle(senderEvent(source.page, source.frame) as IpcMainInvokeEvent, payload)
  })
  await context.addInitScript({ content: preloadScript() })

  const page = await context.newPage()
  appPage = page
  await page.goto(APP_PAGE)
  // As the app's index.ts: links wait until the page has loaded, and each is checked against the connection open then.
  let linkChecked: Promise<unknown> = Promise.resolve()
  const links = createLinkInbox((raw) => {
    const checked = linkEvent(raw, () => openPoolContext(app))
    linkChecked = checked
    return checked
  })
  links.attach((event) => void sendEvent(contents, isAppUrl, 'openLink', event))
  return {
    page,
    app,
    browser,
    context,
    handlers,
    calls,
    shownInFolder,
    handedOver,
    emit: async (event, payload) => {
      sendEvent(contents, isAppUrl, event, payload)
      await delivered
    },
    openLink: async (raw) => {
      links.receive(raw)
      await linkChecked
      // The checked link is sent on the next turn; then its delivery to the page is awaited.
      await new Promise((resolve) => setTimeout(resolve, 0))
      await delivered
    },
    close: async () => {
      stopJobUpdates()
      await browser.close()
      await app.close()
    }
  }
}
