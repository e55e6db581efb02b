/**
 * "Show in folder": main keeps the paths of the files it saved and hands the window an id for each;
 * the window asks by that id, so it can never make main open a folder of its choosing. The CLI, which
 * has no folder to open, gets no ids.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import { contract } from '../../../src/shared/contract'
import { SavedFiles } from '../../../src/main/operations/savedFiles'
import { makeTempDir } from '../../support/tempDir'

const temp = makeTempDir('tier-admin-saved-')
afterAll(() => temp.remove())

function savedFile(name: string): string {
  const path = join(temp.dir, name)
  writeFileSync(path, 'a,b\r\n')
  return path
}

describe('the files a front end saved', () => {
  it('gives a file an id, and opens its folder by that id only', async () => {
    const shown: string[] = []
    const files = new SavedFiles((path) => void shown.push(path))
    const path = savedFile('figures.csv')
    const saved = files.saved(path, 12)
    expect(saved).toEqual({ path, rows: 12, fileId: expect.stringMatching(/^[0-9a-f-]{36}$/) })
    expect(await files.showInFolder(saved.fileId!)).toEqual({ folder: temp.dir })
    expect(shown).toEqual([path])
  })

  it('gives the same file saved again the same id', () => {
    const files = new SavedFiles(() => undefined)
    const path = savedFile('tier.csv')
    expect(files.saved(path, 1).fileId).toBe(files.saved(path, 2).fileId)
  })

  it('refuses an id it did not give, and a file gone since, saying what to do', async () => {
    const files = new SavedFiles(() => undefined)
    await expect(files.showInFolder('3f2b8a1c-5d4e-4f6a-9b7c-8d9e0f1a2b3c')).rejects.toMatchObject({ code: 'LOCAL_FILE_ERROR', message: /save it again/ })
    const gone = join(temp.dir, 'gone.csv')
    const fileId = files.saved(gone, 0).fileId!
    await expect(files.showInFolder(fileId)).rejects.toMatchObject({
      code: 'LOCAL_FILE_ERROR',
      message: `${gone} is no longer there: it was moved or deleted since it was saved.`
    })
  })

  it('gives no id where the front end cannot open a folder (the CLI), nor to a stream', async () => {
    const cli = new SavedFiles()
    expect(cli.saved(savedFile('cli.csv'), 3)).toEqual({ path: join(temp.dir, 'cli.csv'), rows: 3 })
    await expect(cli.showInFolder('3f2b8a1c-5d4e-4f6a-9b7c-8d9e0f1a2b3c')).rejects.toMatchObject({ code: 'NOT_CONFIGURED' })
    const app = new SavedFiles(() => undefined)
    expect(app.saved({ stream: new PassThrough(), name: 'standard output' }, 3)).toEqual({ path: 'standard output', rows: 3 })
  })

  it('takes an id, never a path, from the window', () => {
    const request = contract.showSavedFile.request
    expect(request.safeParse({ fileId: '3f2b8a1c-5d4e-4f6a-9b7c-8d9e0f1a2b3c' }).success).toBe(true)
    expect(request.safeParse({ fileId: '/etc/passwd' }).success).toBe(false)
    expect(request.safeParse({ fileId: '3f2b8a1c-5d4e-4f6a-9b7c-8d9e0f1a2b3c', path: '/etc' }).success).toBe(false)
  })
})
