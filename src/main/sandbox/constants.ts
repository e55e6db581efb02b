/**
 * What the rest of the app needs to know about the sandbox without loading it: cognito-local (over
 * 500 modules) is loaded only when the sandbox is used, never for a configured pool.
 */
export const SANDBOX_REGION = 'us-east-1'

/** The emulator checks the per-run credential header, not AWS signatures; the SDK still needs keys to sign with. */
export const SANDBOX_SIGNING_KEYS = { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' }

/** The header the app's SDK clients add to every sandbox request. */
export const SANDBOX_CREDENTIAL_HEADER = 'x-tier-admin-sandbox-credential'

/** The answer of an emulator handing over to another process: the request was not processed. */
export const SANDBOX_MOVED = 'SandboxMovedException'

/** Beside each sandbox file, the version it replaced: the last good copy. */
export const BACKUP_SUFFIX = '.bak'

/** In the sandbox folder: the lock of the one process that runs the emulator. */
export const SANDBOX_OWNER_LOCK = 'owner.lock'

/** The name the sandbox answers a change with when it could not save it to disk: a refusal, nothing changed. */
export const SANDBOX_NOT_SAVED = 'SandboxNotSavedException'

/**
 * The sandbox profile's role for tier returns: the sandbox's own scheduler checks that a schedule
 * names a role, as EventBridge Scheduler does, but assumes none (no IAM runs locally).
 */
export const SANDBOX_SCHEDULER_ROLE_ARN = 'arn:aws:iam::000000000000:role/tier-admin-sandbox-scheduler'
