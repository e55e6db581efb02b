import { addCustomAttributeSteps } from '../../shared/attributeAdvice'
import { AppError, type ErrorCode } from '../../shared/errors'
import { isLocalFileError, localFileError } from '../storage/localErrors'
import { nameOf, WriteOutcomeUnknownError } from './gateway'
import { SANDBOX_NOT_SAVED } from '../sandbox/constants'
import { serviceFailureStatus } from './retryPolicy'

/** Which request failed, so one exception name can be explained in the terms of that request. */
export interface ErrorContext {
  /** A contract operation or Cognito command, e.g. "register" or "ListUsers". */
  operation?: string
}

// Operations that identify the pool through the app client rather than the pool ID.
const CLIENT_OPERATIONS = new Set(['register', 'confirm', 'resendCode', 'SignUp', 'ConfirmSignUp', 'ResendConfirmationCode'])

type Explain = (error: unknown, context: ErrorContext) => [ErrorCode, string]

const fixed =
  (code: ErrorCode, message: string): Explain =>
  () => [code, message]

/** Cognito exception names (and network error codes) mapped to what the operator should do. */
const BY_NAME: Record<string, Explain> = {
  UsernameExistsException: fixed('USERNAME_EXISTS', 'That username is already taken in this pool. Choose another one, or look the user up {usersScreen}.'),
  AliasExistsException: fixed('USERNAME_EXISTS', 'Another user already has that email as a sign-in alias. Use a different email or look that user up.'),
  CodeMismatchException: fixed(
    'CODE_MISMATCH',
    'That confirmation code is wrong. Check the latest email (or the sandbox outbox) and type the code again, or resend a new one.'
  ),
  ExpiredCodeException: fixed('CODE_EXPIRED', 'That confirmation code has expired. Use "Resend code" to send a new one.'),
  UserNotFoundException: fixed(
    'USER_NOT_FOUND',
    'No user with that username exists in this pool. Check the spelling, or search by email prefix {usersScreen}.'
  ),
  UserNotConfirmedException: fixed('NOT_AUTHORIZED', 'The user has not confirmed their account yet. Confirm them first.'),
  InvalidPasswordException: (error) => [
    'PASSWORD_POLICY',
    `The password does not meet the pool's password policy${detail(error)}. Use at least the minimum length with upper- and lower-case letters, a number and a symbol as the pool requires.`
  ],
  TooManyRequestsException: fixed(
    'TOO_MANY_REQUESTS',
    'Cognito is throttling requests for this account (its request-rate quota is shared with every other caller). Wait a few seconds and try again.'
  ),
  ThrottlingException: fixed('TOO_MANY_REQUESTS', 'Cognito is throttling requests for this account. Wait a few seconds and try again.'),
  LimitExceededException: fixed(
    'LIMIT_EXCEEDED',
    'Cognito refused because a limit was reached (for example too many codes sent to this user recently). Wait a while before trying again.'
  ),
  TooManyFailedAttemptsException: fixed('LIMIT_EXCEEDED', 'Too many failed attempts for this user. Wait a while before trying again.'),
  CodeDeliveryFailureException: fixed(
    'LIMIT_EXCEEDED',
    "Cognito could not deliver the confirmation code. Check the email address and the pool's email settings, then resend."
  ),
  AccessDeniedException: fixed(
    'ACCESS_DENIED',
    'The AWS credentials in use are not allowed to do this. Grant the IAM identity the cognito-idp permission for this action on the pool.'
  ),
  UnrecognizedClientException: fixed(
    'NO_CREDENTIALS',
    'AWS did not recognise the credentials (the access key is unknown). Check AWS_PROFILE or the access key in use.'
  ),
  InvalidSignatureException: fixed(
    'NO_CREDENTIALS',
    'AWS rejected the request signature: the secret access key does not match the access key. Check your AWS credentials.'
  ),
  ExpiredTokenException: fixed('NO_CREDENTIALS', 'Your AWS session has expired. Sign in again (for SSO: aws sso login) and retry.'),
  CredentialsProviderError: fixed(
    'NO_CREDENTIALS',
    'No AWS credentials were found. Set AWS_PROFILE, run "aws sso login", or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, {thenRetry}.'
  ),
  ResourceNotFoundException: (error, context) =>
    /group/i.test(messageOf(error))
      ? ['GROUP_NOT_FOUND', "That group does not exist in this pool. Pick one of the pool's groups, or create it in the Cognito console first."]
      : CLIENT_OPERATIONS.has(context.operation ?? '')
        ? ['CLIENT_NOT_FOUND', 'The app client does not exist in this pool. Check COGNITO_CLIENT_ID, and that COGNITO_REGION is the region the pool lives in.']
        : ['POOL_NOT_FOUND', 'The user pool does not exist. Check COGNITO_USER_POOL_ID, and that COGNITO_REGION is the region the pool lives in.'],
  NotAuthorizedException: explainNotAuthorized,
  InvalidParameterException: explainInvalidParameter,
  InternalErrorException: fixed('INTERNAL', 'Cognito had an internal error. Try again in a moment.'),
  UnsupportedUserStateException: fixed(
    'USER_STATE',
    'The user is not in a state that allows this (for example, only a user who has not yet used their temporary password can be invited again). Look the user up to see their status.'
  ),
  ECONNREFUSED: fixed(
    'NETWORK_UNREACHABLE',
    'Cannot reach Cognito: the connection was refused. If you use COGNITO_ENDPOINT or the sandbox, check the emulator is running.'
  ),
  ENOTFOUND: fixed('NETWORK_UNREACHABLE', 'Cannot reach Cognito: the host name did not resolve. Check your network connection, proxy and COGNITO_REGION.'),
  EAI_AGAIN: fixed('NETWORK_UNREACHABLE', 'Cannot reach Cognito: DNS lookup failed. Check your network connection.'),
  ECONNRESET: fixed('NETWORK_UNREACHABLE', 'The connection to Cognito was reset. Check your network connection and try again.'),
  ETIMEDOUT: fixed('NETWORK_UNREACHABLE', 'The connection to Cognito timed out. Check your network connection and try again.'),
  TimeoutError: fixed('NETWORK_UNREACHABLE', 'Cognito did not answer in time. Check your network connection and try again.'),
  AbortError: fixed('CANCELLED', 'The operation was cancelled.'),
  // The sandbox's own words already name the file, the reason and what to do.
  [SANDBOX_NOT_SAVED]: (error) => ['LOCAL_FILE_ERROR', messageOf(error)],
  WriteOutcomeUnknownError: explainUnknownOutcome
}

function explainUnknownOutcome(error: unknown): [ErrorCode, string] {
  const { operation, username, httpStatus } = error as WriteOutcomeUnknownError
  const who = username ? ` for ${username}` : ''
  const what =
    httpStatus === undefined
      ? `The connection to Cognito failed after ${operation}${who} was sent`
      : `Cognito answered ${operation}${who} with HTTP ${httpStatus} (a service failure)`
  return [
    'WRITE_OUTCOME_UNKNOWN',
    `${what}, so it is not known whether Cognito applied it. Look ${username ?? 'the user'} up {usersScreen} before trying again.`
  ]
}

/** A 5xx answer with no Cognito error in it: the service failed, and nothing about the request is to blame. */
function serviceFailure(status: number): AppError {
  return new AppError(
    'INTERNAL',
    `Cognito answered with HTTP ${status} (a service failure), so the request was not carried out. Try again in a minute; if it keeps failing, check the AWS Health Dashboard for Cognito in this region.`
  )
}

function explainNotAuthorized(error: unknown, context: ErrorContext): [ErrorCode, string] {
  const message = messageOf(error)
  // Cognito reports a wrong client secret only through this exception; its wording is the one signal.
  if (/secret hash/i.test(message)) {
    return [
      'SECRET_HASH_MISMATCH',
      'Cognito could not verify the secret hash: COGNITO_CLIENT_SECRET does not belong to COGNITO_CLIENT_ID (or the client has no secret and one was set). Copy both from the app client in the Cognito console.'
    ]
  }
  if (/current status is confirmed|already confirmed/i.test(message)) {
    return ['ALREADY_CONFIRMED', 'This user is already confirmed; there is nothing to do.']
  }
  if (context.operation === 'confirm' || context.operation === 'ConfirmSignUp') {
    return [
      'NOT_AUTHORIZED',
      `Cognito refused to confirm this user${detail(error)}. Check the username; if the user is already confirmed there is nothing to do.`
    ]
  }
  return ['NOT_AUTHORIZED', `Cognito refused the request${detail(error)}. Check the app client's settings and your IAM permissions.`]
}

function explainInvalidParameter(error: unknown): [ErrorCode, string] {
  const message = messageOf(error)
  if (/already confirmed/i.test(message)) return ['ALREADY_CONFIRMED', 'This user is already confirmed; there is nothing to do.']
  if (/no registered\/verified email or phone/i.test(message)) {
    return [
      'USER_STATE',
      'The user has no verified email or phone number, so Cognito cannot send them a reset code. Mark their email verified first (if it is theirs), then reset.'
    ]
  }
  if (/username.*(email|phone).*format/i.test(message)) {
    return ['VALIDATION', 'This pool lets people sign in with their email or phone too, so a username cannot look like one. Choose another username.']
  }
  if (/attribute.*(does not exist|not.*schema)|schema/i.test(message)) {
    return ['ATTRIBUTE_NOT_IN_SCHEMA', `${message}. Add the custom attribute to the pool (${addCustomAttributeSteps('<name>')}) or leave it out.`]
  }
  return ['INVALID_PARAMETER', `Cognito rejected a value${detail(error)}. Correct it and try again.`]
}

function messageOf(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error && typeof (error as { message: unknown }).message === 'string') {
    return (error as { message: string }).message
  }
  return ''
}

/** Cognito's own wording, appended in parentheses where it adds facts (e.g. which rule failed). */
function detail(error: unknown): string {
  const message = messageOf(error).trim()
  return message ? ` (Cognito says: ${message.replace(/\.$/, '')})` : ''
}

/** The innermost meaningful error name: network errors hide their code under `cause`. */
function errorNameOf(error: unknown): string {
  const name = nameOf(error)
  if (BY_NAME[name]) return name
  const cause = (error as { cause?: unknown } | null)?.cause
  if (cause) {
    const inner = nameOf(cause)
    if (BY_NAME[inner]) return inner
  }
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && BY_NAME[code] ? code : name
}

/**
 * Turns anything thrown while talking to Cognito into an AppError with a stable code and a sentence
 * that says what to do. Matching is by exception name; message text only refines a name.
 */
export function toAppError(error: unknown, context: ErrorContext = {}): AppError {
  if (error instanceof AppError) return error
  if (isLocalFileError(error)) return localFileError(error)
  const status = serviceFailureStatus(error)
  if (status !== null) return serviceFailure(status)
  const name = errorNameOf(error)
  const explain = BY_NAME[name]
  if (explain) {
    const [code, message] = explain(error, context)
    return new AppError(code, message)
  }
  if (isServiceException(error))
    return new AppError('INTERNAL', `Cognito answered with an error this app does not know (${name})${detail(error)}. Report it with this message.`)
  // Not Cognito's words, and its text may hold paths or internals: the name is enough to report it.
  return new AppError(
    'INTERNAL',
    `Something went wrong inside the app (${name}); the operation may not have finished. Look the user up before trying again, and report this message if it keeps happening.`
  )
}

/** The SDK's service exceptions (what Cognito itself answered) carry response metadata. */
function isServiceException(error: unknown): boolean {
  return !!error && typeof error === 'object' && ('$metadata' in error || '$fault' in error)
}
