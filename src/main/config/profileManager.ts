/**
 * The profile operations the window and the CLI share: list (without secrets), save, delete, and the
 * AWS profile names to pick a credential source from. Switching is the app context's, since it closes
 * and opens connections.
 */
import { AppError } from '../../shared/errors'
import type { AwsProfileName, ProfileInput, ProfilesView } from '../../shared/profiles'
import { loadBaseConfig } from './appConfig'
import { listAwsProfiles } from './awsProfiles'
import { ProfileStore } from './profileStore'
import { listProfiles, type ProfileContext } from './profiles'

export interface ProfileManager {
  list(activeId: string): Promise<ProfilesView>
  /** Returns the saved profile's id. */
  save(input: ProfileInput): Promise<string>
  remove(id: string, activeId: string): Promise<void>
  awsProfiles(): Promise<AwsProfileName[]>
  /** Remembers the profile to open at the next start. */
  remember(id: string): Promise<void>
}

export function createProfileManager(context: ProfileContext): ProfileManager {
  // Read afresh per call: the data folder is fixed, but another process may have changed the file.
  const store = () => new ProfileStore(loadBaseConfig(context.env, context.cwd).dataDir, context.secrets)
  return {
    async list(activeId) {
      const { summaries } = await listProfiles(context)
      return { profiles: summaries, activeId }
    },
    async save(input) {
      return (await store().save(input)).id
    },
    async remove(id, activeId) {
      if (id === activeId) throw new AppError('VALIDATION', 'This profile is in use. Switch to another profile first, then delete it.')
      const { summaries } = await listProfiles(context)
      const found = summaries.find((summary) => summary.id === id)
      if (!found) throw new AppError('VALIDATION', `No profile with id "${id}".`)
      if (found.builtIn) throw new AppError('VALIDATION', `"${found.name}" is built in and cannot be deleted.`)
      await store().remove(id)
    },
    awsProfiles: () => listAwsProfiles(context.env),
    remember: (id) => store().setActive(id)
  }
}
