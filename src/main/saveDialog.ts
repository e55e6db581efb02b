import { BrowserWindow, dialog } from 'electron'
import type { SaveFileRequest } from './appContext'

const FILTERS: Record<SaveFileRequest['format'], Electron.FileFilter[]> = {
  csv: [{ name: 'CSV (spreadsheets)', extensions: ['csv'] }],
  jsonl: [{ name: 'JSON lines', extensions: ['jsonl'] }]
}

/** The operator picks where an export goes; the file's content never crosses to the window. */
export async function chooseSaveFile(request: SaveFileRequest): Promise<string | null> {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
  const options = { defaultPath: request.suggestedName, filters: FILTERS[request.format], properties: ['showOverwriteConfirmation' as const] }
  const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
  return choice.canceled || !choice.filePath ? null : choice.filePath
}
