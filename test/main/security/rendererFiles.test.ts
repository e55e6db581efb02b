/**
 * The app scheme's file server on a folder of its own: a symlink out of the served folder, a sibling
 * folder whose name starts like it, and a file type the renderer never holds are all refused.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { appSchemeResponse, rendererResponse } from '../../../src/main/security/rendererFiles'
import { makeTempDir } from '../../support/tempDir'

const temp = makeTempDir('tier-admin-files-')
const served = join(temp.dir, 'renderer')
mkdirSync(join(served, 'assets'), { recursive: true })
writeFileSync(join(served, 'index.html'), '<!doctype html>')
writeFileSync(join(served, 'assets/app.js'), 'void 0')
writeFileSync(join(served, 'assets/notes.txt'), 'not a renderer file')
mkdirSync(join(temp.dir, 'renderer-evil'))
writeFileSync(join(temp.dir, 'renderer-evil/x.js'), 'alert(1)')
writeFileSync(join(temp.dir, 'secret.js'), 'alert(1)')
symlinkSync(join(temp.dir, 'secret.js'), join(served, 'assets/link.js'))

afterAll(() => temp.remove())

it('serves the folder’s own files and nothing reached through it', async () => {
  expect((await rendererResponse(served, '/assets/app.js')).status).toBe(200)
  expect((await appSchemeResponse(served, 'app://tier-admin/assets/app.js')).status).toBe(200)
  for (const path of ['/assets/link.js', '/../renderer-evil/x.js', '/..%2frenderer-evil%2fx.js', '/assets/notes.txt', '/../secret.js', '/assets/']) {
    expect((await rendererResponse(served, path)).status, path).toBe(404)
  }
  expect((await rendererResponse(served, '/index.html', 'HEAD')).status).toBe(200)
  expect(await (await rendererResponse(served, '/index.html', 'HEAD')).text()).toBe('')
})
