/**
 * A secret made in main (a generated temporary password) handed to the operator through the system
 * clipboard, never through the window, and taken off it again a little later unless the operator
 * copied something else meanwhile.
 */
import { clipboard } from 'electron'

/** Long enough to paste it into a ticket or a chat; short enough not to linger for the next paste. */
export const CLIPBOARD_CLEAR_MS = 90_000

export async function handOverSecret(secret: string): Promise<string> {
  await clipboard.writeText(secret)
  setTimeout(() => {
    void clipboard.readText().then((held) => held === secret && clipboard.clear())
  }, CLIPBOARD_CLEAR_MS).unref()
  return `copied to the clipboard (it is cleared from it in ${CLIPBOARD_CLEAR_MS / 1000} seconds)`
}
