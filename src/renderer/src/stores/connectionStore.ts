import { create } from 'zustand'
import type { ConnectionStatus, PoolInfo } from '../../../shared/domain'
import type { AppErrorShape } from '../../../shared/errors'

interface ConnectionState {
  status: ConnectionStatus | null
  pool: PoolInfo | null
  poolError: AppErrorShape | null
  checkingPool: boolean
  load: () => Promise<void>
  /** Describes the pool; `refresh` asks Cognito again after the operator changed the pool or the network. */
  checkPool: (refresh?: boolean) => Promise<void>
}

/**
 * Which pool the app is connected to, and the pool check: its schema and password policy for the
 * forms, or why it could not be read (wrong pool ID or region, credentials, network).
 */
export const useConnection = create<ConnectionState>((set, get) => ({
  status: null,
  pool: null,
  poolError: null,
  checkingPool: false,
  load: async () => {
    const status = await window.api.getConnection()
    if (!status.ok) {
      set({ status: { state: 'error', error: status.error } })
      return
    }
    set({ status: status.data })
    if (status.data.state === 'connected') await get().checkPool()
  },
  checkPool: async (refresh = false) => {
    set({ checkingPool: true })
    const pool = await window.api.describePool(refresh ? { refresh } : undefined)
    set(pool.ok ? { pool: pool.data, poolError: null, checkingPool: false } : { pool: null, poolError: pool.error, checkingPool: false })
  }
}))
