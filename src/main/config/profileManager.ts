/**
 * The profile operations the window and the CLI share: list (without secrets), save, delete, and the
 * AWS profile names to pick a credential source from. Switching is the app context's, since it closes
 * and opens connections.
 */
import { join } from 'node:path'
import { AppError } from '../../shared/errors'
import { poolKey, type AwsProfileName, type ProfileInput, type ProfilesView } from '../../shared/profiles'
import { AUDIT_FILE, FileAuditLog } from '../audit/auditLog'
import { recordLocalChange } from '../audit/localChange'
import { loadBaseConfig } from './appConfig'
import { listAwsProfiles } from './awsProfiles'
import { isProductionPool, ProfileStore } from './profileStore'
import { listProfiles, type ProfileContext } from './profiles'

export interface ProfileManager {
  list(activeId: string): Promise<ProfilesView>
  /** Returns the saved profile's id. */
  save(input: ProfileInput): Promise<string>
  remove(id: string, activeId: string): Promise<void>
  awsProfiles(): Promise<AwsProfileName[]>
  /** Remembers the profile to open at the next start. */
  remember(id: string): Promise<void>
  /**
   * Takes a pool's production mark away once the operator typed its ID and a person said yes to
   * `askInPerson` (the operating system's dialog, the CLI's prompt); audited like a write.
   */
  unmarkProduction(request: UnmarkRequest, askInPerson: AskInPerson): Promise<void>
}

export interface UnmarkRequest {
  region: string
  userPoolId: string
  typedPoolId: string
}

/** A question main asks a person directly, where no page can answer for them; true is their yes. */
export type AskInPerson = (question: InPersonQuestion) => Promise<boolean>

export interface InPersonQuestion {
  title: string
  detail: string
  confirmLabel: string
  /** What a front end that can take typing (the CLI's prompt) has the person type to say yes. */
  typeToConfirm: string
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
    remember: (id) => store().setActive(id),
    async unmarkProduction({ region, userPoolId, typedPoolId }, askInPerson) {
      if (typedPoolId.trim() !== userPoolId) {
        throw new AppError('VALIDATION', `Type the pool ID exactly (${userPoolId}) to remove its production mark. Nothing was changed.`, {
          typedPoolId: `Type ${userPoolId}`
        })
      }
      const profiles = store()
      const key = poolKey({ region, userPoolId })
      if (!isProductionPool(await profiles.read(), key)) throw new AppError('VALIDATION', `Pool ${userPoolId} is not marked production.`)
      const yes = await askInPerson({
        title: `Remove the production mark of pool ${userPoolId}?`,
        detail: `Writes to ${userPoolId} will no longer ask for a confirmation, in the app and the CLI, whichever profile names the pool.`,
        confirmLabel: 'Remove production mark',
        typeToConfirm: userPoolId
      })
      if (!yes) throw new AppError('CANCELLED', `Pool ${userPoolId} stays marked production. Nothing was changed.`)
      const audit = new FileAuditLog(join(loadBaseConfig(context.env, context.cwd).dataDir, AUDIT_FILE))
      const change = { operation: 'RemoveProductionMark', userPoolId, changes: { production: 'marked → not marked' } }
      await recordLocalChange(audit, change, () => profiles.unmarkProduction(key))
    }
  }
}
