/**
 * No import cycle anywhere in src/: a file never depends, through any chain of imports (type imports
 * included), on itself. A cycle means two rooms lean on each other; the layers are in docs/architecture.md.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { expect, it } from 'vitest'

const SRC = join(__dirname, '../../src')
const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : []
  })
}

function importsOf(file: string): string[] {
  const found: string[] = []
  for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    const base = resolve(dirname(file), match[1] ?? match[2]!)
    const hit = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((ending) => base + ending).find((path) => existsSync(path) && statSync(path).isFile())
    if (hit && hit !== file) found.push(hit)
  }
  return found
}

/** The strongly connected components of more than one file (Tarjan), each a cycle. */
function cycles(edges: Map<string, string[]>): string[][] {
  let next = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  const visit = (file: string): void => {
    index.set(file, next)
    low.set(file, next++)
    stack.push(file)
    onStack.add(file)
    for (const target of edges.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target)
        low.set(file, Math.min(low.get(file)!, low.get(target)!))
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!))
    }
    if (low.get(file) !== index.get(file)) return
    const component: string[] = []
    let member: string
    do {
      member = stack.pop()!
      onStack.delete(member)
      component.push(member)
    } while (member !== file)
    if (component.length > 1) found.push(component.map((path) => relative(SRC, path)).sort())
  }
  for (const file of edges.keys()) if (!index.has(file)) visit(file)
  return found
}

it('finds no import cycle in src/', () => {
  const files = sources(SRC)
  expect(files.length).toBeGreaterThan(100)
  expect(cycles(new Map(files.map((file) => [file, importsOf(file)])))).toEqual([])
})
