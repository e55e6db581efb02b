/** App lifecycle: open the connection, wire the window to the operations layer, show the locked-down window. */
import './quietSdkNotices'
import { app, BrowserWindow, ipcMain, safeStorage } from 'electron'
import { openAppContext, type AppContext } from './app/appContext'
import { handOverSecret } from './desktop/clipboard'
import { askInPerson, chooseOpenFile, chooseSaveFile, showInFolder } from './desktop/dialogs'
import { installMenu } from './desktop/menu'
import { registerAppScheme, serveAppScheme } from './desktop/protocol'
import { createLinkInbox, linkEvent, linkInArgv, openPoolContext, registerLinkScheme } from './desktop/ticketLinks'
import { createMainWindow, isAppSender, isAppUrl, lockDownSession } from './desktop/window'
import { sendEvent } from './ipc/sendEvent'
import { wireWindow } from './ipc/wireWindow'
import { createOperations } from './operations/handlers'

let context: AppContext | null = null
/** Ticket links wait here until the window's page listens; each is checked against the connection open then. */
const links = createLinkInbox(async (raw) => {
  if (!context) return { kind: 'refused', reason: 'The app is closing: the link was not opened.' }
  const open = context
  return linkEvent(raw, () => openPoolContext(open))
})

async function start(): Promise<void> {
  // The CLI computes the same folder without Electron; keep them in step.
  process.env.TIER_ADMIN_DATA_DIR ??= app.getPath('userData')
  // Profiles' client secrets are sealed with the system keychain; the CLI, without Electron, cannot open them.
  context = await openAppContext({ processLabel: 'the Tier Admin app', secretStore: safeStorage })
  const { handlers } = createOperations(context, { chooseSaveFile, chooseOpenFile, showInFolder, askInPerson, handOverSecret })
  lockDownSession()
  serveAppScheme()
  const mainWindow = createMainWindow()
  // A closed window's page is gone: nothing more is sent to it.
  const contents = {
    getURL: () => (mainWindow.isDestroyed() ? '' : mainWindow.webContents.getURL()),
    send: (channel: string, payload: unknown) => mainWindow.webContents.send(channel, payload)
  }
  const stopJobUpdates = wireWindow({ ipcMain, handlers, isTrustedSender: isAppSender, jobUpdates: context.jobUpdates, contents, isAppUrl })
  mainWindow.once('closed', stopJobUpdates)
  installMenu((screen) => void sendEvent(contents, isAppUrl, 'navigate', screen))
  // The page subscribes before its first render, so once it has loaded it hears every link.
  mainWindow.webContents.once('did-finish-load', () => links.attach((event) => void sendEvent(contents, isAppUrl, 'openLink', event)))
}

/** A second launch, or the OS with a link for this app: the window comes forward. */
function bringForward(): void {
  const window = BrowserWindow.getAllWindows()[0]
  if (window?.isMinimized()) window.restore()
  window?.focus()
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  // Electron takes a scheme's privileges only before the app is ready.
  registerAppScheme()
  registerLinkScheme(app, process)
  // One app per data folder: a second launch brings the first window forward instead, with the
  // ticket link it was started with (Windows and Linux put it in the arguments).
  app.on('second-instance', (_event: unknown, argv: string[]) => {
    bringForward()
    const link = linkInArgv(argv)
    if (link) links.receive(link)
  })
  // macOS hands a link to the running app (or the one it starts) as open-url, possibly before ready.
  app.on('open-url', (event: { preventDefault(): void }, url: string) => {
    event.preventDefault()
    bringForward()
    links.receive(url)
  })
  // The first launch's own link (Windows and Linux, when no window was open).
  const ownLink = linkInArgv(process.argv)
  if (ownLink) links.receive(ownLink)
  app.whenReady().then(start, (error: unknown) => {
    console.error('Tier Admin could not start:', error)
    app.exit(1)
  })
  app.on('window-all-closed', () => app.quit())
  // Stop the sandbox emulator (and any running scan) before the process exits.
  app.on('will-quit', (event) => {
    if (!context) return
    event.preventDefault()
    const closing = context
    context = null
    void closing.close().finally(() => app.quit())
  })
}
