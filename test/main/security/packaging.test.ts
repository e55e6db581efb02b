/**
 * The packager's configuration (electron-builder.yml), checked without packaging: the packager cannot
 * fetch Electron on every machine. Loaded and schema-validated by electron-builder's own code; its
 * targets, files and icon; and the afterPack hook run on a stand-in Electron binary, whose fuse wire
 * must come out with each fuse as the issue asks.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, expect, it } from 'vitest'
import { makeTempDir } from '../../support/tempDir'

const ROOT = join(__dirname, '../../..')
/** The parts of electron-builder's configuration this test reads. */
type BuilderConfig = { files: unknown; asar: unknown; afterPack: unknown; extraResources?: unknown } & Record<
  'linux' | 'win' | 'mac',
  { target: unknown; icon: unknown }
>
const requireHere = createRequire(__filename)
// electron-builder's own loader and schema check, from the app-builder-lib it depends on.
const builderConfig = createRequire(requireHere.resolve('electron-builder'))('app-builder-lib/out/util/config/config') as {
  getConfig: (projectDir: string, configPath: string | null, configFromOptions: unknown) => Promise<BuilderConfig>
  validateConfiguration: (config: unknown, debugLogger: { isEnabled: boolean; add: () => void }) => Promise<void>
}
const fuses = requireHere('@electron/fuses') as {
  getCurrentFuseWire: (path: string) => Promise<Record<string, number>>
  FuseV1Options: Record<string, number>
}
const hook = (await import(pathToFileURL(join(ROOT, 'build/afterPack.mjs')).href)) as {
  afterPack: (context: unknown) => Promise<void>
  FUSES: Record<string, boolean>
}
const temp = makeTempDir('tier-admin-pack-')
afterAll(() => temp.remove())

/** What the issue asks of the packed binary. */
const EXPECTED_FUSES = {
  RunAsNode: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableCookieEncryption: true,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  GrantFileProtocolExtraPrivileges: false
}

const loadConfig = async () => builderConfig.getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null)

it('is valid for electron-builder, and builds AppImage and deb, nsis and dmg with the app icon', async () => {
  const config = await loadConfig()
  await builderConfig.validateConfiguration(config, { isEnabled: false, add: () => undefined })
  expect([config.linux.target, config.win.target, config.mac.target]).toEqual([['AppImage', 'deb'], ['nsis'], ['dmg']])
  for (const platform of ['linux', 'win', 'mac'] as const) expect(config[platform].icon, platform).toBe('resources/icon.png')
  const icon = readFileSync(join(ROOT, 'resources/icon.png'))
  expect([icon.subarray(1, 4).toString('latin1'), icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual(['PNG', 512, 512])
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; main: string }
  expect(pkg.scripts.dist).toMatch(/^npm run build && electron-builder\b/)
  expect(pkg.main).toBe('./out/main/index.js')
})

it('packs only built files, with the icon where the window looks for it, in an asar archive', async () => {
  const config = await loadConfig()
  expect(config.files).toEqual([{ filter: ['out/**', '!out/**/*.map', 'resources/icon.png', 'package.json'] }])
  expect(config.asar).toBe(true)
  // src/main/desktop/window.ts reads the icon at out/main/../../resources/icon.png, inside the archive as in the repository.
  expect(readFileSync(join(ROOT, 'src/main/desktop/window.ts'), 'utf8')).toContain("join(__dirname, '../../resources/icon.png')")
  expect(config.extraResources ?? []).toEqual([])
})

it('sets every fuse after packing, on the binary of each platform', async () => {
  const config = await loadConfig()
  expect(config.afterPack).toBe('./build/afterPack.mjs')
  expect(hook.FUSES).toEqual(EXPECTED_FUSES)
  // A stand-in binary: the fuse sentinel, wire version 1, and nine fuses all left at Electron's defaults.
  const wire = Buffer.concat([
    Buffer.from('junk'),
    Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
    Buffer.from([1, 9]),
    Buffer.from('101001001'),
    Buffer.from('junk')
  ])
  const cases = [
    { electronPlatformName: 'linux', file: 'tier-admin' },
    { electronPlatformName: 'win32', file: 'Tier Admin.exe' }
  ]
  for (const { electronPlatformName, file } of cases) {
    const binary = join(temp.dir, file)
    writeFileSync(binary, wire)
    await hook.afterPack({
      electronPlatformName,
      appOutDir: temp.dir,
      arch: 1,
      packager: { executableName: 'tier-admin', appInfo: { productFilename: 'Tier Admin' } }
    })
    const current = await fuses.getCurrentFuseWire(binary)
    for (const [name, on] of Object.entries(EXPECTED_FUSES)) {
      expect(String.fromCharCode(current[fuses.FuseV1Options[name]]), `${electronPlatformName} ${name}`).toBe(on ? '1' : '0')
    }
  }
})
