/**
 * The files this front end saved, by an id main made: the window asks to show one in its folder by
 * that id, so a page can never make main open a path it chose. Kept in memory for the process's life
 * (a window reloaded after a save loses its "Show in folder", not the file).
 */
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { dirname } from 'node:path'
import type { SavedFile } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import { targetName, type SaveTarget } from '../storage/saveLines'

/** The newest saves kept: far more than an operator looks back on, few enough to stay small. */
const KEPT = 100

export class SavedFiles {
  private readonly paths = new Map<string, string>()

  /**
   * @param show the front end's way to open a file's folder; none (the CLI): saves get no id.
   */
  constructor(private readonly show?: (path: string) => Promise<void> | void) {}

  /** The save's result as the front end sees it: with an id to show it by, when it went to a file and a folder can be shown. */
  saved(target: SaveTarget, rows: number): SavedFile {
    const path = targetName(target)
    const fileId = typeof target === 'string' ? this.remember(target) : undefined
    return fileId ? { path, rows, fileId } : { path, rows }
  }

  /** An id for a file main wrote; the same file saved again gets the same id. */
  remember(path: string): string | undefined {
    if (!this.show) return undefined
    const known = [...this.paths].find(([, kept]) => kept === path)?.[0]
    if (known) this.paths.delete(known)
    const id = known ?? randomUUID()
    this.paths.set(id, path)
    if (this.paths.size > KEPT) this.paths.delete(this.paths.keys().next().value!)
    return id
  }

  /** Opens the folder of a file saved under `fileId`, the file selected; returns that folder. */
  async showInFolder(fileId: string): Promise<{ folder: string }> {
    const path = this.paths.get(fileId)
    if (!this.show) throw new AppError('NOT_CONFIGURED', 'This front end cannot open a folder; the file was saved where it said.')
    if (path === undefined)
      throw new AppError('LOCAL_FILE_ERROR', 'This app no longer knows where that file went (it was saved before the app started); save it again.')
    if (!existsSync(path)) throw new AppError('LOCAL_FILE_ERROR', `${path} is no longer there: it was moved or deleted since it was saved.`)
    await this.show(path)
    return { folder: dirname(path) }
  }
}
