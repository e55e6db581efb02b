/**
 * The profile names of the shared AWS config and credentials files, for the operator to pick a
 * credential source from. Only the names and whether a profile signs in with SSO are read: no key
 * leaves this module.
 */
import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import type { AwsProfileName } from '../../shared/profiles'

/** Where the AWS CLI and the SDK look, honouring the same variables they do. */
export function awsFilePaths(env: NodeJS.ProcessEnv = process.env): { config: string; credentials: string } {
  return {
    config: env.AWS_CONFIG_FILE || join(homedir(), '.aws', 'config'),
    credentials: env.AWS_SHARED_CREDENTIALS_FILE || join(homedir(), '.aws', 'credentials')
  }
}

/** Sections of an INI file with their keys; later sections of the same name add to earlier ones, as in the SDK. */
export function parseIniSections(text: string): Map<string, Record<string, string>> {
  const sections = new Map<string, Record<string, string>>()
  let current: Record<string, string> | null = null
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line || line.startsWith('#') || line.startsWith(';')) continue
    const header = /^\[([^\]]+)\]$/.exec(line)
    if (header) {
      const name = header[1].trim()
      current = sections.get(name) ?? {}
      sections.set(name, current)
      continue
    }
    const pair = /^([^=]+?)\s*=\s*(.*)$/.exec(line)
    // A nested value (indented lines under "s3 =") belongs to its parent key and names nothing we need.
    if (pair && current && !/^\s/.test(raw)) current[pair[1].trim()] = pair[2].trim()
  }
  return sections
}

/** The profiles of both files, by name, SSO ones marked; "[sso-session x]" and other sections are not profiles. */
export async function listAwsProfiles(env: NodeJS.ProcessEnv = process.env): Promise<AwsProfileName[]> {
  const paths = awsFilePaths(env)
  const found = new Map<string, boolean>()
  for (const [name, keys] of parseIniSections(await readIfPresent(paths.config))) {
    const profile = name === 'default' ? 'default' : /^profile\s+(.+)$/.exec(name)?.[1].trim()
    if (!profile) continue
    const sso = Boolean(keys.sso_start_url || keys.sso_session || keys.sso_account_id)
    found.set(profile, (found.get(profile) ?? false) || sso)
  }
  for (const name of parseIniSections(await readIfPresent(paths.credentials)).keys()) {
    if (!found.has(name)) found.set(name, false)
  }
  return [...found].map(([name, sso]) => ({ name, sso })).sort((a, b) => a.name.localeCompare(b.name))
}

async function readIfPresent(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ''
    throw error
  }
}
