/** One user as an export line: fixed columns, the schema's attributes, the rest kept, formulas neutralised. */
import type { UserType } from '@aws-sdk/client-cognito-identity-provider'
import { describe, expect, it } from 'vitest'
import { ExportColumns } from '../../../src/main/export/exportRows'

const user: UserType = {
  Username: 'jane',
  UserStatus: 'CONFIRMED',
  Enabled: false,
  UserCreateDate: new Date('2026-01-02T03:04:05Z'),
  UserLastModifiedDate: new Date('2026-02-03T04:05:06Z'),
  Attributes: [
    { Name: 'sub', Value: 'abc' },
    { Name: 'email', Value: 'jane@example.com' },
    { Name: 'email_verified', Value: 'true' },
    { Name: 'custom:user_tier', Value: '  =1+1' },
    { Name: 'given_name', Value: ' @SUM(A1)' },
    { Name: 'custom:company', Value: '-2, "big"' },
    { Name: 'custom:unlisted', Value: '+cmd' }
  ]
}

describe('export lines', () => {
  it('writes the header from the schema, then each user with formula-leading cells neutralised', () => {
    const columns = new ExportColumns('csv', ['sub', 'email', 'custom:user_tier', 'given_name', 'custom:company'])
    expect(columns.header()).toBe('username,sub,email,email_verified,status,enabled,created,modified,tier,custom:company,given_name,other_attributes\r\n')
    expect(columns.line(user)).toBe(
      'jane,abc,jane@example.com,true,CONFIRMED,false,2026-01-02T03:04:05.000Z,2026-02-03T04:05:06.000Z,' +
        `'  =1+1,"'-2, ""big""",' @SUM(A1),"{""custom:unlisted"":""+cmd""}"\r\n`
    )
  })

  it('neutralises a cell that starts with spaces and then a formula sign, in every column', () => {
    const columns = new ExportColumns('csv', [])
    for (const value of ['=x', ' =x', '   +x', '  -x', ' @x']) {
      const line = columns.line({ Username: value, Attributes: [] })
      expect(line.startsWith(`'${value},`)).toBe(true)
    }
  })

  it('writes JSON lines with the raw values and every other attribute', () => {
    const parsed = JSON.parse(new ExportColumns('jsonl', []).line(user))
    expect(parsed).toEqual({
      username: 'jane',
      sub: 'abc',
      email: 'jane@example.com',
      email_verified: true,
      status: 'CONFIRMED',
      enabled: false,
      created: '2026-01-02T03:04:05.000Z',
      modified: '2026-02-03T04:05:06.000Z',
      tier: '  =1+1',
      attributes: { given_name: ' @SUM(A1)', 'custom:company': '-2, "big"', 'custom:unlisted': '+cmd' }
    })
    expect(JSON.parse(new ExportColumns('jsonl', []).line({ Username: 'x' }))).toMatchObject({ email: null, tier: null, email_verified: null, enabled: true })
  })
})
