/**
 * Runs the real built renderer in Debian's Chromium with the preload's API backed by the real
 * main-process handlers: only Electron's IPC transport is replaced (by a Playwright binding).
 * The built files are served through request routing on a fixed https origin, so no port is opened.
 */
import '../../src/main/quietSdkNotices'
// The main process loads the sandbox with import() only when it is used. Under Playwright that goes
// through Node's ESM loader, which does not compile TypeScript; loaded here first, it is found ready.
import '../../src/main/sandbox/sandbox'
import { existsSync, readFileSync } from 'node:fs'
import { extname, join, normalize } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { appEvents, events, operations, subscriberName, type AppEvent, type PayloadOf } from '../../src/shared/contract'
import { openAppContext, type AppContext } from '../../src/main/appContext'
import { createHandlers, type Handlers } from '../../src/main/ipc/handlers'
import { invokeOperation } from '../../src/main/ipc/invoke'
import { CONTENT_SECURITY_POLICY } from '../../src/main/security/policy'

export const APP_ORIGIN = 'https://tier-admin.app'
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

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json'
}

export interface HarnessOptions {
  /** Environment for the app context (COGNITO_*, TIER_ADMIN_DATA_DIR …). */
  env: NodeJS.ProcessEnv
  headless?: boolean
  viewport?: { width: number; height: number }
  /** The operating system's colour setting as the page sees it (prefers-color-scheme); light by default. */
  colorScheme?: 'light' | 'dark'
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
  /** Calls made through the bridge, for tests that check what the page asked for. */
  calls: { operation: string; payload: unknown }[]
  /** Sends a contract event to the page as the main process does (the application menu's screen items). */
  emit<E extends AppEvent>(event: E, payload: PayloadOf<E>): Promise<void>
  close(): Promise<void>
}

export async function launchHarness(options: HarnessOptions): Promise<Harness> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('The renderer is not built: run "npm run build" first.')
  }
  const app = await openAppContext({ env: options.env, processLabel: 'the Tier Admin app' })
  const handlers = createHandlers(app)
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: options.headless ?? true, args: CHROMIUM_ARGS })
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 820 },
    colorScheme: options.colorScheme ?? 'light',
    acceptDownloads: true
  })
  const calls: Harness['calls'] = []

  await context.route(`${APP_ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname
    const file = normalize(join(RENDERER_DIR, path === '/' ? 'index.html' : path))
    if (!file.startsWith(RENDERER_DIR) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' })
    return route.fulfill({
      status: 200,
      body: readFileSync(file),
      headers: { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': CONTENT_SECURITY_POLICY }
    })
  })
  // Nothing else may load: the app talks to Cognito only through the main process.
  await context.route(
    (url) => !url.href.startsWith(APP_ORIGIN),
    (route) => route.abort('blockedbyclient')
  )

  // The same sender check the Electron main process makes: only the app's own page may call.
  await context.exposeBinding('__tierAdminInvoke', async (source, operation: string, payload: unknown) => {
    if (new URL(source.frame.url()).origin !== APP_ORIGIN) return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'Refused.' } }
    calls.push({ operation, payload })
    return invokeOperation(handlers, operation as never, payload)
  })
  const subscribers = Object.fromEntries(appEvents.map((event) => [events[event].channel, subscriberName(event)]))
  await context.addInitScript(bridgeScript, { operationNames: operations as string[], subscribers })

  const page = await context.newPage()
  await page.goto(`${APP_ORIGIN}/index.html`)
  return {
    page,
    app,
    browser,
    context,
    handlers,
    calls,
    emit: async (event, payload) => {
      const { channel, payload: schema } = events[event]
      // The preload drops what its schema refuses; so does this stand-in.
      if (!schema.safeParse(payload).success) return
      await page.evaluate(([name, value]) => (window as unknown as { __tierAdminEmit: (c: string, v: unknown) => void }).__tierAdminEmit(name, value), [
        channel,
        payload
      ] as const)
    },
    close: async () => {
      await browser.close()
      await app.close()
    }
  }
}

/** Runs in the page before its scripts: the stand-in for the preload's contextBridge API. */
function bridgeScript({ operationNames, subscribers }: { operationNames: string[]; subscribers: Record<string, string> }): void {
  const invoke = (window as unknown as { __tierAdminInvoke: (operation: string, payload: unknown) => Promise<unknown> }).__tierAdminInvoke
  const api: Record<string, unknown> = {}
  for (const name of operationNames) api[name] = (payload?: unknown) => invoke(name, payload)
  // Events: the test's emit() plays the main process's webContents.send on a channel.
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  for (const [channel, name] of Object.entries(subscribers)) {
    api[name] = (listener: (payload: unknown) => void) => {
      const set = listeners.get(channel) ?? new Set()
      listeners.set(channel, set.add(listener))
      return () => void set.delete(listener)
    }
  }
  const emit = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((listener) => listener(payload))
  Object.defineProperty(window, '__tierAdminEmit', { value: emit, writable: false, configurable: false })
  Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false, configurable: false })
}
