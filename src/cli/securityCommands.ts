/**
 * How a user signs in, from the command line: their MFA beside the pool's, resetting it, and linked
 * identities (an external provider's sign-in) unlinked. Each names the user as its first argument.
 */
import { byUsername, callAndPrint, json, usernameOption, type Command } from './command'
import { formatAction } from './format'
import { formatMfa } from './supportFormat'

export const mfa: Command = {
  required: ['username'],
  summary: "A user's MFA methods and the preferred one, beside the pool's MFA setting",
  usage: 'mfa <username>',
  positional: 'username',
  options: { username: usernameOption, json },
  run: async ({ values, call, print }) => {
    const user = await call('getUser', byUsername(values))
    if (!user) return 1
    const info = await call('describePool', {})
    if (!info) return 1
    const methods = user.mfa ?? { enabled: [], preferred: null }
    const pool = { mfaConfiguration: info.security.mfaConfiguration, mfaMethods: info.security.mfaMethods }
    print({ username: user.username, mfa: methods, pool }, formatMfa(user.username, methods, pool))
    return 0
  }
}

export const resetMfa: Command = {
  required: ['username'],
  summary: 'Turn off every MFA method of a user (AdminSetUserMFAPreference); says what they are asked at their next sign-in',
  usage: 'reset-mfa <username>',
  positional: 'username',
  options: { username: usernameOption, json },
  run: callAndPrint('resetMfa', byUsername, formatAction)
}

export const unlink: Command = {
  required: ['username', 'provider-name', 'provider-user-id'],
  summary: 'Unlink an external identity (AdminDisableProviderForUser): the person can no longer sign in through it to this user',
  usage: 'unlink <username> <provider> <provider-user-id>',
  positional: ['username', 'provider-name', 'provider-user-id'],
  options: {
    username: usernameOption,
    'provider-name': { type: 'string', description: 'The provider, as "get" lists it under Linked (Google, MySAML …)' },
    'provider-user-id': { type: 'string', description: 'The person\'s id at that provider, as "get" lists it' },
    json
  },
  run: callAndPrint(
    'unlinkIdentity',
    (values) => ({ username: values.username, providerName: values['provider-name'], providerUserId: values['provider-user-id'] }),
    formatAction
  )
}
