import { lstatSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'

/** Every file and folder under root (root included), with its permission bits, relative to root. */
export function walkModes(root: string): { path: string; mode: number; dir: boolean }[] {
  const found: { path: string; mode: number; dir: boolean }[] = []
  const visit = (path: string): void => {
    const info = lstatSync(path)
    found.push({ path: relative(root, path) || '.', mode: info.mode & 0o777, dir: info.isDirectory() })
    if (info.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name))
  }
  visit(root)
  return found
}
