/**
 * A user's attributes from the command line: set any the pool lets an administrator change (checked
 * against the pool's schema in main), or remove them. Names as the pool has them: "email",
 * "given_name", "custom:company".
 */
import { quoted } from '../shared/display'
import { UsageError } from './cliIo'
import { callAndPrint, json, usernameOption, type Command } from './command'
import { formatAction } from './format'

export const setAttribute: Command = {
  required: ['username'],
  summary: "Change a user's attributes (as the pool names them: email, given_name, custom:company); an email or phone may be marked verified",
  usage: 'set-attribute <username> name=value... [--mark-verified]',
  positional: 'username',
  rest: 'attr',
  options: {
    username: usernameOption,
    attr: { type: 'string', multiple: true, description: 'name=value to set (the bare arguments after the username are these too)' },
    'mark-verified': { type: 'boolean', description: 'Mark a changed email or phone number as verified (you checked it another way): no code is sent' },
    json
  },
  check: (values) => {
    attributePairs(values.attr as string[] | undefined)
  },
  run: callAndPrint(
    'setAttributes',
    (values) => ({
      username: values.username,
      attributes: attributePairs(values.attr as string[] | undefined),
      ...(values['mark-verified'] ? { markVerified: true } : {})
    }),
    formatAction
  )
}

export const deleteAttribute: Command = {
  required: ['username', 'name'],
  summary: 'Remove attributes from a user (AdminDeleteUserAttributes); a required or immutable one is refused',
  usage: 'delete-attribute <username> <name>...',
  positional: 'username',
  rest: 'name',
  options: {
    username: usernameOption,
    name: { type: 'string', multiple: true, description: 'An attribute to remove, as the pool names it (the bare arguments after the username are these too)' },
    json
  },
  run: callAndPrint('deleteAttributes', (values) => ({ username: values.username, names: values.name }), formatAction)
}

/** name=value pairs as an attribute map; a pair without a name, or a name given twice, is a usage mistake. */
function attributePairs(pairs: string[] | undefined): Record<string, string> {
  if (!pairs?.length) throw new UsageError('Name at least one attribute to set, as name=value (email=jane@example.com).')
  // Without a prototype, a name such as "__proto__" is a key like any other (and refused as one in main).
  const attributes = Object.create(null) as Record<string, string>
  for (const pair of pairs) {
    const at = pair.indexOf('=')
    if (at <= 0) throw new UsageError(`Attributes are set as name=value, not ${quoted(pair)}.`)
    const name = pair.slice(0, at)
    if (Object.hasOwn(attributes, name)) throw new UsageError(`${quoted(name)} is given twice: give each attribute once.`)
    attributes[name] = pair.slice(at + 1)
  }
  return attributes
}
