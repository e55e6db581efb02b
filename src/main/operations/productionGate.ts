/**
 * The production check, enforced in main so no page (or a page gone wrong) can skip it.
 *
 * On a profile marked production every write operation is refused unless the operator confirmed it:
 * the window's confirm dialog names the pool, then calls confirmProductionWrite({ userPoolId,
 * operation }), which arms a one-shot permission for that operation on that pool for 60 seconds. The
 * next call of that operation consumes it; a second write needs a second confirmation. The pool ID must
 * be the one connected now, so a confirmation given before a switch cannot be spent on another pool,
 * and switching clears every armed permission. The CLI confirms once per command (--yes-production
 * naming the pool, or a prompt): a standing permission for that process and pool.
 */
import { AppError } from '../../shared/errors'
import { isWriteOperation, type WriteOperation } from '../../shared/contract'

export const CONFIRMATION_TTL_MS = 60_000

/** What the gate needs to know of the connection now. */
export interface GateTarget {
  production: boolean
  userPoolId: string
  profileName: string
}

export class ProductionGate {
  private readonly armed = new Map<string, number>()
  private standingPool: string | null = null

  constructor(
    private readonly target: () => GateTarget,
    private readonly now: () => number = Date.now
  ) {}

  /** Arms one call of `operation`; refused when the pool named is not the one connected, or the operation does not write. */
  confirm(userPoolId: string, operation: string): { armed: boolean; expiresAt?: number } {
    if (!isWriteOperation(operation)) throw new AppError('VALIDATION', `${operation} does not write to the pool: it needs no confirmation.`)
    const target = this.target()
    if (!target.production) return { armed: false }
    if (userPoolId !== target.userPoolId) {
      throw new AppError(
        'PRODUCTION_CONFIRMATION_REQUIRED',
        `The confirmation named pool ${userPoolId}, but the app is connected to ${target.userPoolId} now. Nothing was changed; confirm again.`
      )
    }
    const expiresAt = this.now() + CONFIRMATION_TTL_MS
    this.armed.set(key(userPoolId, operation), expiresAt)
    return { armed: true, expiresAt }
  }

  /** The CLI's one confirmation for its whole command, given for the pool it names. */
  allowAll(userPoolId: string): void {
    this.standingPool = userPoolId
  }

  /** Throws unless this write may go to the pool now; spends a one-shot permission. */
  consume(operation: WriteOperation): void {
    const target = this.target()
    if (!target.production) return
    if (this.standingPool === target.userPoolId) return
    const k = key(target.userPoolId, operation)
    const expiresAt = this.armed.get(k)
    this.armed.delete(k)
    if (expiresAt !== undefined && expiresAt >= this.now()) return
    throw new AppError(
      'PRODUCTION_CONFIRMATION_REQUIRED',
      `Profile "${target.profileName}" is marked production: ${operation} on pool ${target.userPoolId} needs your explicit confirmation first. Nothing was sent.`
    )
  }

  /** Forgets every permission: the connection changed. */
  reset(): void {
    this.armed.clear()
    this.standingPool = null
  }
}

const key = (userPoolId: string, operation: string) => `${userPoolId}\n${operation}`
