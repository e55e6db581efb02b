/**
 * The pool doctor's tier-return lines in the built window: a scheduler role that EventBridge Scheduler
 * may not assume and that may not write the tier, each failing with what to do and the JSON to paste,
 * readable and in view at both window sizes. The sandbox has no IAM (its own line says so), so the
 * lines shown come from the real checks run against IAM and Scheduler simulated on the wire (awsSim).
 */
import { checkTierReturns } from '../../src/main/doctor/tierReturnChecks'
import { operatorPolicy, trustPolicy } from '../../src/main/doctor/schedulerPolicies'
import { verdictOf } from '../../src/shared/doctor'
import { startAwsSim, type AwsSim } from '../support/awsSim'
import { fakeDoctorPool } from '../support/fakeDoctorPool'
import { expect, screenshotAtSizes, testWithOwnApp, WINDOW_SIZES } from './fixtures'

const test = testWithOwnApp()
const ROLE_ARN = 'arn:aws:iam::123456789012:role/tier-admin-tier-returns'
const SETTING = { partition: 'aws', region: 'eu-west-1', account: '123456789012', userPoolId: 'eu-west-1_Doctor1', roleArn: ROLE_ARN }

let sim: AwsSim
test.beforeAll(async () => {
  sim = await startAwsSim()
  // A role made for Lambda, with no policy: the two mistakes the doctor must explain.
  const lambdaTrust = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }]
  })
  sim.world.addRole({ name: 'tier-admin-tier-returns', trust: lambdaTrust, policies: [] })
  sim.world.groups.add('tier-admin-tier-returns')
  const selfSimulate = { Effect: 'Allow', Action: 'iam:SimulatePrincipalPolicy', Resource: sim.world.callerArn }
  sim.world.callerPolicies = [operatorPolicy(SETTING), JSON.stringify({ Version: '2012-10-17', Statement: [selfSimulate] })]
})
test.afterAll(() => sim.stop())

test('the doctor shows a misconfigured scheduler role with the trust and permissions policies to paste', async ({ harness }) => {
  const { page } = harness
  const real = harness.handlers.runDoctor
  harness.handlers.runDoctor = async (request) => {
    const report = await real(request)
    const target = fakeDoctorPool({ schedulerRoleArn: ROLE_ARN, aws: () => sim.clients() }).target
    const checks = [...report.checks.filter((check) => check.id !== 'returns'), ...(await checkTierReturns(target, sim.world.callerArn))]
    return { ...report, checks, verdict: verdictOf(checks) }
  }
  await page
    .getByRole('banner')
    .getByRole('button', { name: /^Pool doctor/ })
    .click()
  const dialog = page.getByRole('dialog', { name: 'Pool doctor' })
  await dialog.getByRole('button', { name: 'Run again' }).click()
  await expect(page.getByRole('banner').getByRole('button', { name: 'Pool doctor: 2 failing' })).toBeVisible()

  const trust = dialog.getByRole('listitem').filter({ hasText: 'The scheduler role trusts scheduler.amazonaws.com' })
  await expect(trust).toContainText('Fail')
  await expect(trust).toContainText('does not let scheduler.amazonaws.com assume it')
  await expect(trust).toContainText('What to do: Replace the role')
  await expect(trust.locator('pre')).toHaveText(trustPolicy(SETTING))
  const cognito = dialog.getByRole('listitem').filter({ hasText: 'may call cognito-idp:AdminUpdateUserAttributes on this pool' })
  await expect(cognito).toContainText('Fail')
  await expect(cognito.locator('pre')).toContainText('"Resource": "arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_Doctor1"')
  await expect(dialog.getByRole('listitem').filter({ hasText: 'May pass the scheduler role' })).toContainText('Pass')

  await trust.scrollIntoViewIfNeeded()
  for (const size of WINDOW_SIZES) {
    await page.setViewportSize(size)
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeInViewport({ ratio: 1 })
  }
  await screenshotAtSizes(page, 'pool-doctor-returns-trust')
  await cognito.locator('pre').scrollIntoViewIfNeeded()
  await screenshotAtSizes(page, 'pool-doctor-returns-cognito', { sizes: [WINDOW_SIZES[0]] })
  harness.handlers.runDoctor = real
})

test('with no scheduler role the line says returns are off, its documents folded until asked', async ({ harness }) => {
  const { page } = harness
  const real = harness.handlers.runDoctor
  harness.handlers.runDoctor = async (request) => {
    const report = await real(request)
    const target = fakeDoctorPool({ aws: () => sim.clients() }).target
    const checks = [...report.checks.filter((check) => check.id !== 'returns'), ...(await checkTierReturns(target, sim.world.callerArn))]
    return { ...report, checks, verdict: verdictOf(checks) }
  }
  const dialog = page.getByRole('dialog', { name: 'Pool doctor' })
  if (!(await dialog.isVisible()))
    await page
      .getByRole('banner')
      .getByRole('button', { name: /^Pool doctor/ })
      .click()
  await dialog.getByRole('button', { name: 'Run again' }).click()
  const off = dialog.getByRole('listitem').filter({ hasText: 'Tier returns (a tier granted until a date) are set up' })
  await expect(off).toContainText('Off: the profile names no scheduler role')
  await expect(off).toContainText("set the role's ARN as the profile's scheduler role")
  await expect(off.locator('pre').first()).toBeHidden()
  await off.getByText('Show the 3 policy documents to paste').click()
  await expect(off.locator('pre')).toHaveCount(3)
  await expect(off.getByRole('button', { name: /^Copy: A policy for the operator's own credentials/ })).toBeVisible()
  await off.scrollIntoViewIfNeeded()
  await screenshotAtSizes(page, 'pool-doctor-returns-off', { sizes: [WINDOW_SIZES[0]] })
  harness.handlers.runDoctor = real
})
