import type { Api } from '../shared/contract'

declare global {
  interface Window {
    /** The typed bridge to the main process; see src/shared/contract.ts. */
    api: Api
  }
}

export {}
