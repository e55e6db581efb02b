/**
 * A stand-in for the `electron` module, recording what the built main bundle asks of it. It is the
 * single place the tests replace Electron.
 */
type Listener = (...args: unknown[]) => unknown

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

  class FakeWebContents extends FakeEmitter {
    windowOpenHandler: Listener | null = null
    setWindowOpenHandler(handler: Listener): void {
      this.windowOpenHandler = handler
    }
  }

  class FakeBrowserWindow extends FakeEmitter {
    static getAllWindows = () => windows
    readonly webContents = new FakeWebContents()
    loadedUrl: string | null = null
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      super()
      windows.push(this)
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrl = url
      return Promise.resolve()
    }
    show(): void {}
    focus(): void {}
  }

  const app = Object.assign(new FakeEmitter(), {
    quitCalls: 0,
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
    ipcMain: { handle: (channel: string, listener: Listener) => void handlers.set(channel, listener) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => (sessionRecord.permissionRequestHandler = handler),
        setPermissionCheckHandler: (handler: Listener) => (sessionRecord.permissionCheckHandler = handler),
        webRequest: { onHeadersReceived: (listener: Listener) => (sessionRecord.headersListener = listener) }
      }
    },
    shell: { openExternal: () => Promise.resolve() }
  }
  return { electron, handlers, windows, sessionRecord, makeReady: resolveReady }
}
