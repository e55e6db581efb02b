import type { Connection } from '../../src/main/cognito/connection'
import { MemoryAuditLog } from './memoryAuditLog'
import { CognitoGateway } from '../../src/main/cognito/gateway'
import { QuotaLimiters } from '../../src/main/cognito/quotas'
import { fakeCognitoClient } from './fakeCognitoClient'

/** The pool the seed describes, as DescribeUserPool returns it. */
export function describedPool(customAttributes = ['user_tier', 'company']) {
  return {
    UserPool: {
      Id: 'us-east-1_Test',
      Name: 'prod-users',
      AliasAttributes: ['email'],
      Policies: { PasswordPolicy: { MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true } },
      SchemaAttributes: [{ Name: 'sub' }, { Name: 'email' }, { Name: 'email_verified' }, ...customAttributes.map((name) => ({ Name: `custom:${name}` }))]
    }
  }
}

/** This app's client, as DescribeUserPoolClient shows it: one that may write the tier, unless a test says otherwise. */
const writingClient = () => ({ UserPoolClient: { ClientId: 'client123', WriteAttributes: ['email', 'custom:user_tier', 'custom:company'] } })

/** A connection whose Cognito is an SDK-level fake answering per command name. */
export function fakeConnection(answers: Record<string, (input: Record<string, unknown>) => unknown>, clientSecret?: string) {
  const { client, sent } = fakeCognitoClient((name, input) => {
    const answer = answers[name] ?? (name === 'DescribeUserPoolClient' ? writingClient : undefined)
    if (!answer) throw new Error(`The fake has no answer for ${name}`)
    return answer(input)
  })
  const audit = new MemoryAuditLog()
  const gateway = new CognitoGateway({
    client,
    userPoolId: 'us-east-1_Test',
    limiters: new QuotaLimiters(),
    audit,
    sleep: async () => undefined
  })
  const connection: Connection = {
    info: { mode: 'aws', label: 'test', region: 'us-east-1', userPoolId: 'us-east-1_Test', clientId: 'client123', hasClientSecret: Boolean(clientSecret) },
    gateway,
    clientId: 'client123',
    clientSecret,
    audit,
    close: async () => undefined
  }
  return { connection, sent, audit }
}
