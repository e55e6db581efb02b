/** `tier-admin profiles`: the connection profiles the app and the CLI share, without their secrets. */
import type { CredentialSource, ProfileSummary } from '../shared/profiles'
import { json, type Command } from './command'
import { formatTable } from './table'

export const profiles: Command = {
  summary: "List the connection profiles (choose one for any command with --profile NAME); remove a pool's production mark",
  usage: 'profiles [--unmark-production POOL_ID] [--json]',
  options: {
    'unmark-production': {
      type: 'string',
      description: "Remove this pool's production mark, for every profile naming it (asks you to type the pool ID; needs a terminal)"
    },
    json
  },
  run: async ({ values, call, print }) => {
    const pool = values['unmark-production']
    const view =
      typeof pool === 'string'
        ? await call('unmarkProduction', { region: regionOf(pool), userPoolId: pool, typedPoolId: pool })
        : await call('listProfiles', undefined)
    if (!view) return 1
    print(view, table(view.profiles, view.activeId))
    return 0
  }
}

/** A pool ID starts with its region: eu-west-1_AbC123. */
const regionOf = (userPoolId: string): string => userPoolId.split('_')[0] ?? ''

function table(rows: ProfileSummary[], activeId: string): string {
  const header = ['', 'NAME', 'ID', 'POOL', 'REGION', 'CREDENTIALS', 'EMULATOR', 'PRODUCTION', 'SECRET SET']
  const cells = rows.map((p) => [
    p.id === activeId ? '*' : '',
    p.name,
    p.id,
    p.userPoolId || '(local sandbox)',
    p.region,
    sourceOf(p.credentialSource),
    p.emulator ? 'yes' : 'no',
    p.production ? 'yes' : 'no',
    p.hasClientSecret ? 'yes' : 'no'
  ])
  return [formatTable(header, cells), '', '* the profile used when --profile is not given (the one chosen last in the app)'].join('\n')
}

function sourceOf(source: CredentialSource): string {
  if (source.kind === 'profile') return `aws profile ${source.profile}`
  return source.kind === 'environment' ? 'environment' : 'default chain'
}
