import { takesEffectSentence, type TakesEffect } from '../../../../shared/takesEffect'
import { BusyButton } from '../../components/BusyButton'
import { useUserActions } from './userActionsStore'

interface Props {
  effect: TakesEffect
  /** Offers "Sign out everywhere" for the user shown; left out where several users changed (the bulk result). */
  signOutHere?: boolean
}

/**
 * When a tier change reaches the customer's apps, under the change's result: at their next token
 * refresh, within the pool's longest ID-token lifetime, never through a client that may not read the
 * tier; and "Sign out everywhere", which makes them sign in again (tokens already issued stay valid).
 * The sign-out is the account action of the same name: its result shows with the other account actions'.
 */
export function TakesEffectNote({ effect, signOutHere = false }: Props) {
  const running = useUserActions((state) => state.running === 'signOut')
  const signOut = signOutHere ? '"Sign out everywhere"' : `"Sign out everywhere" on a user's page`
  return (
    <div className="takes-effect-note small border-start border-3 border-info ps-2 mt-2" role="note" aria-label="When the change takes effect">
      <p className="mb-1">{takesEffectSentence(effect, signOut)}</p>
      {signOutHere && (
        <BusyButton type="button" busy={running} className="btn btn-sm btn-outline-secondary" onClick={() => void useUserActions.getState().run('signOut')}>
          Sign out everywhere
        </BusyButton>
      )}
    </div>
  )
}
