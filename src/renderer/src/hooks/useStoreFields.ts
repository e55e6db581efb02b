import type { StoreApi, UseBoundStore } from 'zustand'
import { useShallow } from 'zustand/react/shallow'

/**
 * The named fields of a store as one object that changes only when one of them does, so a component
 * re-renders for what it shows rather than for every change to the store.
 */
export function useStoreFields<S extends object, K extends keyof S>(store: UseBoundStore<StoreApi<S>>, keys: readonly K[]): Pick<S, K> {
  return store(useShallow((state) => Object.fromEntries(keys.map((key) => [key, state[key]])) as Pick<S, K>))
}
