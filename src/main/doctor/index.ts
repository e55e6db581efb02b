/** The pool doctor as the IPC handlers and the CLI call it, on the services of the open connection. */
import type { DoctorFix, DoctorReport } from '../../shared/doctor'
import type { AppServices } from '../appContext'
import { runDoctor } from './runDoctor'
import { doctorTargetOf } from './target'
import { addTierAttribute } from './tierFix'

export function runPoolDoctor(services: AppServices): Promise<DoctorReport> {
  return runDoctor(doctorTargetOf(services.connection))
}

/** Applies the fix, then runs the doctor again so the caller sees whether it worked. */
export async function applyDoctorFix(services: AppServices, request: { fix: DoctorFix; acknowledgePermanent: boolean }): Promise<DoctorReport> {
  const target = doctorTargetOf(services.connection)
  await addTierAttribute(target, request)
  // The schema was cached at connect without the attribute; registration and tier changes must see it now.
  await services.schema.describe({ refresh: true }).catch(() => undefined)
  return runDoctor(target)
}
