/**
 * A fake `window.api` built from the IPC contract: each operation is a `vi.fn` that answers with the
 * Result the test set for it, and each event can be emitted by the test to whoever subscribed. Both
 * come from iterating the contract, so a new channel needs no change here.
 */
import { vi, type Mock } from 'vitest'
import {
  appEvents,
  operations,
  subscriberName,
  type Api,
  type AppEvent,
  type Operation,
  type PayloadOf,
  type RequestOf,
  type ResultOf
} from '../../../src/shared/contract'
import type { AppErrorShape, Result } from '../../../src/shared/errors'

type Answer<K extends Operation> = Result<ResultOf<K>> | Promise<Result<ResultOf<K>>>
/** What an operation answers: one Result for every call, or one worked out from each request. */
export type Reply<K extends Operation> = Result<ResultOf<K>> | ((request: RequestOf<K> | undefined) => Answer<K>)
export type OperationMock = Mock<(request?: unknown) => Promise<Result<unknown>>>

export interface FakeApi {
  /** The object installed as `window.api`. */
  api: Api
  /** Each operation's mock, to assert on its calls. */
  calls: Record<Operation, OperationMock>
  reply<K extends Operation>(operation: K, reply: Reply<K>): void
  succeed<K extends Operation>(operation: K, data: ResultOf<K>): void
  fail(operation: Operation, error: AppErrorShape): void
  /** Delivers an event to every current listener, as the preload does after checking the payload. */
  emit<E extends AppEvent>(event: E, payload: PayloadOf<E>): void
  /** How many listeners an event has now: a screen that unmounted should have left none. */
  listenerCount(event: AppEvent): number
}

/**
 * Installs a fresh fake as `window.api`. An operation the test gave no reply fails with INTERNAL and
 * its own name, so a missing setup shows in the test's failure rather than as a hang.
 */
export function installFakeApi(): FakeApi {
  const replies = new Map<Operation, (request: unknown) => Answer<Operation>>()
  const listeners = new Map<AppEvent, Set<(payload: unknown) => void>>(appEvents.map((event) => [event, new Set()]))
  const api: Record<string, unknown> = {}
  const calls = {} as Record<Operation, OperationMock>

  for (const operation of operations) {
    calls[operation] = vi.fn(async (request?: unknown) => {
      const reply = replies.get(operation)
      if (!reply) return { ok: false, error: { code: 'INTERNAL', message: `The fake api has no reply for ${operation}` } }
      return reply(request)
    })
    api[operation] = calls[operation]
  }
  for (const event of appEvents) {
    api[subscriberName(event)] = (listener: (payload: unknown) => void) => {
      listeners.get(event)?.add(listener)
      return () => void listeners.get(event)?.delete(listener)
    }
  }

  const fake: FakeApi = {
    api: api as Api,
    calls,
    reply: (operation, reply) => {
      const answer = typeof reply === 'function' ? reply : () => reply
      replies.set(operation, answer as (request: unknown) => Answer<Operation>)
    },
    succeed: (operation, data) => fake.reply(operation, { ok: true, data }),
    fail: (operation, error) => fake.reply(operation, { ok: false, error }),
    emit: (event, payload) => {
      for (const listener of [...(listeners.get(event) ?? [])]) listener(payload)
    },
    listenerCount: (event) => listeners.get(event)?.size ?? 0
  }
  Object.defineProperty(window, 'api', { value: fake.api, configurable: true, writable: true })
  return fake
}

/** A reply the test releases when it chooses, to see what shows while a request is in flight. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((done) => (resolve = done))
  return { promise, resolve }
}
