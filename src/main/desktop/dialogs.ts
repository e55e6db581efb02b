/**
 * The operating system's dialogs main shows: where to save, which file to read, a question for a
 * person; and its file manager, opened on a file saved.
 */
import { BrowserWindow, dialog, shell } from 'electron'
import type { InPersonQuestion } from '../config/profileManager'
import type { SaveFileRequest } from '../operations/frontEnd'

const FILTERS: Record<SaveFileRequest['format'], Electron.FileFilter[]> = {
  csv: [{ name: 'CSV (spreadsheets)', extensions: ['csv'] }],
  jsonl: [{ name: 'JSON lines', extensions: ['jsonl'] }]
}

const parentWindow = (): BrowserWindow | undefined => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]

/** The operator picks where an export goes; the file's content never crosses to the window. */
export async function chooseSaveFile(request: SaveFileRequest): Promise<string | null> {
  const window = parentWindow()
  const options = { defaultPath: request.suggestedName, filters: FILTERS[request.format], properties: ['showOverwriteConfirmation' as const] }
  const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
  return choice.canceled || !choice.filePath ? null : choice.filePath
}

/** The operator picks the CSV file to import; main reads it, so neither its path nor its passwords come from the window. */
export async function chooseOpenFile(): Promise<string | null> {
  const window = parentWindow()
  const options = { title: 'Import users from a CSV file', filters: FILTERS.csv, properties: ['openFile' as const] }
  const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
  return choice.canceled ? null : (choice.filePaths[0] ?? null)
}

/**
 * A question only a person at this computer can answer: a dialog of the operating system, which the
 * page cannot click or fill in, with Cancel as the default.
 */
export async function askInPerson(question: InPersonQuestion): Promise<boolean> {
  const window = parentWindow()
  const options = {
    type: 'warning' as const,
    title: question.title,
    message: question.title,
    detail: question.detail,
    buttons: [question.confirmLabel, 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    noLink: true
  }
  const answer = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options)
  return answer.response === 0
}

/** The system's file manager on the folder a saved file is in, the file selected. */
export function showInFolder(path: string): void {
  shell.showItemInFolder(path)
}
