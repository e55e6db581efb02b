/**
 * The pool doctor: checks in order, each one line with what to do on failure. A check that cannot run
 * because an earlier one failed (no credentials, no pool) is listed as skipped, not failed, so the
 * operator sees one cause and its fix rather than a wall of red.
 */
import type { DoctorCheck, DoctorReport } from '../../shared/doctor'
import { verdictOf } from '../../shared/doctor'
import { TIER_ATTRIBUTE } from '../../shared/tiers'
import { checkCredentials, checkPool } from './accessChecks'
import { checkClient } from './clientChecks'
import { checkPermissions, PROBES } from './permissionProbes'
import { checkSecret } from './secretChecks'
import type { DoctorTarget } from './target'
import { checkTierAttribute } from './tierChecks'
import { checkEveryClient } from './tierIntegrity'
import { checkTierReturns, RETURNS_TITLE } from './tierReturnChecks'

export type { DoctorTarget } from './target'

/** What the later checks are called, for the lines that say they were skipped. */
const LATER: { id: string; title: string }[] = [
  { id: 'pool', title: 'Pool exists in the region' },
  { id: 'client', title: 'App client exists' },
  { id: 'client-secret', title: 'Configured client secret is right' },
  { id: 'tier-attribute', title: `${TIER_ATTRIBUTE} is a mutable String` },
  { id: 'tier-integrity', title: `No one can set their own ${TIER_ATTRIBUTE} through an app client` },
  ...PROBES.map(({ action }) => ({ id: `iam:${action}`, title: `May call cognito-idp:${action}` })),
  { id: 'returns', title: RETURNS_TITLE }
]

function skipped(ids: string[], detail: string): DoctorCheck[] {
  return LATER.filter((check) => ids.includes(check.id)).map(({ id, title }) => ({ id, title, status: 'skipped', detail }))
}

export async function runDoctor(target: DoctorTarget, now: () => Date = () => new Date()): Promise<DoctorReport> {
  const checks: DoctorCheck[] = []
  const report = (): DoctorReport => ({ userPoolId: target.userPoolId, ranAt: now().toISOString(), verdict: verdictOf(checks), checks })

  const credentials = await checkCredentials(target)
  checks.push(credentials.check)
  if (!credentials.usable) {
    checks.push(
      ...skipped(
        LATER.map((c) => c.id),
        'Skipped: there are no usable credentials to check it with.'
      )
    )
    return report()
  }
  const pool = await checkPool(target)
  checks.push(pool.check)
  if (!pool.pool) {
    checks.push(
      ...skipped(
        LATER.filter((c) => c.id !== 'pool').map((c) => c.id),
        'Skipped: the pool could not be described.'
      )
    )
    return report()
  }
  const client = await checkClient(target)
  checks.push(...client.checks)
  const clientMissing = client.checks[0].status === 'fail'
  checks.push(clientMissing ? skipped(['client-secret'], 'Skipped: the app client was not found.')[0] : await checkSecret(target, client.client))
  checks.push(checkTierAttribute(pool.pool))
  checks.push(...(await checkEveryClient(target, client.client)))
  checks.push(...(await checkPermissions(target)))
  checks.push(...(await checkTierReturns(target, credentials.arn)))
  return report()
}
