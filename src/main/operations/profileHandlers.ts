/** The profile channels (profileContract.ts) and the production confirmation, over the app's profiles and the gate. */
import type { Operation } from '../../shared/contract'
import type { profileChannels } from '../../shared/profileContract'
import { askInPerson } from './frontEnd'
import type { HandlersOf, OperationContext } from './handler'

type ProfileOperation = Extract<Operation, keyof typeof profileChannels | 'confirmProductionWrite'>

export function profileHandlers({ app, frontEnd, gate }: OperationContext): HandlersOf<ProfileOperation> {
  const view = () => app.profiles.list(app.profile.id)
  /** No permission given for the old pool may be spent on the new one. */
  const switchTo = (id: string) => {
    gate.reset()
    return app.switchProfile(id)
  }
  return {
    listProfiles: view,
    saveProfile: async (request) => {
      const id = await app.profiles.save(request)
      // The profile in use was changed: connect again with what was saved, so the bar tells the truth.
      if (id === app.profile.id) await switchTo(id)
      return view()
    },
    deleteProfile: async ({ id }) => {
      await app.profiles.remove(id, app.profile.id)
      return view()
    },
    switchProfile: async ({ id }) => switchTo(id),
    listAwsProfiles: () => app.profiles.awsProfiles(),
    unmarkProduction: async (request) => {
      await app.profiles.unmarkProduction(request, askInPerson(frontEnd))
      return view()
    },
    confirmProductionWrite: async ({ userPoolId, operation }) => ({ armed: gate.confirm(userPoolId, operation).armed })
  }
}
