/**
 * The one table of Cognito commands (src/main/cognito/commands.ts): every command the app's code
 * imports from the SDK has its row, so it is paced, retried and audited as its row says; a command
 * without one is refused before anything is written or sent, naming it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import * as sdk from '@aws-sdk/client-cognito-identity-provider'
import { describe, expect, it } from 'vitest'
import { COGNITO_COMMANDS, commandFacts } from '../../../src/main/cognito/commands'
import { CognitoGateway } from '../../../src/main/cognito/gateway'
import { QuotaLimiters } from '../../../src/main/cognito/quotas'
import { fakeCognitoClient } from '../../support/fakeCognitoClient'
import { MemoryAuditLog } from '../../support/memoryAuditLog'

const MAIN = join(__dirname, '../../../src/main')
/** The sandbox sets its own emulator up (a pool, a client) with a client of its own, before any gateway exists. */
const OUTSIDE_THE_GATEWAY = join(MAIN, 'sandbox')

function sources(folder: string): string[] {
  if (folder === OUTSIDE_THE_GATEWAY) return []
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name)
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : []
  })
}

/** The command classes imported from the SDK in the app's code. */
function importedCommands(): string[] {
  const names = new Set<string>()
  for (const file of sources(MAIN)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/import\s*\{([^}]*)\}\s*from\s*'@aws-sdk\/client-cognito-identity-provider'/g)) {
      for (const part of match[1]!.split(',')) {
        const name = part.trim()
        if (/^[A-Z]\w*Command$/.test(name)) names.add(name)
      }
    }
  }
  return [...names].sort()
}

describe('the command table', () => {
  it('has a row for every command the code imports, each with a quota the limiters know', () => {
    const imported = importedCommands()
    expect(imported.length).toBeGreaterThan(15)
    const limiters = new QuotaLimiters()
    for (const name of imported) {
      const Command = (sdk as unknown as Record<string, new (input: object) => { constructor: { name: string } }>)[name]!
      const facts = commandFacts(new Command({}).constructor.name)
      expect(limiters.get(facts.quota).rate, name).toBeGreaterThan(0)
    }
  })

  it('gives every write a label for the history, and marks every write that must not be resent', () => {
    for (const [operation, facts] of Object.entries(COGNITO_COMMANDS)) {
      if (facts.writes) expect(facts.label, operation).toBeTruthy()
      else expect(facts.repeatable, operation).toBe(true)
    }
    expect(COGNITO_COMMANDS.SignUp.repeatable).toBe(false)
    expect(COGNITO_COMMANDS.AdminDeleteUser.repeatable).toBe(false)
  })

  it('refuses a command it lacks before writing or sending anything, naming it', async () => {
    const { client, sent } = fakeCognitoClient(() => ({}))
    const audit = new MemoryAuditLog()
    const gateway = new CognitoGateway({ client, userPoolId: 'p', limiters: new QuotaLimiters(), audit })
    const unknown = new sdk.AdminLinkProviderForUserCommand({ UserPoolId: 'p', DestinationUser: {}, SourceUser: {} })
    await expect(gateway.send(unknown)).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('AdminLinkProviderForUser') })
    await expect(gateway.probe(unknown)).rejects.toMatchObject({ message: expect.stringContaining('AdminLinkProviderForUser') })
    expect(sent).toEqual([])
    expect(audit.entries).toEqual([])
  })
})

describe('the IAM rights the setup guide lists', () => {
  it('are every Cognito command the app sends except the app client’s public ones, no more and no fewer', () => {
    const guide = readFileSync(join(__dirname, '../../../docs/real-pool-setup.md'), 'utf8')
    const table = guide.slice(guide.indexOf('| needed for'), guide.indexOf('`SignUp`, `ConfirmSignUp`'))
    const listed = [...table.matchAll(/`([A-Z][A-Za-z]+)`/g)].map((match) => match[1]).sort()
    const PUBLIC = ['SignUp', 'ConfirmSignUp', 'ResendConfirmationCode']
    const needed = Object.entries(COGNITO_COMMANDS)
      .filter(([name, facts]) => !('scheduler' in facts && facts.scheduler) && !PUBLIC.includes(name))
      .map(([name]) => name)
      .sort()
    expect(listed).toEqual(needed)
  })
})
