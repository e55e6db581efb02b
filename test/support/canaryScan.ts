/**
 * Canary secrets and the search for them: each canary is looked for as written, in base64 (at each of
 * the three byte alignments, standard and URL alphabets), in hex, URL-encoded, and by a middle fragment
 * (a secret cut short is still a leak). A place is any text the test collected: a reply, an event, a
 * log line, a file, CLI output.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

/** Values no real configuration holds, shaped like the real thing so every code path treats them as such. */
export const CANARIES = {
  'AWS secret access key': 'wJalrCANARYXUtnFEMI/K7MDENG/bPxRfiCYCANARYKEY',
  'AWS session token': 'IQoJb3JpZ2luX2VjECANARYSESSIONTOKEN//////////wEaCXVzLWVhc3QtMSJHMEUCIQCanaryToken+Qz9x',
  'client secret': 'canaryclientsecret1q2w3e4r5t6y7u8i9o0pCANARYzz'
} as const

/** The access key id is an identifier, not a secret (it names the key in AWS errors): counted, not failed on. */
export const CANARY_ACCESS_KEY_ID = 'AKIACANARYKEYID00042'

export interface Place {
  name: string
  text: string
}

export interface Finding {
  canary: string
  form: string
  place: string
}

/** Every form a canary may take when it leaks. */
export function leakForms(value: string): Record<string, string> {
  const forms: Record<string, string> = {
    raw: value,
    hex: Buffer.from(value).toString('hex'),
    'URL-encoded': encodeURIComponent(value),
    fragment: value.slice(Math.floor(value.length / 3), Math.floor(value.length / 3) + 16)
  }
  for (let pad = 0; pad < 3; pad++) {
    // The leading and trailing blocks depend on the neighbouring bytes; the middle ones only on the canary.
    const encoded = Buffer.from('x'.repeat(pad) + value).toString('base64')
    const core = encoded.slice(pad ? 4 : 0, -4)
    forms[`base64 (offset ${pad})`] = core
    forms[`base64url (offset ${pad})`] = core.replace(/\+/g, '-').replace(/\//g, '_')
  }
  return forms
}

/** Which canaries appear where; `values` maps a canary's name to its value. */
export function findCanaries(places: readonly Place[], values: Record<string, string> = CANARIES): Finding[] {
  const findings: Finding[] = []
  const forms = Object.entries(values).map(([canary, value]) => [canary, leakForms(value)] as const)
  for (const place of places) {
    for (const [canary, byForm] of forms) {
      for (const [form, needle] of Object.entries(byForm)) {
        if (place.text.includes(needle)) findings.push({ canary, form, place: place.name })
      }
    }
  }
  return findings
}

/** Every file under a folder, as UTF-8 and as Latin-1 text (a binary file's bytes are kept either way). */
export function filePlaces(dir: string, label: string): Place[] {
  const places: Place[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    const bytes = readFileSync(path)
    const name = `${label}/${relative(dir, path)}`
    places.push({ name, text: bytes.toString('utf8') }, { name: `${name} (latin1)`, text: bytes.toString('latin1') })
  }
  return places
}

/** A stand-in for Electron's safeStorage: reversible, and unlike base64 it does not carry the plain text through. */
export const scramblingSecretStore = {
  isEncryptionAvailable: () => true,
  encryptString: (plainText: string) => Buffer.from(plainText, 'utf8').map((byte) => byte ^ 0x5a),
  decryptString: (encrypted: Buffer) => Buffer.from(encrypted.map((byte) => byte ^ 0x5a)).toString('utf8')
}
