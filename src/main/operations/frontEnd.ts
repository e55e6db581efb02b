/**
 * What an operation asks of the front end that called it: where to save a file and which file to
 * read. The app shows its dialogs (src/main/desktop/dialogs.ts), the Chromium harness a stand-in,
 * the CLI answers from its flags (--out, the file argument) and may name its standard output.
 */
import { AppError } from '../../shared/errors'
import type { AskInPerson } from '../config/profileManager'
import type { SaveTarget } from '../storage/saveLines'

/** What a save dialog offers: a file name and the kind of file. */
export interface SaveFileRequest {
  suggestedName: string
  format: 'csv' | 'jsonl'
}

export interface FrontEnd {
  /** Where to save; null when the operator cancelled. */
  chooseSaveFile?(request: SaveFileRequest): Promise<SaveTarget | null>
  /** Which CSV file to read; null when the operator cancelled. */
  chooseOpenFile?(): Promise<string | null>
  /**
   * Hands a secret made in main (a generated temporary password) to the operator once, without it
   * crossing the bridge: the app puts it on the clipboard, the CLI prints it once. Returns how the
   * operator got it ("copied to the clipboard"), for the result's sentence.
   */
  handOverSecret?(secret: string, what: string): Promise<string>
  /** Opens the folder a saved file is in, the file selected (the app: the system's file manager). */
  showInFolder?(path: string): Promise<void> | void
  /** Asks a person directly, where the page cannot answer for them (the app: a dialog of the operating system). */
  askInPerson?: AskInPerson
}

export async function chooseSaveFile(frontEnd: FrontEnd, request: SaveFileRequest): Promise<SaveTarget | null> {
  if (!frontEnd.chooseSaveFile) throw new AppError('NOT_CONFIGURED', 'This front end has no save dialog; name the file to write instead.')
  return frontEnd.chooseSaveFile(request)
}

export async function chooseOpenFile(frontEnd: FrontEnd): Promise<string | null> {
  if (!frontEnd.chooseOpenFile) throw new AppError('NOT_CONFIGURED', 'This front end has no open dialog; name the file to read instead.')
  return frontEnd.chooseOpenFile()
}

export async function handOverSecret(frontEnd: FrontEnd, secret: string, what: string): Promise<string> {
  if (!frontEnd.handOverSecret) throw new AppError('NOT_CONFIGURED', 'This front end cannot hand a generated password over; type one instead.')
  return frontEnd.handOverSecret(secret, what)
}

/** Without a person to ask, a change that needs one is refused. */
export const askInPerson =
  (frontEnd: FrontEnd): AskInPerson =>
  async (question) => {
    if (!frontEnd.askInPerson) throw new AppError('NOT_CONFIGURED', `${question.title} This needs a person to confirm it, and this front end cannot ask one.`)
    return frontEnd.askInPerson(question)
  }
