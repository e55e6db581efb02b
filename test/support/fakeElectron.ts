/**
 * A stand-in for the `electron` module, recording what the built main bundle asks of it. It is the
 * single place the tests replace Electron.
 */
type Listener = (...args: unknown[]) => unknown

/** A menu item as the bundle's template gives it (Electron's MenuItemConstructorOptions, loosely). */
export interface MenuItem {
  id?: string
  label?: string
  role?: string
  type?: string
  accelerator?: string
  click?: () => void
  submenu?: MenuItem[]
}

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>()
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
    return this
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener)
  }
  emit(event: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(event) ?? []).map((listener) => listener(...args))
  }
}

export function createFakeElectron(userDataDir: string) {
  const handlers = new Map<string, Listener>()
  const windows: FakeBrowserWindow[] = []
  let resolveReady: () => void = () => undefined
  const ready = new Promise<void>((resolve) => (resolveReady = resolve))
  const sessionRecord = {
    permissionRequestHandler: null as Listener | null,
    permissionCheckHandler: null as Listener | null,
    headersListener: null as Listener | null
  }
  /** The schemes declared privileged, and each scheme's handler, as the bundle registered them. */
  const protocolRecord = {
    privileged: [] as { scheme: string; privileges: Record<string, boolean> }[],
    privilegedAfterReady: false,
    handlers: new Map<string, Listener>()
  }
  let isReady = false
  void ready.then(() => (isReady = true))

  class FakeWebContents extends FakeEmitter {
    windowOpenHandler: Listener | null = null
    /** What main sent to the page, in order. */
    readonly sent: { channel: string; payload: unknown }[] = []
    /** The top frame, as Electron's WebFrameMain: one object for the page's lifetime, its URL the page's. */
    readonly mainFrame: { readonly url: string; readonly parent: null }
    constructor(readonly owner: () => FakeBrowserWindow) {
      super()
      const url = () => this.getURL()
      this.mainFrame = {
        get url() {
          return url()
        },
        parent: null
      }
    }
    setWindowOpenHandler(handler: Listener): void {
      this.windowOpenHandler = handler
    }
    getURL(): string {
      return this.owner().loadedUrl ?? ''
    }
    send(channel: string, payload: unknown): void {
      this.sent.push({ channel, payload })
    }
  }

  class FakeBrowserWindow extends FakeEmitter {
    static getAllWindows = () => windows
    readonly webContents: FakeWebContents = new FakeWebContents(() => this)
    loadedUrl: string | null = null
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      super()
      windows.push(this)
    }
    minimized = false
    focusCalls = 0
    loadURL(url: string): Promise<void> {
      this.loadedUrl = url
      // As Electron: the page's load finishes after loadURL was called.
      setTimeout(() => this.webContents.emit('did-finish-load'), 0)
      return Promise.resolve()
    }
    show(): void {}
    focus(): void {
      this.focusCalls += 1
    }
    isMinimized(): boolean {
      return this.minimized
    }
    restore(): void {
      this.minimized = false
    }
    isDestroyed(): boolean {
      return false
    }
  }

  /** The menu as installed: Menu.buildFromTemplate keeps the template, setApplicationMenu records it. */
  const menuRecord = { applicationMenu: null as { template: MenuItem[] } | null }
  const Menu = {
    buildFromTemplate: (template: MenuItem[]) => ({ template }),
    setApplicationMenu: (menu: { template: MenuItem[] } | null) => void (menuRecord.applicationMenu = menu)
  }

  const app = Object.assign(new FakeEmitter(), {
    quitCalls: 0,
    isPackaged: false,
    /** Each scheme the bundle asked the OS to hand it, with the command it gave (none: this app). */
    protocolClients: [] as { scheme: string; path?: string; args?: string[] }[],
    setAsDefaultProtocolClient(scheme: string, path?: string, args?: string[]) {
      app.protocolClients.push({ scheme, ...(path ? { path } : {}), ...(args ? { args } : {}) })
      return true
    },
    getPath: (name: string) => (name === 'userData' ? userDataDir : userDataDir),
    requestSingleInstanceLock: () => true,
    whenReady: () => ready,
    quit() {
      app.quitCalls += 1
    },
    exit() {}
  })

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    Menu,
    ipcMain: { handle: (channel: string, listener: Listener) => void handlers.set(channel, listener) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => (sessionRecord.permissionRequestHandler = handler),
        setPermissionCheckHandler: (handler: Listener) => (sessionRecord.permissionCheckHandler = handler),
        webRequest: { onHeadersReceived: (listener: Listener) => (sessionRecord.headersListener = listener) }
      }
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: typeof protocolRecord.privileged) => {
        // Electron ignores (or throws on) privileges declared after ready; record it for the tests.
        if (isReady) protocolRecord.privilegedAfterReady = true
        protocolRecord.privileged.push(...schemes)
      },
      handle: (scheme: string, handler: Listener) => void protocolRecord.handlers.set(scheme, handler)
    },
    /** Every URL the bundle asked the operating system to open: there must be none. */
    shell: { openedExternally: [] as string[], openExternal: (url: string) => Promise.resolve(void electron.shell.openedExternally.push(url)) }
  }
  return { electron, handlers, windows, sessionRecord, protocolRecord, menuRecord, makeReady: resolveReady }
}

/**
 * The `electron` a sandboxed preload gets (contextBridge and ipcRenderer), recording what the built
 * preload bundle exposes to the page and what it sends and listens to.
 */
export function createFakePreloadElectron() {
  const exposed = new Map<string, unknown>()
  const invoked: { channel: string; payload: unknown }[] = []
  const subscribed: string[] = []
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void exposed.set(key, value) },
    ipcRenderer: {
      invoke: (channel: string, payload: unknown) => Promise.resolve(void invoked.push({ channel, payload })),
      on: (channel: string) => void subscribed.push(channel),
      removeListener: () => undefined
    }
  }
  return { electron, exposed, invoked, subscribed }
}
