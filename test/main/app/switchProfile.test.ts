/**
 * Switching profile is one call and reconnects cleanly: a bulk tier change running on the sandbox is
 * paused by the switch (not left running against a pool the window no longer shows, nor mixed into the
 * other pool's jobs), the other profile (a simulated pool at an endpoint marked emulator) answers, and
 * switching back offers the paused job, which resumes to every user at the target.
 */
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { openAppContext } from '../../../src/main/app/appContext'
import { ProfileStore } from '../../../src/main/config/profileStore'
import { readJobRecord } from '../../../src/main/jobs/jobRecord'
import { getUser } from '../../../src/main/users/users'
import { profileSchemas } from '../../../src/shared/profiles'
import { seedName } from '../../support/bulkSandbox'
import { cleanEnv } from '../../support/cliRunner'
import { startCognitoSim } from '../../support/cognitoSim'
import { fakeSecretStore } from '../../support/fakeSecretStore'
import { createSeededSandbox } from '../../support/seededSandbox'
import { makeTempDir } from '../../support/tempDir'

const temp = makeTempDir('tier-admin-switch-')
afterAll(() => temp.remove())

it('pauses the old pool’s job on a switch, and offers it again on the way back', async () => {
  const sim = await startCognitoSim({ users: 30, describeSchema: true, latencyMs: 2 })
  await createSeededSandbox(temp.dir, 200)
  const secrets = fakeSecretStore()
  const other = await new ProfileStore(temp.dir, secrets).save(
    profileSchemas.save.parse({
      name: 'Other pool',
      region: 'us-east-1',
      userPoolId: sim.userPoolId,
      clientId: sim.clientId,
      endpoint: sim.endpoint,
      emulator: true
    })
  )
  const app = await openAppContext({ env: cleanEnv({ TIER_ADMIN_DATA_DIR: temp.dir }), cwd: temp.dir, secretStore: secrets, processLabel: 'the switch test' })
  try {
    expect(app.status).toMatchObject({ state: 'connected', info: { mode: 'sandbox' } })
    const sandboxPool = app.status.state === 'connected' ? app.status.info.userPoolId : ''
    const bulk = app.services().bulk
    const preview = await bulk.preview({ rows: Array.from({ length: 200 }, (_, i) => ({ username: seedName(i), tier: 'premium' })) })
    const some = new Promise<void>((resolve) => app.jobUpdates.on('bulk-tier', (jobId, progress) => jobId === preview.jobId && progress.done > 60 && resolve()))
    await bulk.start(preview.jobId)
    await some

    expect(await app.switchProfile(other.id)).toMatchObject({ state: 'connected', info: { userPoolId: sim.userPoolId } })
    const record = await readJobRecord(join(temp.dir, 'jobs', preview.jobId, 'job.json'))
    expect(record?.state).toBe('paused')
    // The other pool's services know nothing of the sandbox's job.
    expect(await app.services().bulk.list()).toEqual([])
    expect((await getUser(app.services().connection.gateway, sim.userAt(0).username)).username).toBe(sim.userAt(0).username)

    expect(await app.switchProfile('sandbox')).toMatchObject({ state: 'connected', info: { userPoolId: sandboxPool } })
    const back = app.services().bulk
    const [listed] = await back.list()
    expect(listed).toMatchObject({ jobId: preview.jobId, state: 'paused' })
    expect(listed!.progress.done).toBeLessThan(200)
    await back.start(preview.jobId)
    expect(await back.settled(preview.jobId)).toMatchObject({ state: 'done', done: 200, failed: 0, conflicts: 0 })
    for (let i = 0; i < 200; i += 13) expect((await getUser(app.services().connection.gateway, seedName(i))).tier).toEqual({ kind: 'tier', tier: 'premium' })
  } finally {
    await app.close()
    await sim.stop()
  }
}, 120_000)
