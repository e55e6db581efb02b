/** App lifecycle: open the connection, wire the window to the operations layer, show the locked-down window. */
import './quietSdkNotices'
import { app, BrowserWindow, ipcMain, safeStorage } from 'electron'
import { openAppContext, type AppContext } from './app/appContext'
import { handOverSecret } from './desktop/clipboard'
import { askInPerson, chooseOpenFile, chooseSaveFile } from './desktop/dialogs'
import { installMenu } from './desktop/menu'
import { registerAppScheme, serveAppScheme } from './desktop/protocol'
import { createMainWindow, isAppSender, isAppUrl, lockDownSession } from './desktop/window'
import { sendEvent } from './ipc/sendEvent'
import { wireWindow } from './ipc/wireWindow'
import { createOperations } from './operations/handlers'

let context: AppContext | null = null

async function start(): Promise<void> {
  // The CLI computes the same folder without Electron; keep them in step.
  process.env.TIER_ADMIN_DATA_DIR ??= app.getPath('userData')
  // Profiles' client secrets are sealed with the system keychain; the CLI, without Electron, cannot open them.
  context = await openAppContext({ processLabel: 'the Tier Admin app', secretStore: safeStorage })
  const { handlers } = createOperations(context, { chooseSaveFile, chooseOpenFile, askInPerson, handOverSecret })
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
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  // Electron takes a scheme's privileges only before the app is ready.
  registerAppScheme()
  // One app per data folder: a second launch brings the first window forward instead.
  app.on('second-instance', () => {
    const window = BrowserWindow.getAllWindows()[0]
    if (window?.isMinimized()) window.restore()
    window?.focus()
  })
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
