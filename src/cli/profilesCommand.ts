/** `tier-admin profiles`: the connection profiles the app and the CLI share, without their secrets. */
import type { CredentialSource, ProfileSummary, ProfilesView } from '../shared/profiles'
import { json, type Call, type Command } from './command'
import { UsageError } from './cliIo'
import { formatTable } from './table'

export const profiles: Command = {
  summary: "List the connection profiles (choose one for any command with --profile NAME); remove a pool's production mark",
  usage: 'profiles [--unmark-production POOL_ID] [--scheduler-role-arn ARN|none] [--json]',
  options: {
    'scheduler-role-arn': {
      type: 'string',
      description:
        'Set the IAM role EventBridge Scheduler assumes to call Cognito for tier returns, on the profile chosen with --profile (or the current one); "none" removes it'
    },
    'unmark-production': {
      type: 'string',
      description: "Remove this pool's production mark, for every profile naming it (asks you to type the pool ID; needs a terminal)"
    },
    json
  },
  run: async ({ values, call, print }) => {
    const pool = values['unmark-production']
    const role = values['scheduler-role-arn']
    const view =
      typeof pool === 'string'
        ? await call('unmarkProduction', { region: regionOf(pool), userPoolId: pool, typedPoolId: pool })
        : typeof role === 'string'
          ? await setSchedulerRole(call, role)
          : await call('listProfiles', undefined)
    if (!view) return 1
    print(view, table(view.profiles, view.activeId))
    return 0
  }
}

/** Saves the current profile with the role (every other field as it is; the stored client secret is kept). */
async function setSchedulerRole(call: Call, role: string): Promise<ProfilesView | null> {
  const view = await call('listProfiles', undefined)
  const profile = view?.profiles.find((p) => p.id === view.activeId)
  if (!view || !profile) return null
  if (profile.builtIn) {
    const how = profile.id === 'environment' ? 'set COGNITO_SCHEDULER_ROLE_ARN in the environment or .env' : 'the sandbox has its own'
    throw new UsageError(`--scheduler-role-arn changes a stored profile, not "${profile.name}": ${how}. Choose a profile with --profile NAME.`)
  }
  const { id, name, region, userPoolId, clientId, endpoint, emulator, production, requireReason, credentialSource } = profile
  return call('saveProfile', {
    id,
    name,
    region,
    userPoolId,
    clientId,
    ...(endpoint ? { endpoint } : {}),
    emulator,
    production,
    requireReason,
    credentialSource,
    ...(role === 'none' ? {} : { schedulerRoleArn: role })
  })
}

/** A pool ID starts with its region: eu-west-1_AbC123. */
const regionOf = (userPoolId: string): string => userPoolId.split('_')[0] ?? ''

function table(rows: ProfileSummary[], activeId: string): string {
  const header = ['', 'NAME', 'ID', 'POOL', 'REGION', 'CREDENTIALS', 'EMULATOR', 'PRODUCTION', 'SECRET SET', 'SCHEDULER ROLE']
  const cells = rows.map((p) => [
    p.id === activeId ? '*' : '',
    p.name,
    p.id,
    p.userPoolId || '(local sandbox)',
    p.region,
    sourceOf(p.credentialSource),
    p.emulator ? 'yes' : 'no',
    p.production ? 'yes' : 'no',
    p.hasClientSecret ? 'yes' : 'no',
    p.schedulerRoleArn ?? ''
  ])
  return [formatTable(header, cells), '', '* the profile used when --profile is not given (the one chosen last in the app)'].join('\n')
}

function sourceOf(source: CredentialSource): string {
  if (source.kind === 'profile') return `aws profile ${source.profile}`
  return source.kind === 'environment' ? 'environment' : 'default chain'
}
