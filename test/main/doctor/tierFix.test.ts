/**
 * The doctor's one fix: AddCustomAttributes for custom:user_tier, sent only after the operator
 * acknowledged that a custom attribute can never be removed, audited ahead like every write, and
 * followed by a doctor run that passes.
 */
import { describe, expect, it } from 'vitest'
import { runDoctor } from '../../../src/main/doctor/runDoctor'
import { addTierAttribute } from '../../../src/main/doctor/tierFix'
import { contract } from '../../../src/shared/contract'
import { cognitoException } from '../../support/fakeCognitoClient'
import { fakeDoctorPool } from '../../support/fakeDoctorPool'

describe('adding custom:user_tier', () => {
  it('is refused at the IPC boundary without the acknowledgement', () => {
    const request = contract.applyDoctorFix.request
    expect(request.safeParse({ fix: 'add-tier-attribute', acknowledgePermanent: true }).success).toBe(true)
    for (const bad of [
      { fix: 'add-tier-attribute' },
      { fix: 'add-tier-attribute', acknowledgePermanent: false },
      { fix: 'drop-pool', acknowledgePermanent: true }
    ]) {
      expect(request.safeParse(bad).success, JSON.stringify(bad)).toBe(false)
    }
  })

  it('refuses without the acknowledgement, sending and recording nothing', async () => {
    const pool = fakeDoctorPool({ tier: null })
    await expect(addTierAttribute(pool.target, { acknowledgePermanent: false })).rejects.toMatchObject({ code: 'VALIDATION', message: /never removes/ })
    expect(pool.sent).toEqual([])
    expect(pool.audit.entries).toEqual([])
  })

  it('adds a mutable String user_tier after the acknowledgement, audits it, and the doctor then passes', async () => {
    const pool = fakeDoctorPool({ tier: null })
    expect((await runDoctor(pool.target)).verdict).toBe('fail')
    await addTierAttribute(pool.target, { acknowledgePermanent: true })
    expect(pool.sent.filter((s) => s.name === 'AddCustomAttributes').map((s) => s.input)).toEqual([
      { UserPoolId: pool.target.userPoolId, CustomAttributes: [{ Name: 'user_tier', AttributeDataType: 'String', Mutable: true }] }
    ])
    expect(pool.audit.entries.map((e) => [e.phase, e.operation, e.outcome, e.identity, e.changes])).toEqual([
      ['intent', 'AddCustomAttributes', undefined, pool.arn, { attribute: 'custom:user_tier' }],
      ['result', 'AddCustomAttributes', 'ok', pool.arn, { attribute: 'custom:user_tier' }]
    ])
    expect((await runDoctor(pool.target)).verdict).toBe('pass')
  })

  it('records a refused fix as failed and tells the caller', async () => {
    const pool = fakeDoctorPool({ tier: null, denied: ['AddCustomAttributes'] })
    await expect(addTierAttribute(pool.target, { acknowledgePermanent: true })).rejects.toMatchObject({ name: 'AccessDeniedException' })
    expect(pool.audit.results.map((e) => [e.outcome, e.errorName])).toEqual([['failed', 'AccessDeniedException']])
  })

  it('sends nothing when the audit trail cannot be written', async () => {
    const pool = fakeDoctorPool({ tier: null, audit: { location: '/nowhere/audit.jsonl', record: async () => Promise.reject(cognitoException('EACCES')) } })
    await expect(addTierAttribute(pool.target, { acknowledgePermanent: true })).rejects.toMatchObject({ code: 'AUDIT_UNWRITABLE' })
    expect(pool.sent.map((s) => s.name)).toEqual(['DescribeUserPool'])
  })

  it('adds nothing to a pool that already has the attribute', async () => {
    const pool = fakeDoctorPool()
    await expect(addTierAttribute(pool.target, { acknowledgePermanent: true })).rejects.toMatchObject({ code: 'VALIDATION', message: /already has/ })
    expect(pool.sent.map((s) => s.name)).toEqual(['DescribeUserPool'])
    expect(pool.audit.entries).toEqual([])
  })
})
