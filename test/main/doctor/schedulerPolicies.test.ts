/**
 * The tier-return documents said once: the setup doc shows exactly what the builder makes for its
 * sample account; and the trust judge reads the shapes IAM allows (a service as a string or a list,
 * StringLike conditions, URL-encoding) as IAM would.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { groupArnOf, operatorPolicy, parseRoleArn, rolePermissionsPolicy, trustPolicy } from '../../../src/main/doctor/schedulerPolicies'
import { judgeTrust } from '../../../src/main/doctor/trustPolicy'

const SAMPLE = {
  partition: 'aws',
  region: 'eu-west-1',
  account: '111122223333',
  userPoolId: 'eu-west-1_EXAMPLE',
  roleArn: 'arn:aws:iam::111122223333:role/tier-admin-tier-returns'
}
const GROUP = groupArnOf(SAMPLE)
const encoded = (statement: object) => encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: [statement] }))

describe('the tier-return documents', () => {
  it('are the ones docs/tier-returns-setup.md shows, in its order', () => {
    const text = readFileSync(join(__dirname, '../../../docs/tier-returns-setup.md'), 'utf8')
    // As JSON, not as text: prettier lays the doc's blocks out its own way.
    const blocks = [...text.matchAll(/```json\n([\s\S]*?)\n```/g)].map((match) => JSON.parse(match[1]!) as unknown)
    expect(blocks).toEqual([trustPolicy(SAMPLE), rolePermissionsPolicy(SAMPLE), operatorPolicy(SAMPLE)].map((text) => JSON.parse(text) as unknown))
  })

  it("trust the builder's own trust policy, and judge the shapes IAM allows", () => {
    expect(judgeTrust(encodeURIComponent(trustPolicy(SAMPLE)), SAMPLE.account, GROUP).ok).toBe(true)
    const allow = { Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:TagSession'] }
    expect(judgeTrust(encoded({ ...allow, Principal: { Service: 'scheduler.amazonaws.com' } }), SAMPLE.account, GROUP).ok).toBe(true)
    expect(judgeTrust(encoded({ ...allow, Principal: { Service: ['events.amazonaws.com', 'scheduler.amazonaws.com'] } }), SAMPLE.account, GROUP).ok).toBe(true)
    expect(judgeTrust(encoded({ ...allow, Principal: { AWS: 'arn:aws:iam::111122223333:root' } }), SAMPLE.account, GROUP).ok).toBe(false)
    const like = { StringLike: { 'aws:SourceArn': 'arn:aws:scheduler:*:111122223333:schedule-group/*' } }
    expect(judgeTrust(encoded({ ...allow, Principal: { Service: 'scheduler.amazonaws.com' }, Condition: like }), SAMPLE.account, GROUP).ok).toBe(true)
    const otherGroup = { StringEquals: { 'aws:SourceArn': 'arn:aws:scheduler:eu-west-1:111122223333:schedule-group/default' } }
    const wrong = judgeTrust(encoded({ ...allow, Principal: { Service: 'scheduler.amazonaws.com' }, Condition: otherGroup }), SAMPLE.account, GROUP)
    expect(wrong).toEqual({ ok: false, detail: expect.stringContaining('does not match ' + GROUP) })
    const denied = judgeTrust(encoded({ Effect: 'Deny', Action: 'sts:AssumeRole', Principal: { Service: 'scheduler.amazonaws.com' } }), SAMPLE.account, GROUP)
    expect(denied.ok).toBe(false)
    expect(judgeTrust('%7Bnot json', SAMPLE.account, GROUP)).toEqual({ ok: false, detail: 'Its trust policy could not be read as JSON.' })
  })

  it('read a role ARN with or without a path, and nothing else', () => {
    expect(parseRoleArn('arn:aws:iam::111122223333:role/service-role/returns')).toEqual({ partition: 'aws', account: '111122223333', roleName: 'returns' })
    expect(parseRoleArn('arn:aws-cn:iam::111122223333:role/r')?.partition).toBe('aws-cn')
    for (const arn of ['arn:aws:iam::111122223333:user/bob', 'tier-admin-tier-returns', 'arn:aws:iam::1234:role/r']) expect(parseRoleArn(arn)).toBeNull()
  })
})
