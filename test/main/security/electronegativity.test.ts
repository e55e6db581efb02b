/**
 * Electronegativity (Doyensec's Electron security scanner) over the sources and the built bundle: every
 * finding must be listed, with its justification, in security/electronegativity-accepted.json, and
 * every listed entry must still match a finding, so the list cannot go stale.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { expect, it } from 'vitest'

const ROOT = join(__dirname, '../../..')
const ACCEPTED = join(ROOT, 'security/electronegativity-accepted.json')

interface Finding {
  id: string
  file: string
  location?: { line: number }
  description?: string
}
interface ScanResult {
  issues: Finding[]
  errors: { file: string; message: string }[]
}
type Scan = (options: Record<string, unknown>) => Promise<ScanResult>
interface Accepted {
  scan: 'src' | 'out'
  id: string
  file: string
  justification: string
}

const electronegativity = createRequire(__filename)('@doyensec/electronegativity') as Scan

async function scan(folder: 'src' | 'out'): Promise<ScanResult> {
  return electronegativity({
    input: join(ROOT, folder),
    isRelative: true,
    // That check asks GitHub for Electron's releases: no network in CI, and upgrades are not a finding of this code.
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    electronVersionOverride: (createRequire(__filename)('electron/package.json') as { version: string }).version
  })
}

it('finds nothing in src/ and out/ but the accepted, justified findings', { timeout: 120_000 }, async () => {
  const accepted = (JSON.parse(readFileSync(ACCEPTED, 'utf8')) as { accepted: Accepted[] }).accepted
  for (const entry of accepted) expect(entry.justification.length, `${entry.scan} ${entry.id} ${entry.file}`).toBeGreaterThan(40)
  const matched = new Set<Accepted>()
  const unresolved: string[] = []
  for (const folder of ['src', 'out'] as const) {
    const result = await scan(folder)
    // A file the scanner could not parse would hide its findings.
    expect(result.errors.map((error) => `${error.file}: ${error.message}`)).toEqual([])
    for (const finding of result.issues) {
      const entry = accepted.find(
        (candidate) => candidate.scan === folder && candidate.id === finding.id && candidate.file === finding.file.replaceAll('\\', '/')
      )
      if (entry) matched.add(entry)
      else unresolved.push(`${folder}/${finding.file}:${finding.location?.line ?? '?'} ${finding.id} ${finding.description ?? ''}`)
    }
  }
  expect(unresolved, 'findings not accepted in security/electronegativity-accepted.json').toEqual([])
  expect(
    accepted.filter((entry) => !matched.has(entry)).map((entry) => `${entry.scan} ${entry.id} ${entry.file}`),
    'accepted but no longer found'
  ).toEqual([])
})
