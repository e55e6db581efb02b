/**
 * electron-builder's afterPack hook: turns off what lets anyone who can start the app run it as
 * something else (plain Node, NODE_OPTIONS, an inspector) or swap its code, before the binary is
 * signed and packed into an installer. Runs on the packager's machine, with @electron/fuses 1.x
 * (2.x needs Node 22).
 */
import { join } from 'node:path'
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses'

/** Each fuse, by the name @electron/fuses gives it: on (true) or off (false). */
export const FUSES = {
  // ELECTRON_RUN_AS_NODE would make the app's signed binary a Node interpreter for any script.
  RunAsNode: false,
  // NODE_OPTIONS and --inspect would let a launcher inject code or attach a debugger to main.
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  // Cookies and local storage encrypted at rest with the OS key store.
  EnableCookieEncryption: true,
  // The app archive is checked against the hash recorded at build time, and only the archive is loaded.
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  // The page is served from app://, never file://, so file: needs no extra privileges.
  GrantFileProtocolExtraPrivileges: false
}

/** builder-util's Arch.arm64. */
const ARM64 = 3

/** The file that holds the fuse wire for a packed app. */
export function electronBinary(context) {
  const name = context.packager.appInfo.productFilename
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(context.appOutDir, `${name}.app`)
    case 'win32':
      return join(context.appOutDir, `${name}.exe`)
    default:
      return join(context.appOutDir, context.packager.executableName)
  }
}

export async function afterPack(context) {
  const settings = Object.fromEntries(Object.entries(FUSES).map(([name, value]) => [FuseV1Options[name], value]))
  // Flipping a fuse breaks an arm64 macOS binary's ad-hoc signature; re-sign it ad hoc.
  const resetAdHocDarwinSignature = context.electronPlatformName === 'darwin' && context.arch === ARM64
  await flipFuses(electronBinary(context), { version: FuseVersion.V1, resetAdHocDarwinSignature, ...settings })
}
