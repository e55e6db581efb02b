/**
 * What is wrong with a damaged profiles.json, said so the operator can fix it: empty, cut short, far too
 * large to be one, or which entry holds which wrong value. The file is then not used at all (no half of
 * it connects anywhere), while the pools that need no profile (the sandbox, the environment's) still work.
 */
import type { z } from 'zod'
import { AppError } from '../../shared/errors'

/** A profiles file holds a few KB; anything past this is not one, and is not read whole. */
export const MAX_PROFILES_BYTES = 1024 * 1024

export function damagedProfiles(path: string, what: string): AppError {
  return new AppError(
    'LOCAL_FILE_ERROR',
    `The profiles file ${path} ${what}. Fix it, or remove the file (its profiles are then lost); until then its profiles cannot be used. Meanwhile {otherPools}.`
  )
}

/** The file's text, or what makes it no profiles file at all. */
export function unreadableText(text: string, size: number): string | null {
  if (size > MAX_PROFILES_BYTES) return `is ${(size / 1024 / 1024).toFixed(1)} MB, which no profiles file is (they hold a few KB)`
  if (text.trim() === '') return 'is empty'
  return null
}

/** A JSON parser's complaint, worded: most often a file cut short by a crash or a full disk. */
export function notJson(error: unknown): string {
  return `is not whole JSON, perhaps cut short (${(error as Error).message})`
}

/** The first wrong value, by its entry: "profile 2 ("Prod EU"), region: expected text". */
export function wrongEntry(issues: z.core.$ZodIssue[], parsed: unknown): string {
  const issue = issues[0]
  const [top, index, ...rest] = issue.path
  if (top === 'profiles' && typeof index === 'number') {
    const entry = (parsed as { profiles: unknown[] }).profiles[index] as { name?: unknown } | null
    const name = entry && typeof entry === 'object' && typeof entry.name === 'string' ? ` ("${entry.name.slice(0, 64)}")` : ''
    const field = rest.length ? `, ${rest.join('.')}` : ''
    return `has a wrong value in profile ${index + 1}${name}${field}: ${issue.message}`
  }
  const at = issue.path.length ? issue.path.join('.') : 'its top level'
  return `has a wrong value at ${at}: ${issue.message}`
}
