/**
 * Failures of the app's own files (disk full, permissions, something in the way), told apart from
 * Cognito's errors: they get their own codes, say what to do on this computer, and never claim to be
 * Cognito's words.
 */
import { dirname } from 'node:path'
import { AppError } from '../../shared/errors'
import { fileLabel } from './privateFiles'

interface FsError {
  code: string
  syscall: string
  path: string
}

/** Node's file-system errors carry the path they failed on; network errors do not. */
export function isLocalFileError(error: unknown): error is FsError {
  const e = error as Partial<FsError> | null
  return !!e && typeof e === 'object' && typeof e.code === 'string' && typeof e.syscall === 'string' && typeof e.path === 'string'
}

const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the disk is read-only',
  EISDIR: 'a folder is where the file should be',
  ENOTDIR: 'a file is where a folder should be',
  ENOENT: 'it is missing',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EIO: 'the disk reported an error'
}

export function reasonOf(error: unknown): string {
  const code = (error as { code?: string } | null)?.code ?? ''
  return REASONS[code] ?? (code || 'an unexpected error')
}

/** What the operator can do about it. The folder is named where they have to go there. */
export function remedyFor(error: unknown, path: string): string {
  switch ((error as { code?: string }).code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'Free some disk space, then try again.'
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
    case 'EISDIR':
    case 'ENOTDIR':
      return `Check that your account can write to ${dirname(path)} and that nothing else is in the file's place, then try again.`
    default:
      return 'Try again; {ifPersists}.'
  }
}

export function localFileError(error: FsError): AppError {
  return new AppError('LOCAL_FILE_ERROR', `The app could not use its file ${fileLabel(error.path)} (${reasonOf(error)}). ${remedyFor(error, error.path)}`)
}

/** The audit trail could not take a write's intent: nothing was sent. */
export function auditUnwritableError(error: unknown, location: string): AppError {
  return new AppError(
    'AUDIT_UNWRITABLE',
    `Nothing was sent to Cognito: the audit log could not be written (${reasonOf(error)}), and every change is recorded before it is made. ${remedyFor(error, location)} The audit log is ${location}.`
  )
}
