/** The connection's operations: its status and health, the pool's description, the doctor, the sandbox's care and outbox. */
import type { Operation } from '../../shared/contract'
import { runDoctor } from '../doctor/runDoctor'
import { doctorTargetOf } from '../doctor/target'
import { makeTierReadOnly } from '../doctor/clientFix'
import { addTierAttribute } from '../doctor/tierFix'
import type { HandlersOf, OperationContext } from './handler'

type ConnectionOperation = Extract<
  Operation,
  'getConnection' | 'describePool' | 'checkConnection' | 'runDoctor' | 'applyDoctorFix' | 'restartSandbox' | 'restoreSandbox' | 'getOutbox'
>

export function connectionHandlers({ app }: OperationContext): HandlersOf<ConnectionOperation> {
  const services = () => app.services()
  return {
    getConnection: async () => app.status,
    describePool: async (request) => services().schema.describe({ refresh: request?.refresh }),
    checkConnection: async () => app.health(),
    runDoctor: async () => runDoctor(doctorTargetOf(services().connection, app.profile)),
    /** Applies the fix, then runs the doctor again so the caller sees whether it worked. */
    applyDoctorFix: async (request) => {
      const target = doctorTargetOf(services().connection, app.profile)
      if (request.fix === 'make-tier-read-only') {
        await makeTierReadOnly(target, request)
        // Registration asks afresh whether the app's client may write the tier; nothing cached to refresh.
        return runDoctor(target)
      }
      await addTierAttribute(target, request)
      // The schema was cached at connect without the attribute; registration and tier changes must see it now.
      await services()
        .schema.describe({ refresh: true })
        .catch(() => undefined)
      return runDoctor(target)
    },
    restartSandbox: async () => app.restartSandbox(),
    restoreSandbox: async () => app.restoreSandbox(),
    getOutbox: async () => {
      const sandbox = services().connection.sandbox
      return sandbox ? { available: true, messages: sandbox.outbox.list() } : { available: false, messages: [] }
    }
  }
}
