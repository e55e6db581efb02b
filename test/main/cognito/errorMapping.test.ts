/**
 * Each troubleshooting case an operator meets maps to a stable code and a sentence that says what to
 * do, keyed on the exception name. The exceptions are built as the SDK builds them (name + message).
 */
import { describe, expect, it } from 'vitest'
import { toAppError } from '../../../src/main/cognito/errorMapping'

function sdkError(name: string, message: string): Error {
  const error = new Error(message)
  error.name = name
  return error
}

function networkError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:9`), { code })
}

const cases: [string, unknown, { operation?: string }, string, RegExp][] = [
  [
    'wrong pool or region',
    sdkError('ResourceNotFoundException', 'User pool us-east-1_x does not exist.'),
    { operation: 'getUser' },
    'POOL_NOT_FOUND',
    /COGNITO_USER_POOL_ID.*COGNITO_REGION/
  ],
  [
    'wrong client id',
    sdkError('ResourceNotFoundException', 'User pool client abc does not exist.'),
    { operation: 'register' },
    'CLIENT_NOT_FOUND',
    /COGNITO_CLIENT_ID/
  ],
  [
    'wrong secret',
    sdkError('NotAuthorizedException', 'Unable to verify secret hash for client abc'),
    { operation: 'register' },
    'SECRET_HASH_MISMATCH',
    /COGNITO_CLIENT_SECRET/
  ],
  [
    'attribute not in schema',
    sdkError('InvalidParameterException', 'Attributes did not conform to the schema: Type for attribute {custom:shoe} could not be determined'),
    {},
    'ATTRIBUTE_NOT_IN_SCHEMA',
    /custom attribute/
  ],
  [
    'password policy',
    sdkError('InvalidPasswordException', 'Password did not conform with policy: Password must have uppercase characters'),
    {},
    'PASSWORD_POLICY',
    /uppercase/
  ],
  ['username taken', sdkError('UsernameExistsException', 'User already exists'), {}, 'USERNAME_EXISTS', /already taken/],
  ['wrong code', sdkError('CodeMismatchException', 'Invalid verification code provided, please try again.'), {}, 'CODE_MISMATCH', /wrong/],
  ['expired code', sdkError('ExpiredCodeException', 'Invalid code provided, please request a code again.'), {}, 'CODE_EXPIRED', /Resend code/],
  ['no such user', sdkError('UserNotFoundException', 'User does not exist.'), {}, 'USER_NOT_FOUND', /No user/],
  [
    'already confirmed',
    sdkError('NotAuthorizedException', 'User cannot be confirmed. Current status is CONFIRMED'),
    { operation: 'adminConfirm' },
    'ALREADY_CONFIRMED',
    /already confirmed/
  ],
  ['not authorized', sdkError('NotAuthorizedException', 'Not authorized'), {}, 'NOT_AUTHORIZED', /refused/],
  ['throttled', sdkError('TooManyRequestsException', 'Rate exceeded'), {}, 'TOO_MANY_REQUESTS', /Wait/],
  ['limit exceeded', sdkError('LimitExceededException', 'Attempt limit exceeded, please try after some time.'), {}, 'LIMIT_EXCEEDED', /Wait/],
  ['unreachable', networkError('ECONNREFUSED'), {}, 'NETWORK_UNREACHABLE', /Cannot reach Cognito/],
  ['no DNS', networkError('ENOTFOUND'), {}, 'NETWORK_UNREACHABLE', /network/],
  ['no credentials', sdkError('CredentialsProviderError', 'Could not load credentials from any providers'), {}, 'NO_CREDENTIALS', /AWS_PROFILE/],
  ['access denied', sdkError('AccessDeniedException', 'User is not authorized to perform: cognito-idp:ListUsers'), {}, 'ACCESS_DENIED', /IAM/]
]

describe('error mapping', () => {
  it.each(cases)('%s → its code and an actionable sentence', (_label, error, context, code, message) => {
    const mapped = toAppError(error, context)
    expect(mapped.code).toBe(code)
    expect(mapped.message).toMatch(message)
    expect(mapped.message).not.toContain('[object Object]')
  })

  it('names an unknown failure without a stack trace', () => {
    const mapped = toAppError({ weird: true })
    expect(mapped.code).toBe('INTERNAL')
    expect(mapped.message).not.toContain('[object Object]')
    const thrown = toAppError(new TypeError('x is not a function'))
    expect(thrown.code).toBe('INTERNAL')
    expect(thrown.message).toContain('TypeError')
    expect(thrown.message).not.toMatch(/\n\s+at /)
  })

  it('finds a network code hidden under the error cause', () => {
    const wrapped = Object.assign(new Error('fetch failed'), { cause: networkError('ECONNREFUSED') })
    expect(toAppError(wrapped).code).toBe('NETWORK_UNREACHABLE')
  })

  it("tells the app's own file failures apart from Cognito's words, without absolute paths or 'try again' for a full disk", () => {
    const fsError = (code: string, syscall: string, path: string) =>
      Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, syscall, path, errno: -1 })
    const moved = toAppError(fsError('ENOENT', 'rename', '/home/ann/.config/Tier Admin/stats/p/scan/members/1.tsv.part'))
    expect(moved.code).toBe('LOCAL_FILE_ERROR')
    expect(moved.message).toMatch(/could not use its file members\/1\.tsv\.part \(it is missing\)/)
    expect(moved.message).not.toMatch(/Cognito says|\/home\/ann/)
    const full = toAppError(fsError('ENOSPC', 'write', '/data/audit.jsonl'))
    expect(full.code).toBe('LOCAL_FILE_ERROR')
    expect(full.message).toMatch(/the disk is full.*Free some disk space/)
    const denied = toAppError(fsError('EACCES', 'open', '/data/sandbox/pool.json'))
    expect(denied.message).toMatch(/permission denied.*\/data\/sandbox/)
  })

  it("quotes a message as Cognito's only when Cognito sent it", () => {
    const fromCognito = Object.assign(sdkError('SomeNewException', 'Something Cognito said'), { $metadata: { httpStatusCode: 400 } })
    expect(toAppError(fromCognito).message).toContain('Cognito says: Something Cognito said')
    const internal = toAppError(new RangeError('Invalid array length at /opt/app/x.js'))
    expect(internal.message).not.toMatch(/Cognito says|\/opt\/app/)
  })
})
