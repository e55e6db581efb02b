/**
 * The profile channels of the IPC contract, kept beside their schemas and spread into `contract`
 * (contract.ts) so the handler table, the preload and `window.api` derive them like every other channel.
 */
import { z } from 'zod'
import type { ConnectionStatus } from './domain'
import { returns } from './contractSchemas'
import { profileSchemas, type AwsProfileName, type ProfilesView } from './profiles'

const none = z.object({}).strict().optional()

export const profileChannels = {
  /** Every profile without its secret (only whether one is set), and the one in use. */
  listProfiles: { channel: 'profiles:list', request: none, result: returns<ProfilesView>() },
  /** Adds or changes a profile; a client secret is sealed with the system keychain or refused. Reconnects when it is the one in use. */
  saveProfile: { channel: 'profiles:save', request: profileSchemas.save, result: returns<ProfilesView>() },
  deleteProfile: { channel: 'profiles:delete', request: profileSchemas.byId, result: returns<ProfilesView>() },
  /** Closes the old connection (its jobs paused), opens the profile's, and remembers it for the next start. */
  switchProfile: { channel: 'profiles:switch', request: profileSchemas.byId, result: returns<ConnectionStatus>() },
  /** The profile names of the shared AWS config and credentials files, for the credential source picker. */
  listAwsProfiles: { channel: 'profiles:aws', request: none, result: returns<AwsProfileName[]>() },
  /**
   * Takes a pool's production mark away, for every profile naming it: the pool ID typed again, then a
   * question main asks in person (a dialog of the operating system the page cannot answer), audited.
   */
  unmarkProduction: { channel: 'profiles:unmark-production', request: profileSchemas.unmarkProduction, result: returns<ProfilesView>() }
} as const
