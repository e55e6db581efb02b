import { create } from 'zustand'
import type { ConnectionStatus, PoolInfo } from '../../../shared/domain'
import type { AppErrorShape } from '../../../shared/errors'

interface ConnectionState {
  status: ConnectionStatus | null
  pool: PoolInfo | null
  poolError: AppErrorShape | null
  load: () => Promise<void>
}

/** Which pool the app is connected to, and its schema and password policy for the forms. */
export const useConnection = create<ConnectionState>((set) => ({
  status: null,
  pool: null,
  poolError: null,
  load: async () => {
    const status = await window.api.getConnection()
    if (!status.ok) {
      set({ status: { state: 'error', error: status.error } })
      return
    }
    set({ status: status.data })
    if (status.data.state !== 'connected') return
    const pool = await window.api.describePool()
    set(pool.ok ? { pool: pool.data, poolError: null } : { pool: null, poolError: pool.error })
  }
}))
