/**
 * No app word reaches the command line: every string the CLI can print (its own, and the services'
 * messages as worded for it, tokens such as {usersScreen} replaced) is read out of the sources with
 * the TypeScript parser and checked for the words of a window ("form", "click", "screen", "here",
 * "restart"). Code that only the window runs (Electron's main file, its dialogs, the CSP) is left out.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { correctionRequest, PLACE_TOKENS, UNKNOWN_FIELD, wordFor } from '../../src/shared/wording'

const ROOT = join(__dirname, '../..')
const APP_WORDS = /\b(forms?|click(ed|ing)?|screens?|here|restart(ed|ing)?)\b/i
/** Run only by the window (Electron's entry, its dialogs and menus, its CSP, the IPC channel names), or both front ends' words side by side. */
const WINDOW_ONLY = [
  /^src\/shared\/wording\.ts$/,
  /^src\/main\/index\.ts$/,
  /^src\/main\/desktop\//,
  /^src\/main\/security\//,
  /^src\/shared\/contract\.ts$/,
  /^src\/shared\/screens\.ts$/
]

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name)
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : []
  })
}

/** The text of every string and template literal in a file (a template's parts joined by "…"). */
function strings(path: string): string[] {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true)
  const found: string[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text)
    else if (ts.isTemplateExpression(node)) found.push([node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('…'))
    ts.forEachChild(node, visit)
  }
  visit(file)
  return found
}

describe('the command line speaks its own words', () => {
  it('prints no app word in any message', () => {
    const offending: string[] = []
    for (const path of ['src/cli', 'src/main', 'src/shared'].flatMap((folder) => sources(join(ROOT, folder)))) {
      const name = relative(ROOT, path).replaceAll('\\', '/')
      if (WINDOW_ONLY.some((pattern) => pattern.test(name))) continue
      for (const text of strings(path)) {
        // Only sentences: identifiers, channel names and the like are not printed as words.
        if (!/\s/.test(text)) continue
        const worded = wordFor(text, 'cli')
        if (APP_WORDS.test(worded)) offending.push(`${name}: ${worded}`)
      }
    }
    // The wording table holds both front ends' words: the CLI's are checked here.
    const cliWords = [...PLACE_TOKENS.map((token) => wordFor(token, 'cli')), UNKNOWN_FIELD.cli, correctionRequest(['x'], 'cli')]
    offending.push(...cliWords.filter((text) => APP_WORDS.test(text)))
    expect(offending).toEqual([])
  })
})
