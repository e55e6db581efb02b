/** A user on their page, and the page mounted against the fake api, for the user page's tests. */
import { render } from '@testing-library/react'
import { createRef } from 'react'
import type { UserDetail } from '../../../../src/shared/domain'
import type { SignInVerdict } from '../../../../src/shared/support'
import { UserDetailPane } from '../../../../src/renderer/src/features/userDetail/UserDetailPane'
import { useUsers } from '../../../../src/renderer/src/features/users/usersStore'
import { useConnection } from '../../../../src/renderer/src/stores/connectionStore'
import type { FakeApi } from '../../support/fakeApi'
import { poolInfo } from '../../support/fixtures'

export const CAN_SIGN_IN: SignInVerdict = { canSignIn: true, reason: 'ok', headline: 'Can sign in', fixes: [] }

export function person(overrides: Partial<UserDetail> = {}): UserDetail {
  return {
    username: 'alice',
    sub: '11111111-2222-3333-4444-555555555555',
    status: 'CONFIRMED',
    enabled: true,
    createdAt: '2026-11-01T10:00:00.000Z',
    modifiedAt: '2026-11-02T10:00:00.000Z',
    email: 'alice@acme.test',
    emailVerified: true,
    phone: '+447700900123',
    phoneVerified: false,
    tier: { kind: 'tier', tier: 'standard' },
    attributes: [
      { name: 'sub', value: '11111111-2222-3333-4444-555555555555' },
      { name: 'email', value: 'alice@acme.test' },
      { name: 'email_verified', value: 'true' },
      { name: 'phone_number', value: '+447700900123' },
      { name: 'custom:company', value: 'Acme' },
      { name: 'custom:user_tier', value: 'standard' }
    ],
    identities: [],
    mfa: { enabled: [], preferred: null },
    verdict: CAN_SIGN_IN,
    ...overrides
  }
}

/** Shows `user` on the page, with the pool's schema and security known, and the reads a page makes answered. */
export function showPage(fake: FakeApi, user: UserDetail) {
  fake.succeed('userHistory', { entries: [] })
  fake.succeed('userGroups', { username: user.username, member: [], available: [] })
  fake.succeed('getUser', user)
  useConnection.setState({
    pool: poolInfo({
      schema: [
        { name: 'sub', type: 'String', custom: false, mutable: false, required: true },
        { name: 'email', type: 'String', custom: false, mutable: true, required: true },
        { name: 'email_verified', type: 'Boolean', custom: false, mutable: true, required: false },
        { name: 'phone_number', type: 'String', custom: false, mutable: true, required: false },
        { name: 'custom:user_tier', type: 'String', custom: true, mutable: true, required: false },
        { name: 'custom:company', type: 'String', custom: true, mutable: false, required: false }
      ],
      security: {
        mfaConfiguration: 'OPTIONAL',
        mfaMethods: ['TOTP'],
        threatProtection: 'OFF',
        temporaryPasswordValidityDays: 7,
        autoVerifiedAttributes: ['email'],
        keepOriginalUntilVerified: ['email'],
        deviceTracking: 'off'
      }
    })
  })
  useUsers.setState({ selected: user })
  return render(<UserDetailPane headingRef={createRef()} />)
}
