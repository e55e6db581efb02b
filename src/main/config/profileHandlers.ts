/** The handlers of the profile channels (profileContract.ts), over the app context's profiles. */
import type { profileChannels } from '../../shared/profileContract'
import type { AppContext } from '../appContext'
import type { Handler } from '../ipc/handlers'

type ProfileHandlers = { [K in keyof typeof profileChannels]: Handler<K> }

export function createProfileHandlers(app: AppContext): ProfileHandlers {
  const view = () => app.profiles.list(app.profile.id)
  return {
    listProfiles: view,
    saveProfile: async (request) => {
      const id = await app.profiles.save(request)
      // The profile in use was changed: connect again with what was saved, so the bar tells the truth.
      if (id === app.profile.id) await app.switchProfile(id)
      return view()
    },
    deleteProfile: async ({ id }) => {
      await app.profiles.remove(id, app.profile.id)
      return view()
    },
    switchProfile: async ({ id }) => app.switchProfile(id),
    listAwsProfiles: () => app.profiles.awsProfiles(),
    confirmProductionWrite: async ({ userPoolId, operation }) => ({ armed: app.productionGate.confirm(userPoolId, operation).armed })
  }
}
