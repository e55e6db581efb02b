/**
 * Failures of this computer, not of Cognito: the sandbox's "could not save" is a definite refusal
 * (LOCAL_FILE_ERROR, nothing changed, not retried as a lost answer), and a file-handle error given its
 * path is a local file error naming the file.
 */
import { describe, expect, it } from 'vitest'
import { toAppError } from '../../../src/main/cognito/errorMapping'
import { classifyFailure } from '../../../src/main/cognito/retryPolicy'
import { SANDBOX_NOT_SAVED } from '../../../src/main/sandbox/constants'
import { withPath } from '../../../src/main/storage/withPath'

describe('local failures', () => {
  it("takes the sandbox's could-not-save as a definite local failure", () => {
    const message = 'The sandbox could not save local_1.json (the disk is full); the change was not made. Free some disk space, then try again.'
    const answered = Object.assign(new Error(message), { name: SANDBOX_NOT_SAVED, $fault: 'client', $metadata: { httpStatusCode: 400 } })
    expect(classifyFailure(answered)).toBe('final')
    expect(toAppError(answered).toShape()).toEqual({ code: 'LOCAL_FILE_ERROR', message })
  })

  it('names the file of a write that failed on an open handle', () => {
    const error = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' })
    expect(toAppError(error).code).toBe('INTERNAL')
    expect(toAppError(withPath(error, '/data/audit/audit.jsonl')).toShape()).toEqual({
      code: 'LOCAL_FILE_ERROR',
      message: 'The app could not use its file audit/audit.jsonl (the disk is full). Free some disk space, then try again.'
    })
  })
})
