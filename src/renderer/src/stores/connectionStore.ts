import { create } from 'zustand'
import type { ConnectionHealth, ConnectionStatus, PoolInfo } from '../../../shared/domain'
import type { AppErrorShape, ErrorCode } from '../../../shared/errors'
import { useToasts } from './toastStore'

/**
 * How often the bar asks whether the pool still answers. The sandbox is asked locally and costs
 * nothing; a configured pool is asked with DescribeUserPool, whose quota (15/s) the whole account shares.
 */
export const HEALTH_INTERVAL_MS = { sandbox: 15_000, pool: 60_000 } as const

/** Failures that mean the pool (or the sandbox's emulator) may have stopped answering, not that one request was refused. */
const CONNECTIVITY_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['NETWORK_UNREACHABLE', 'SANDBOX_UNAVAILABLE'])

/** What the bar is waiting on; one at a time, so a late check cannot overwrite a restart's result. */
export type ConnectionBusy = 'checking' | 'restarting' | 'restoring' | null

interface ConnectionState {
  status: ConnectionStatus | null
  pool: PoolInfo | null
  poolError: AppErrorShape | null
  checkingPool: boolean
  /** The last health check; null until one has run since the connection (re)opened. */
  health: ConnectionHealth | null
  busy: ConnectionBusy
  /** Why the last restart or restore failed. */
  actionError: AppErrorShape | null
  load: () => Promise<void>
  /** Describes the pool; `refresh` asks Cognito again after the operator changed the pool or the network. */
  checkPool: (refresh?: boolean) => Promise<void>
  /** Asks whether the pool (or the sandbox's emulator) answers now. */
  checkHealth: () => Promise<void>
  /** Called by the bridge wrapper with every failed operation: a connectivity failure is checked at once. */
  reportFailure: (error: AppErrorShape) => void
  restartSandbox: () => Promise<void>
  /** Puts back the last good copy of a damaged sandbox file, then connects again. */
  restoreSandbox: () => Promise<void>
  /** Checks at the interval from now on; returns the function that stops it. */
  watch: () => () => void
}

/** What the connection bar shows of the store; App hands it over with the bar's handlers. */
export const selectConnectionView = ({ status, pool, poolError, checkingPool, health, busy, actionError }: ConnectionState) => ({
  status,
  pool,
  poolError,
  checkingPool,
  health,
  busy,
  actionError
})
export type ConnectionView = ReturnType<typeof selectConnectionView>

/**
 * Which pool the app is connected to and whether it answers: the pool check (its schema and password
 * policy for the forms, or why it could not be read), health checks, and the sandbox's restart and repair.
 */
export const useConnection = create<ConnectionState>((set, get) => ({
  status: null,
  pool: null,
  poolError: null,
  checkingPool: false,
  health: null,
  busy: null,
  actionError: null,

  load: async () => {
    const status = await window.api.getConnection()
    if (!status.ok) {
      set({ status: { state: 'error', error: status.error }, health: null })
      return
    }
    set({ status: status.data, health: null })
    if (status.data.state === 'connected') await get().checkPool()
  },

  checkPool: async (refresh = false) => {
    set({ checkingPool: true })
    const pool = await window.api.describePool(refresh ? { refresh } : undefined)
    set(pool.ok ? { pool: pool.data, poolError: null, checkingPool: false } : { pool: null, poolError: pool.error, checkingPool: false })
  },

  checkHealth: async () => {
    const { busy, status } = get()
    if (busy || status?.state !== 'connected') return
    const wasDown = get().health?.answering === false || get().poolError !== null
    set({ busy: 'checking' })
    let health: ConnectionHealth
    try {
      const reply = await window.api.checkConnection()
      // The sandbox's endpoint moves when its emulator is found again or taken over; the bar shows where it is now.
      const current = await window.api.getConnection()
      health = reply.ok ? reply.data : { answering: false, error: reply.error, canRestartSandbox: false }
      set({ health, ...(health.answering ? { actionError: null } : {}), ...(current.ok ? { status: current.data } : {}) })
    } finally {
      // Whatever happened, the bar's buttons and the next interval check must not stay blocked.
      set({ busy: null })
    }
    if (health.answering && wasDown) await get().checkPool()
  },

  reportFailure: (error) => {
    if (CONNECTIVITY_CODES.has(error.code)) void get().checkHealth()
  },

  restartSandbox: async () => {
    set({ busy: 'restarting', actionError: null })
    const reply = await window.api.restartSandbox()
    if (!reply.ok) {
      set({ busy: null, actionError: reply.error })
      return
    }
    set({ busy: null, status: reply.data, health: null })
    if (reply.data.state !== 'connected') return
    await Promise.all([get().checkHealth(), get().checkPool()])
    if (get().health?.answering) useToasts.getState().push('success', 'Sandbox restarted', `It answers at ${reply.data.info.endpoint}; its users are kept.`)
  },

  restoreSandbox: async () => {
    set({ busy: 'restoring', actionError: null })
    const reply = await window.api.restoreSandbox()
    set({ busy: null })
    if (!reply.ok) {
      set({ actionError: reply.error })
      return
    }
    const { restored } = reply.data
    useToasts
      .getState()
      .push(
        'success',
        restored.length ? 'Last good copy restored' : 'Nothing needed restoring',
        restored.length ? `Put back: ${restored.join(', ')}` : undefined
      )
    await get().load()
  },

  watch: () => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let stopped = false
    const next = (): void => {
      const status = get().status
      const interval = status?.state === 'connected' && status.info.mode !== 'sandbox' ? HEALTH_INTERVAL_MS.pool : HEALTH_INTERVAL_MS.sandbox
      timer = setTimeout(() => {
        // A check that failed outright (the bridge itself) must not end the checking.
        void get()
          .checkHealth()
          .catch(() => undefined)
          .finally(() => stopped || next())
      }, interval)
    }
    next()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }
}))
