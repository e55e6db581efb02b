import { create } from 'zustand'
import type { Outcome } from '../users/usersStore'

/**
 * Said in place of the page once its user is no longer in the pool (deleted, or a federated user
 * whose only link was removed), until another user is opened.
 */
export const useGoneNote = create<{ note: Outcome | null }>(() => ({ note: null }))
