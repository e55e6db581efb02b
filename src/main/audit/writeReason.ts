/**
 * The ticket or reason an operator gave for a write, carried from the operations layer (which takes
 * it off the request) to every request to Cognito that write makes, however deep in a service or a
 * job it is sent: the gateway puts it in the audit intent and, where Cognito takes it, in the
 * request's ClientMetadata, so the pool's own Lambda triggers can log it too.
 */
import { AsyncLocalStorage } from 'node:async_hooks'

const current = new AsyncLocalStorage<string>()

/** Runs `work` (and everything it starts, a job included) with this reason; none for an empty one. */
export function withReason<T>(reason: string | undefined, work: () => Promise<T>): Promise<T> {
  const given = reason?.trim()
  return given ? current.run(given, work) : current.exit(work)
}

/** The reason of the write under way, if its operator gave one. */
export function currentReason(): string | undefined {
  return current.getStore()
}
