/** App lifecycle: open the connection, register the IPC contract, show the locked-down window. */
import './quietSdkNotices'
import { app, BrowserWindow, ipcMain, safeStorage } from 'electron'
import { openAppContext, type AppContext } from './appContext'
import { createHandlers } from './ipc/handlers'
import { forwardJobUpdates } from './ipc/forwardJobUpdates'
import { registerIpc } from './ipc/registerIpc'
import { sendEvent } from './ipc/sendEvent'
import { installMenu } from './menu'
import { registerAppScheme, serveAppScheme } from './protocol'
import { chooseOpenFile, chooseSaveFile } from './fileDialogs'
import { createMainWindow, isAppSender, isAppUrl, lockDownSession } from './window'

let context: AppContext | null = null

async function start(): Promise<void> {
  // The CLI computes the same folder without Electron; keep them in step.
  process.env.TIER_ADMIN_DATA_DIR ??= app.getPath('userData')
  // Profiles' client secrets are sealed with the system keychain; the CLI, without Electron, cannot open them.
  context = await openAppContext({ processLabel: 'the Tier Admin app', chooseSaveFile, chooseOpenFile, secretStore: safeStorage })
  registerIpc(ipcMain, createHandlers(context), isAppSender)
  lockDownSession()
  serveAppScheme()
  const mainWindow = createMainWindow()
  installMenu((screen) => {
    if (!mainWindow.isDestroyed()) sendEvent(mainWindow.webContents, isAppUrl, 'navigate', screen)
  })
  const stopForwarding = forwardJobUpdates(context, (update) => {
    if (!mainWindow.isDestroyed()) sendEvent(mainWindow.webContents, isAppUrl, 'jobUpdate', update)
  })
  mainWindow.once('closed', stopForwarding)
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
